/** A badge as a file: its baked image (kept, or fetched from the backpack's baked link) or its credential (JSON or JWS). */
import type { Fetch } from '../../core/verify/context.ts';
import type { Db } from '../../platform/db.ts';
import type { BadgeRecord } from '../../platform/records.ts';
import { bakedImageKind } from './baked-image.ts';
import { toBase64 } from './base64.ts';
import { fileSlug } from './file-slug.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';

export interface Download {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** The kinds of original that are a baked image. */
export const BAKED = new Set(['png', 'svg']);

/**
 * How much an original of this kind holds: a baked image (what is downloaded and shared) more than the
 * credential alone, which verifies by itself, more than a link, which hangs on its server. The library
 * never writes a copy that holds less over one that holds more (library.ts importOne).
 */
export const holds = (kind: string): number => (BAKED.has(kind) ? 2 : kind === 'url' ? 0 : 1);

/** Where a baked image download comes from, known before any fetch (BadgeDetail `bakedImage`): the rule `downloadBadge` follows. */
export function bakedImageOf(r: Pick<BadgeRecord, 'original' | 'bakedUrl'>): 'kept' | 'link' | undefined {
  return BAKED.has(r.original.kind) ? 'kept' : r.bakedUrl ? 'link' : undefined;
}

export async function downloadBadge(db: Db, fetch: Fetch, r: BadgeRecord, what: 'baked' | 'json'): Promise<Download> {
  const o = await db.originals.get(r.key);
  if (!o) throw new ServiceError(E.NOT_FOUND, 'Lanyard holds no copy of this badge to download');
  const slug = fileSlug(r.meta.name);
  if (what === 'baked') {
    const from = bakedImageOf(r);
    if (from === 'kept') {
      const svg = r.original.kind === 'svg';
      return { fileName: `${slug}.${svg ? 'svg' : 'png'}`, mimeType: svg ? 'image/svg+xml' : 'image/png', base64: toBase64(o.bytes) };
    }
    if (from !== 'link' || !r.bakedUrl) throw new ServiceError(E.NO_BAKED_IMAGE, 'This badge has no baked image: download its credential (JSON) instead');
    const res = await fetch(r.bakedUrl, { headers: { accept: 'image/png, image/svg+xml' } });
    if (!res.ok) throw new ServiceError(E.NO_BAKED_IMAGE, `The baked image could not be fetched (HTTP ${res.status})`);
    // What the bytes are, never the type the server claims: a link answering HTML or JSON is no baked image.
    const image = new Uint8Array(await res.arrayBuffer());
    const kind = bakedImageKind(image);
    if (!kind) throw new ServiceError(E.NO_BAKED_IMAGE, 'The baked image link did not answer with a PNG or SVG image');
    return { fileName: `${slug}.${kind}`, mimeType: kind === 'svg' ? 'image/svg+xml' : 'image/png', base64: toBase64(image) };
  }
  let text = o.credentialText;
  if (!text && r.original.kind === 'url') {
    const res = await fetch(new TextDecoder().decode(o.bytes), { headers: { accept: 'application/ld+json, application/json' } });
    if (!res.ok) throw new ServiceError(E.NOT_FOUND, `The hosted credential could not be fetched (HTTP ${res.status})`);
    text = await res.text();
  }
  if (!text) throw new ServiceError(E.NOT_FOUND, 'Lanyard holds no credential text for this badge');
  const jws = !text.trimStart().startsWith('{');
  return { fileName: `${slug}.${jws ? 'jws' : 'json'}`, mimeType: jws ? 'application/jwt' : 'application/ld+json', base64: toBase64(new TextEncoder().encode(text)) };
}
