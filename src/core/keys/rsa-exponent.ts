/**
 * RFC 8017 §3.1: an RSA public exponent e is an integer with 3 ≤ e ≤ n − 1, odd (gcd(e, λ(n)) = 1
 * with λ(n) even). Node's WebCrypto imports and verifies with e = 1, under which every message's
 * padded hash (RFC 8017 §9.2) is its own signature: such a key vouches for nothing, whoever serves it.
 */

/** Why an imported RSA key's exponent is no RSA exponent; undefined for a sound one (or a key that is not RSA). */
export function badRsaExponent(key: CryptoKey): string | undefined {
  const e = (key.algorithm as Partial<RsaHashedKeyAlgorithm>).publicExponent;
  if (!(e instanceof Uint8Array)) return undefined;
  let value = 0n;
  for (const b of e) value = (value << 8n) | BigInt(b);
  return value < 3n || value % 2n === 0n ? `its public exponent is ${value}, which no RSA key has (RFC 8017 §3.1: odd, at least 3)` : undefined;
}
