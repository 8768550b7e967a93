/**
 * A baked badge's picture without the badge it carries, for the pickers' rows, which are drawn in the
 * page's document, in the page's renderer: the picture goes there, never the credential in it (and in
 * that, whom it was issued to). A PNG without its badge chunks (core/input/png.ts), an SVG without its
 * badge element (unbaked-svg.ts); other pictures carry no badge (OB 2.0 §Baking: PNG and SVG only).
 * Undefined when that cannot be done: no picture rather than the credential; nor an SVG whose
 * references would make the page build more than a few thousand clones (svg-use-clones.ts: a
 * kilobyte can ask for millions, which hung or crashed the page's tab).
 */
import { hasPngSignature, pngWithoutBadge } from '../../core/input/png.ts';
import { decodeText } from '../../core/input/text.ts';
import { fromBase64, toBase64 } from './base64.ts';
import { tooManyClones } from './svg-use-clones.ts';
import { svgWithoutBadge } from './unbaked-svg.ts';

export function unbaked(bytes: Uint8Array, type: string): Uint8Array | undefined {
  try {
    if (type === 'image/png') return pngWithoutBadge(bytes);
    if (type !== 'image/svg+xml') return bytes;
    // Read as the engine reads it (core/input/text.ts decodeText): UTF-16 without a BOM is valid UTF-8 too,
    // and read as UTF-8 it held no badge element, while Lanyard read the badge from it.
    const text = decodeText(bytes);
    const svg = text === undefined ? undefined : svgWithoutBadge(text);
    return svg === undefined || tooManyClones(svg) ? undefined : svg === text ? bytes : new TextEncoder().encode(svg);
  } catch {
    return undefined;
  }
}

/** The first bytes of the other pictures the content script draws (h.ts safeImage). */
const SIGNATURES: Record<string, RegExp> = { 'image/jpeg': /^\xFF\xD8\xFF/, 'image/gif': /^GIF8[79]a/, 'image/webp': /^RIFF[\s\S]{4}WEBP/ };

/**
 * A `data:` picture (RFC 2397: base64 or percent-encoded) without its badge, as base64; other pictures
 * as they are. A PNG is known by its signature, not its label: browsers draw one labelled image/jpeg,
 * gif or webp (they sniff an image's bytes), and the content script takes those labels (h.ts safeImage).
 * Those others go as they are when their bytes are of their type, else not at all.
 */
export function unbakedDataUrl(url: string): string | undefined {
  const comma = url.indexOf(',');
  const head = url.slice(5, comma).toLowerCase();
  const label = head.split(';')[0]!.trim();
  if (comma < 0) return url;
  try {
    const body = url.slice(comma + 1);
    const bytes = head.split(';').some((p) => p.trim() === 'base64') ? fromBase64(body) : new TextEncoder().encode(decodeURIComponent(body));
    const type = hasPngSignature(bytes) ? 'image/png' : label;
    // Any other picture only when its bytes are what it says (a baked SVG labelled image/jpeg is not drawn, but it is sent).
    if (type !== 'image/png' && type !== 'image/svg+xml') return SIGNATURES[type]?.test(String.fromCharCode(...bytes.subarray(0, 12))) ? url : undefined;
    const out = unbaked(bytes, type);
    return out ? `data:${type};base64,${toBase64(out)}` : undefined;
  } catch {
    return undefined;
  }
}
