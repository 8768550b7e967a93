/**
 * Baked PNG reader (OB 2.0 §Baking PNG; OB 3.0 docformat §Baked Badge; PNG spec §5, §11.3.4).
 * Walks every chunk from the signature to IEND with bounds checks, so a truncated or corrupt file is
 * a ParseError, and returns the text of the FIRST chunk that carries a readable badge (a second that
 * names another badge makes the image no one badge: oneBadge):
 *  - iTXt `openbadges` (OB 2.0/1.x), `openbadgecredential` (OB 3.0) or `clrcredential` (CLR 2.0),
 *    compressed or not;
 *  - zTXt with any of these keywords: 1EdTech's validator reads every text entry that has a `text`
 *    value, which ImageIO gives iTXt and zTXt (DCPV inspector-vc PngParser, Keys OB20, OB30, CLR20);
 *  - tEXt with any of these keywords: pre-2013 bakers stored the hosted assertion URL in tEXt
 *    `openbadges`, and some OB 3.0 bakers write `openbadgecredential` as tEXt although OB 3.0
 *    §5.3.1.1 says iTXt: read the same way, under the same limits (text read as UTF-8 when it is).
 * Anything after IEND is not part of the PNG (PNG §5.6: IEND is the last chunk) and is never read;
 * a badge keyword found only there is said as such (readBakedPng).
 */
import { ErrorCodes, ParseError, UnsupportedCredentialError } from '../errors.ts';
import { inflate, InflateError } from './inflate.ts';
import { otherReadings } from './png-other-readers.ts';
import { badgeName, namesOtherBadge, type BadgeName } from './same-badge.ts';
import { decodeLatin1, decodeUtf8 } from './text.ts';

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** Keywords that mark a baked badge, per chunk type. */
const BADGE_KEYWORDS = ['openbadges', 'openbadgecredential', 'clrcredential'] as const;
/** PNG §5.3: a chunk length is at most 2^31 − 1. */
const MAX_CHUNK_LENGTH = 0x7fffffff;

export interface BakedPngText {
  chunk: 'iTXt' | 'tEXt' | 'zTXt';
  keyword: string;
  text: string;
}

interface RawChunk {
  type: 'iTXt' | 'tEXt' | 'zTXt';
  /** Its badge keyword (only badge chunks are kept). */
  keyword: string;
  data: Uint8Array;
}

const bad = (message: string): ParseError => new ParseError(ErrorCodes.PARSE_PNG, message);

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The chunk types read, as their four bytes big-endian (PNG §5.4 type codes). */
const IHDR = 0x49484452;
const IEND = 0x49454e44;
const TEXT_TYPES = new Map([[0x69545874, 'iTXt'], [0x74455874, 'tEXt'], [0x7a545874, 'zTXt']] as const);

