/**
 * What sync keeps of a provider's badge: the baked image when the provider has one, else the
 * credential text, else its URL. A baked image already stored for the same content (`stored`) is
 * kept when it cannot be downloaded again (the issuer's server down): never traded for the text.
 */
import type { Fetch } from '../../core/verify/context.ts';
import { takeBytes } from '../../core/verify/read-body.ts';
import type { BadgeSource } from './badge-verify.ts';
import type { SyncItem } from './providers/index.ts';

export type StoredImage = () => Promise<{ kind: 'png' | 'svg'; bytes: Uint8Array } | undefined>;

export async function originalOf(fetch: Fetch, item: SyncItem, signal: AbortSignal, stored?: StoredImage): Promise<Pick<BadgeSource, 'original' | 'input'>> {
  if (item.bakedUrl) {
    try {
      const res = await fetch(item.bakedUrl, { headers: { accept: 'image/png, image/svg+xml;q=0.9' }, signal });
      const type = res.headers.get('content-type') ?? '';
      if (res.ok && /image\/(png|svg)/.test(type)) {
        // The host fetch read the image already (capped): its bytes, without a second read of the stream.
        const bytes = takeBytes(res) ?? new Uint8Array(await res.arrayBuffer());
        return { original: { kind: type.includes('svg') ? 'svg' : 'png', bytes }, input: bytes };
      }
    } catch {
      /* no image: the one stored, else the credential */
    }
    const held = await stored?.();
    if (held) return { original: held, input: held.bytes };
  }
  if (item.text !== undefined) {
    const bytes = new TextEncoder().encode(item.text);
    return { original: { kind: item.text.trimStart().startsWith('{') ? 'json' : 'jws', bytes }, input: bytes };
  }
  const url = item.url ?? '';
  return { original: { kind: 'url', bytes: new TextEncoder().encode(url) }, input: url };
}
