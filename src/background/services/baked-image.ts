/**
 * What a baked image fetched from its link is, read from its bytes: a download is saved under the
 * type and name this gives, never under the type the server claims (a link answering HTML or JSON is
 * no baked image).
 */
import { hasPngSignature } from '../../core/input/png.ts';

/**
 * A downloaded picture's kind by its bytes: PNG by its signature (PNG §5.2), SVG by an `<svg` root
 * element after the prolog (XML 1.0 §2.8: an XML declaration, comments, PIs, a DOCTYPE); else undefined.
 */
export function bakedImageKind(bytes: Uint8Array): 'png' | 'svg' | undefined {
  if (hasPngSignature(bytes)) return 'png';
  const s = new TextDecoder().decode(bytes.subarray(0, 64 * 1024));
  let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (/\s/.test(s[i] ?? '')) i++;
    const close = s.startsWith('<?', i) ? '?>' : s.startsWith('<!--', i) ? '-->' : s.startsWith('<!DOCTYPE', i) ? (s.indexOf('[', i) >= 0 && s.indexOf('[', i) < s.indexOf('>', i) ? ']' : '>') : undefined;
    if (!close) break;
    const end = s.indexOf(close, i + 2);
    if (end < 0) return undefined;
    i = close === ']' ? s.indexOf('>', end) + 1 : end + close.length;
    if (i <= 0) return undefined;
  }
  return /^<(?:[A-Za-z_][\w.-]*:)?svg[\s/>]/.test(s.slice(i, i + 200)) ? 'svg' : undefined;
}

/**
 * A picture of a kind no badge is baked into (OB 2.0 §Baking and OB 3.0 §Baked Badge bake PNG and
 * SVG only), by its signature: JPEG (JFIF/Exif SOI marker FF D8 FF), GIF (`GIF87a`, `GIF89a`), WebP
 * (RIFF container, form type `WEBP`). The badge picture a profile or page shows is often one.
 */
export function unbakeablePicture(bytes: Uint8Array): 'jpeg' | 'gif' | 'webp' | undefined {
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a') return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  return undefined;
}