/** A chunk type byte: an ASCII letter (PNG §5.4). */
const isLetter = (b: number): boolean => (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a;

/**
 * PNG §5.3 chunk layout: length (4, big-endian) ‖ type (4) ‖ data ‖ CRC (4). Every chunk is checked
 * to IEND; only the badge chunks are kept. A chunk costs a few integer reads and no string or object:
 * a hostile file of 8 MiB is some 700,000 empty chunks, whose walk took seconds of the worker.
 */
/** Every chunk checked to IEND; the badge chunks returned, in file order, and where IEND ends. */
function readChunks(bytes: Uint8Array): { chunks: RawChunk[]; end: number } {
  if (!hasPngSignature(bytes)) throw bad('Not a PNG: the 8-byte signature is missing or wrong');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: RawChunk[] = [];
  let offset = 8;
  for (let first = true; ; first = false) {
    if (offset + 12 > bytes.length) throw bad(`Truncated PNG: chunk header cut at byte ${offset}, no IEND`);
    const length = view.getUint32(offset);
    if (length > MAX_CHUNK_LENGTH) throw bad(`Corrupt PNG: chunk length ${length} at byte ${offset}`);
    const code = view.getUint32(offset + 4);
    if (!(isLetter(code >>> 24) && isLetter((code >>> 16) & 0xff) && isLetter((code >>> 8) & 0xff) && isLetter(code & 0xff))) {
      throw bad(`Corrupt PNG: invalid chunk type at byte ${offset}`);
    }
    const end = offset + 12 + length;
    if (end > bytes.length) throw bad(`Truncated PNG: ${decodeLatin1(bytes.subarray(offset + 4, offset + 8))} chunk at byte ${offset} runs past the end of the file`);
    if (first && code !== IHDR) throw bad('Corrupt PNG: the first chunk is not IHDR');
    const type = TEXT_TYPES.get(code as never);
    const keyword = type && badgeKeyword(bytes, offset + 8, length);
    if (type && keyword) chunks.push({ type, keyword, data: bytes.subarray(offset + 8, offset + 8 + length) });
    offset = end;
    if (code === IEND) return { chunks, end };
  }
}

/**
 * The badge keyword a text chunk's data starts with (PNG §11.3.4: the keyword, then NUL), compared
 * byte by byte in place: most text chunks of a file are no badge's, and cost no string.
 */
function badgeKeyword(bytes: Uint8Array, start: number, length: number): string | undefined {
  next: for (const keyword of BADGE_KEYWORDS) {
    if (length <= keyword.length || bytes[start + keyword.length] !== 0) continue;
    for (let i = 0; i < keyword.length; i++) if (bytes[start + i] !== keyword.charCodeAt(i)) continue next;
    return keyword;
  }
  return undefined;
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
 * The text of the first readable badge chunk in file order; UnsupportedCredentialError
 * (indeterminate) when another badge chunk names another badge. ParseError PARSE_PNG for a broken file,
 * PARSE_NOT_BAKED for a sound PNG with no badge in it, PARSE_BAKED_AFTER_END when its only badge
 * data lies after IEND.
 */
export async function readBakedPng(bytes: Uint8Array): Promise<BakedPngText> {
  const { chunks, end } = readChunks(bytes);
  const first = chunks[0];
  if (first) {
    const { chunk, text } = await oneBadge(first, chunks.slice(1));
    return { chunk: chunk.type, keyword: chunk.keyword, text };
  }
  if (keywordAfter(bytes, end)) {
    throw new ParseError(ErrorCodes.PARSE_BAKED_AFTER_END, 'The PNG carries no badge: badge data was found only after the image\'s end (its IEND chunk), where PNG readers ignore it; the file was not baked correctly');
  }
  throw new ParseError(ErrorCodes.PARSE_NOT_BAKED, 'The PNG carries no openbadges, openbadgecredential or clrcredential text chunk');
}

/**
 * A badge chunk's text. The badge chunk's CRC is not checked: the Mozilla Backpack's first baker
 * (metapng.js) wrote tEXt chunks with wrong CRCs (mozilla/openbadges-backpack issue #194), and PNG
 * §13.1 (error handling) has a decoder recover from errors in ancillary chunks. A CRC guards against
 * damage, not forgery: the text read is verified on its own (hosted copy, signature or proof).
 */
async function chunkText(chunk: RawChunk): Promise<string> {
  const nul = chunk.keyword.length; // the keyword is followed by its NUL (badgeKeyword)
  return chunk.type === 'iTXt' ? await readItxt(chunk.data, nul) : chunk.type === 'zTXt' ? await readZtxt(chunk.data, nul) : legacyText(chunk.data.subarray(nul + 1));
}

/** The most other badge chunks decoded to compare with the first (those with the same bytes cost no decoding). */
const MAX_COMPARED = 16;

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The one badge a PNG carries: OB 2.0 §Baking ("at most one iTXt chunk with keyword openbadges"),
 * OB 3.0 §5.3.1 Baked Badge (one `openbadgecredential` chunk). The badge is the first chunk that
 * reads as one (a chunk that cannot be decoded, or holds no JSON, JWS or URL, is passed over, never
 * a refusal by itself: the readable badge is judged, but what a more tolerant reader takes from it,
 * png-other-readers.ts, must be that badge too). A second readable chunk that names another
 * badge (same-badge.ts: not the same object; a URL not its id) would ride along unchecked in the image
 * Lanyard called valid, read by a reader that takes the other keyword or the last chunk: such an
 * image is not judged, indeterminate. The same badge in two forms (its URL beside its JSON,
 * pretty-printed beside compact) is one badge. No chunk readable: the first, as it reads (or fails).
 */
async function oneBadge(first: RawChunk, others: RawChunk[]): Promise<{ chunk: RawChunk; text: string }> {
  let badge: { chunk: RawChunk; text: string; name: BadgeName } | undefined;
  // What other readers take from chunks Lanyard cannot read (png-other-readers.ts): never the badge, compared with it.
  const unread: { chunk: RawChunk; name: BadgeName }[] = [];
  let compared = 0;
  for (const chunk of [first, ...others]) {
    if (badge && chunk.type === badge.chunk.type && sameBytes(chunk.data, badge.chunk.data)) continue;
    if (chunk !== first && ++compared > MAX_COMPARED) throw twoBadges(first, chunk);
    const text = await chunkText(chunk).catch(() => undefined);
    if (text === undefined) {
      for (const other of await otherReadings(chunk.type, chunk.data, chunk.keyword.length)) {
        const name = badgeName(other);
        if (name) unread.push({ chunk, name });
      }
      continue;
    }
    const name = badgeName(text);
    if (!name) continue;
    if (!badge) badge = { chunk, text, name };
    else if (namesOtherBadge(badge.name, name)) throw twoBadges(badge.chunk, chunk);
  }
  const other = badge && unread.find((u) => namesOtherBadge(badge.name, u.name));
  if (badge && other) throw twoBadges(badge.chunk, other.chunk);
  return badge ?? { chunk: first, text: await chunkText(first) };
}

function twoBadges(a: RawChunk, b: RawChunk): UnsupportedCredentialError {
  return new UnsupportedCredentialError(
    `a PNG holding two different badges (${a.type} ${a.keyword} and ${b.type} ${b.keyword})`,
    `This image carries two different badges (its ${a.keyword} and ${b.keyword} chunks name different badges), but a baked image carries one (OB 2.0 §Baking, OB 3.0 §5.3.1): Lanyard cannot say which one it stands for. Get the badge again from its issuer or backpack, or add its link`,
  );
}

/**
 * The picture without the badge it carries: the PNG to its IEND (PNG §5.6) with every badge text chunk
 * left out, the other chunks as they are. For showing a baked badge where its credential must not go
 * (a picker row in a web page). ParseError PARSE_PNG for a file readBakedPng would refuse too.
 */
export function pngWithoutBadge(bytes: Uint8Array): Uint8Array {
  const { chunks, end } = readChunks(bytes);
  const out = new Uint8Array(end - chunks.reduce((n, c) => n + c.data.length + 12, 0));
  let from = 0;
  let to = 0;
  // Each badge chunk's data sits 8 bytes after its start (length, type) and is followed by its CRC (4).
  for (const c of [...chunks.map((k) => ({ start: k.data.byteOffset - bytes.byteOffset - 8, length: k.data.length + 12 })), { start: end, length: 0 }]) {
    out.set(bytes.subarray(from, c.start), to);
    to += c.start - from;
    from = c.start + c.length;
  }
  return out;
}

/** Whether a badge keyword followed by NUL (a text chunk's start, PNG §11.3.4) appears in the bytes from `from` on: only to say why nothing was read. */
function keywordAfter(bytes: Uint8Array, from: number): boolean {
  for (let i = bytes.indexOf(0, from); i >= 0; i = bytes.indexOf(0, i + 1)) {
    if (bytes[i - 1] !== 0x73 && bytes[i - 1] !== 0x6c) continue; // every keyword ends in s or l
    next: for (const keyword of BADGE_KEYWORDS) {
      const start = i - keyword.length;
      if (start < from) continue;
      for (let k = 0; k < keyword.length; k++) if (bytes[start + k] !== keyword.charCodeAt(k)) continue next;
      return true;
    }
  }
  return false;
}
