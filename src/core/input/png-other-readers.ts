/**
 * What other readers take from a badge text chunk that Lanyard cannot read (png.ts oneBadge). PNG
 * §11.3.4.5 allows an iTXt compression flag of 0 or 1 and method 0 only, and Lanyard refuses the
 * rest, but readers of baked badges are more tolerant:
 *  - Java ImageIO (PNGImageReader parse_iTXt_chunk) reads any flag but 1 as uncompressed text and
 *    inflates a flag-1 text whatever its method; parse_zTXt_chunk inflates whatever the method;
 *  - 1EdTech's validator (DCPV inspector-vc PngParser, key OB20 `allowsInconsistentItXt`) reads an
 *    iTXt whose flag is not 0 or 1, whose method is not 0 or whose tags are not terminated as the
 *    text after its keyword's NUL, then trims it as Java's String.trim (every char up to U+0020);
 *  - both decode UTF-8 with U+FFFD for bytes that are not UTF-8, and java.util.zip.Inflater gives
 *    what it inflated from a stream that ends early.
 * Such a reading is never the badge Lanyard judges (the chunk is corrupt), but a badge it names is
 * one another reader may take from the image, so it must be the same badge.
 */
import { inflate } from './inflate.ts';
import { decodeLatin1, decodeUtf8 } from './text.ts';

const LOSSY = new TextDecoder('utf-8');
const javaTrim = (s: string): string => s.replace(/^[\0- ]+|[\0- ]+$/g, '');
const tolerantInflate = (bytes: Uint8Array): Promise<Uint8Array | undefined> => inflate(bytes, undefined, 'deflate', true).catch(() => undefined);

/** The texts other readers may read from a text chunk's data (`nul`: its keyword's NUL). */
export async function otherReadings(type: 'iTXt' | 'tEXt' | 'zTXt', data: Uint8Array, nul: number): Promise<string[]> {
  const out: string[] = [];
  if (type === 'zTXt') {
    const text = await tolerantInflate(data.subarray(nul + 2));
    if (text) out.push(decodeUtf8(text) ?? decodeLatin1(text));
  } else if (type === 'iTXt') {
    out.push(javaTrim(LOSSY.decode(data.subarray(nul + 1))));
    const langEnd = data.indexOf(0, nul + 3);
    const transEnd = langEnd < 0 ? -1 : data.indexOf(0, langEnd + 1);
    if (transEnd >= 0) {
      const body = data.subarray(transEnd + 1);
      const text = data[nul + 1] === 1 ? await tolerantInflate(body) : body;
      if (text) out.push(LOSSY.decode(text));
    }
  }
  return out;
}
