/**
 * An ECDSA signature in ASN.1 DER (SEQUENCE { INTEGER r, INTEGER s }, RFC 3279 §2.2.3), as some JWS
 * producers emit it (Danube Tech's Universal Issuer, JFF Plugfest 2), turned into the fixed-length
 * R‖S pair that JWS requires (RFC 7518 §3.4) and WebCrypto verifies. Strict: short-form lengths,
 * positive minimal integers, nothing after the sequence; anything else is not DER and gives null.
 */
export function derToRaw(der: Uint8Array, size: number): Uint8Array | null {
  if (der.length < 8 || der[0] !== 0x30 || der[1] !== der.length - 2 || der[1]! >= 0x80) return null;
  const out = new Uint8Array(size * 2);
  let at = 2;
  for (const half of [0, 1]) {
    if (der[at] !== 0x02) return null;
    const len = der[at + 1]!;
    if (len === 0 || len >= 0x80 || at + 2 + len > der.length) return null;
    let int = der.subarray(at + 2, at + 2 + len);
    if (int[0]! & 0x80) return null; // negative
    if (int[0] === 0 && int.length > 1) {
      if (!(int[1]! & 0x80)) return null; // not minimal
      int = int.subarray(1);
    }
    if (int.length > size) return null;
    out.set(int, half * size + size - int.length);
    at += 2 + len;
  }
  return at === der.length ? out : null;
}
