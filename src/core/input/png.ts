/**
 * Baked PNG reader (OB 2.0 §Baking PNG; OB 3.0 docformat §Baked Badge; PNG spec §5, §11.3.4).
 * Walks every chunk from the signature to IEND with bounds checks, so a truncated or corrupt file is
 * a ParseError, and returns the text of the FIRST chunk that carries a badge:
 *  - iTXt `openbadges` (OB 2.0/1.x), `openbadgecredential` (OB 3.0) or `clrcredential` (CLR 2.0),
 *    compressed or not;
 *  - zTXt with any of these keywords: 1EdTech's validator reads every text entry that has a `text`
 *    value, which ImageIO gives iTXt and zTXt (DCPV inspector-vc PngParser, Keys OB20, OB30, CLR20);
 *  - legacy tEXt `openbadges` (pre-2013 bakers stored the hosted assertion URL there).
 */
import { ErrorCodes, ParseError } from '../errors.ts';
import { crc32 } from './crc32.ts';
import { inflate, InflateError } from './inflate.ts';
import { decodeLatin1, decodeUtf8 } from './text.ts';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** Keywords that mark a baked badge, per chunk type. */
const BADGE_KEYWORDS = new Set(['openbadges', 'openbadgecredential', 'clrcredential']);
const TEXT_KEYWORDS = new Set(['openbadges']);
/** PNG §5.3: a chunk length is at most 2^31 − 1. */
const MAX_CHUNK_LENGTH = 0x7fffffff;

export interface BakedPngText {
  chunk: 'iTXt' | 'tEXt' | 'zTXt';
  keyword: string;
  text: string;
}

interface RawChunk {
  type: string;
  /** Offset of the chunk's type field (CRC covers type ‖ data). */
  at: number;
  data: Uint8Array;
}

const bad = (message: string): ParseError => new ParseError(ErrorCodes.PARSE_PNG, message);

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** PNG §5.3 chunk layout: length (4, big-endian) ‖ type (4) ‖ data ‖ CRC (4). */
function readChunks(bytes: Uint8Array): RawChunk[] {
  if (!hasPngSignature(bytes)) throw bad('Not a PNG: the 8-byte signature is missing or wrong');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: RawChunk[] = [];
  let offset = 8;
  for (;;) {
    if (offset + 12 > bytes.length) throw bad(`Truncated PNG: chunk header cut at byte ${offset}, no IEND`);
    const length = view.getUint32(offset);
    if (length > MAX_CHUNK_LENGTH) throw bad(`Corrupt PNG: chunk length ${length} at byte ${offset}`);
    const type = decodeLatin1(bytes.subarray(offset + 4, offset + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) throw bad(`Corrupt PNG: invalid chunk type at byte ${offset}`);
    const end = offset + 12 + length;
    if (end > bytes.length) throw bad(`Truncated PNG: ${type} chunk at byte ${offset} runs past the end of the file`);
    if (chunks.length === 0 && type !== 'IHDR') throw bad('Corrupt PNG: the first chunk is not IHDR');
    chunks.push({ type, at: offset + 4, data: bytes.subarray(offset + 8, offset + 8 + length) });
    offset = end;
    if (type === 'IEND') return chunks;
  }
}

/** The keyword of a text chunk (PNG §11.3.4: 1–79 Latin-1 bytes, then NUL), and where it ends. */
function keywordOf(data: Uint8Array): { keyword: string; nul: number } | undefined {
  const nul = data.indexOf(0);
  if (nul < 1 || nul > 79) return undefined;
  return { keyword: decodeLatin1(data.subarray(0, nul)), nul };
}

function checkCrc(bytes: Uint8Array, chunk: RawChunk): void {
  const stored = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(chunk.at + 4 + chunk.data.length);
  if (crc32(bytes, chunk.at, chunk.at + 4 + chunk.data.length) !== stored) {
    throw bad(`Corrupt PNG: CRC mismatch in the ${chunk.type} chunk that holds the badge`);
  }
}

async function inflateText(data: Uint8Array, chunk: string): Promise<Uint8Array> {
  try {
    return await inflate(data);
  } catch (e) {
    if (e instanceof InflateError) throw bad(`Corrupt PNG: compressed ${chunk} text: ${e.message}`);
    throw e;
  }
}

/** PNG §11.3.4.5 iTXt: keyword NUL flag method language NUL translated-keyword NUL text(UTF-8). */
async function readItxt(data: Uint8Array, nul: number): Promise<string> {
  const flag = data[nul + 1];
  const method = data[nul + 2];
  if (flag === undefined || method === undefined) throw bad('Corrupt PNG: iTXt chunk ends inside its header');
  const langEnd = data.indexOf(0, nul + 3);
  const transEnd = langEnd < 0 ? -1 : data.indexOf(0, langEnd + 1);
  if (transEnd < 0) throw bad('Corrupt PNG: iTXt language tag or translated keyword is not terminated');
  let body = data.subarray(transEnd + 1);
  if (flag === 1) {
    // OB forbids compression, but a tolerant reader honours method 0 (zlib).
    if (method !== 0) throw bad(`Corrupt PNG: iTXt compression method ${method} is unknown`);
    body = await inflateText(body, 'iTXt');
  } else if (flag !== 0) throw bad(`Corrupt PNG: iTXt compression flag ${flag}`);
  const text = decodeUtf8(body);
  if (text === undefined) throw bad('Corrupt PNG: iTXt text is not UTF-8');
  return text;
}

/**
 * tEXt and zTXt text is Latin-1 (PNG §11.3.4.3), but bakers write the badge JSON they hold, and JSON
 * is UTF-8 (RFC 8259 §8.1): bytes that are valid UTF-8 are read as UTF-8, so that "SAFe®" or a
 * Japanese badge name is not turned into mojibake (and a signed credential's text into another text).
 * Latin-1 text beyond ASCII is almost never valid UTF-8, so it is still read as Latin-1.
 */
const legacyText = (bytes: Uint8Array): string => decodeUtf8(bytes) ?? decodeLatin1(bytes);

/** PNG §11.3.4.4 zTXt: keyword NUL method(0) zlib(Latin-1 text). */
async function readZtxt(data: Uint8Array, nul: number): Promise<string> {
  if (data[nul + 1] !== 0) throw bad('Corrupt PNG: zTXt compression method is not 0');
  return legacyText(await inflateText(data.subarray(nul + 2), 'zTXt'));
}

/**
 * The text of the first badge chunk in file order. ParseError PARSE_PNG for a broken file,
 * PARSE_NOT_BAKED for a sound PNG with no badge in it.
 */
export async function readBakedPng(bytes: Uint8Array): Promise<BakedPngText> {
  const chunks = readChunks(bytes);
  for (const chunk of chunks) {
    if (chunk.type !== 'iTXt' && chunk.type !== 'tEXt' && chunk.type !== 'zTXt') continue;
    const kw = keywordOf(chunk.data);
    if (!kw) continue;
    const wanted = chunk.type === 'tEXt' ? TEXT_KEYWORDS : BADGE_KEYWORDS;
    if (!wanted.has(kw.keyword)) continue;
    checkCrc(bytes, chunk);
    const text =
      chunk.type === 'iTXt'
        ? await readItxt(chunk.data, kw.nul)
        : chunk.type === 'zTXt'
          ? await readZtxt(chunk.data, kw.nul)
          : legacyText(chunk.data.subarray(kw.nul + 1));
    return { chunk: chunk.type, keyword: kw.keyword, text };
  }
  throw new ParseError(ErrorCodes.PARSE_NOT_BAKED, 'The PNG carries no openbadges, openbadgecredential or clrcredential text chunk');
}
