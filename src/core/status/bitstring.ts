/**
 * Status list bitstrings (W3C Bitstring Status List §4.2 "Bitstring Expansion", §3.2 validate
 * step "let status be the value of the bit at position statusListIndex"; StatusList2021 the same
 * without the multibase prefix): base64url(GZIP(bits)), the first bit (index 0) being the most
 * significant bit of the first byte. Decompressed with the platform's DecompressionStream.
 */

/** W3C Bitstring Status List §4.1: lists are at least 16 KB; refuse absurd expansions (a gzip bomb). */
export const MAX_LIST_BYTES = 16 * 1024 * 1024;

/** `max`: the most bytes it may expand to (MAX_LIST_BYTES, or less when a verification's lists have used part of their bound: list-memo.ts). */
export async function gunzip(bytes: Uint8Array, max = MAX_LIST_BYTES): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw new Error(max < MAX_LIST_BYTES ? `the list expands to more than the ${max} bytes left of what one verification's status lists may expand to` : `the list expands to more than ${max} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** RFC 4648 §5 base64url, no padding. */
function fromBase64url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The bitstring of an encodedList: `u` + base64url (Bitstring Status List, multibase) or bare base64url (StatusList2021). */
export async function decodeList(encodedList: string, multibase: boolean, max = MAX_LIST_BYTES): Promise<Uint8Array> {
  let text = encodedList;
  if (multibase) {
    if (!text.startsWith('u')) throw new Error('the encodedList does not start with the multibase prefix u (base64url)');
    text = text.slice(1);
  }
  if (!/^[A-Za-z0-9_-]+=*$/.test(text)) throw new Error('the encodedList is not base64url');
  return gunzip(fromBase64url(text.replace(/=+$/, '')), max);
}

/**
 * Bit `index`, most significant bit first; undefined beyond the end. The byte is found by division,
 * not `index >> 3`: a shift reads its operand as a 32-bit integer, so index 2^32 + 23 would read bit 23.
 */
export function bitAt(bits: Uint8Array, index: number): 0 | 1 | undefined {
  if (!Number.isSafeInteger(index) || index < 0) return undefined;
  const byte = bits[Math.floor(index / 8)];
  return byte === undefined ? undefined : (((byte >> (7 - (index % 8))) & 1) as 0 | 1);
}
