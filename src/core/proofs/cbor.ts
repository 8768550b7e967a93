/**
 * A small CBOR decoder (RFC 8949 §3) for the ecdsa-sd-2023 derived proof value (VC DI ECDSA
 * §3.5.? "parseDerivedProofValue": an array of byte strings, an array of byte strings, a map of
 * integers to byte strings and an array of integers). Only what that value uses is read:
 * unsigned and negative integers, byte and text strings, arrays and maps of definite length.
 * Tags are refused (the spec: "CBOR tagging MUST NOT be used"), as are floats, simple values and
 * indefinite lengths. Input is hostile: lengths are bounded by the bytes present and nesting is
 * limited.
 */
export type Cbor = number | Uint8Array | string | Cbor[] | Map<number | string, Cbor>;

export class CborError extends Error {}

const MAX_DEPTH = 8;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeCbor(bytes: Uint8Array): Cbor {
  let pos = 0;
  const need = (n: number): void => {
    if (n > bytes.length - pos) throw new CborError('CBOR value is truncated');
  };
  const argument = (info: number): number => {
    if (info < 24) return info;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw new CborError('indefinite lengths and reserved values are not accepted');
    need(size);
    let v = 0;
    for (let i = 0; i < size; i++) v = v * 256 + bytes[pos++]!;
    if (!Number.isSafeInteger(v)) throw new CborError('CBOR integer too large');
    return v;
  };
  const item = (depth: number): Cbor => {
    if (depth > MAX_DEPTH) throw new CborError('CBOR nesting too deep');
    need(1);
    const head = bytes[pos++]!;
    const major = head >> 5;
    const n = argument(head & 31);
    switch (major) {
      case 0:
        return n;
      case 1:
        return -1 - n;
      case 2:
        need(n);
        return bytes.slice(pos, (pos += n));
      case 3:
        need(n);
        return utf8.decode(bytes.subarray(pos, (pos += n)));
      case 4: {
        need(n); // every element takes at least one byte
        const out: Cbor[] = [];
        for (let i = 0; i < n; i++) out.push(item(depth + 1));
        return out;
      }
      case 5: {
        need(2 * n);
        const out = new Map<number | string, Cbor>();
        for (let i = 0; i < n; i++) {
          const k = item(depth + 1);
          if (typeof k !== 'number' && typeof k !== 'string') throw new CborError('CBOR map keys must be integers or text');
          if (out.has(k)) throw new CborError('CBOR map has a duplicate key');
          out.set(k, item(depth + 1));
        }
        return out;
      }
      default:
        throw new CborError(major === 6 ? 'CBOR tags are not allowed here' : 'CBOR floats and simple values are not accepted');
    }
  };
  const value = item(0);
  if (pos !== bytes.length) throw new CborError('bytes follow the CBOR value');
  return value;
}
