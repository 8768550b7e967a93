/**
 * Multikey public keys (W3C Controlled Identifiers §Multikey; did:key spec §Signature Method
 * Creation): `z` + base58btc(multicodec varint ‖ key bytes). Ed25519 (0xed → `z6Mk…`) and the
 * compressed NIST curves P-256 (0x1200 → `zDn…`) and P-384 (0x1201 → `z82…`).
 */
import { base64url } from 'jose';
import { base58btcDecode, multibaseDecode } from './base58.ts';
import type { PublicJwk } from './jwk.ts';

interface Curve {
  crv: 'P-256' | 'P-384';
  size: number;
  p: bigint;
  b: bigint;
}
const P256: Curve = {
  crv: 'P-256',
  size: 32,
  p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
  b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
};
const P384: Curve = {
  crv: 'P-384',
  size: 48,
  p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
  b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
};

function modPow(base: bigint, exp: bigint, m: bigint): bigint {
  let r = 1n;
  let b = base % m;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
  }
  return r;
}
const toBig = (bytes: Uint8Array): bigint => bytes.reduce((acc, x) => (acc << 8n) | BigInt(x), 0n);
function toBytes(n: bigint, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = size - 1, v = n; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

/** SEC 1 §2.3.4 point decompression; both curves have p ≡ 3 (mod 4), so √a = a^((p+1)/4). */
function decompress(c: Curve, point: Uint8Array): PublicJwk | null {
  const prefix = point[0];
  if (point.length !== c.size + 1 || (prefix !== 2 && prefix !== 3)) return null;
  const x = toBig(point.subarray(1));
  if (x >= c.p) return null;
  const rhs = (((x * x * x - 3n * x + c.b) % c.p) + c.p) % c.p;
  let y = modPow(rhs, (c.p + 1n) / 4n, c.p);
  if ((y * y) % c.p !== rhs) return null; // not on the curve
  if (Number(y & 1n) !== (prefix & 1)) y = c.p - y;
  return { kty: 'EC', crv: c.crv, x: base64url.encode(point.subarray(1)), y: base64url.encode(toBytes(y, c.size)) };
}

/** The key inside multicodec-prefixed bytes, or null when the codec or length is not one Lanyard reads. */
export function multicodecToJwk(bytes: Uint8Array): PublicJwk | null {
  const [a, b] = bytes;
  if (a === 0xed && b === 0x01 && bytes.length === 34) return { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(bytes.subarray(2)) };
  if (a === 0x80 && b === 0x24) return decompress(P256, bytes.subarray(2));
  if (a === 0x81 && b === 0x24) return decompress(P384, bytes.subarray(2));
  return null;
}

/** `publicKeyMultibase` → JWK. Memoised: did:key and Multikey values repeat, and decompression costs BigInt work. */
const memo = new Map<string, PublicJwk | null>();
export function multikeyToJwk(multibase: string): PublicJwk | null {
  let jwk = memo.get(multibase);
  if (jwk === undefined) {
    const bytes = multibaseDecode(multibase);
    jwk = bytes ? multicodecToJwk(bytes) : null;
    if (memo.size >= 1024) memo.clear();
    memo.set(multibase, jwk);
  }
  return jwk;
}

/** Ed25519VerificationKey2018 `publicKeyBase58`: the raw 32-byte key, no multicodec. */
export function base58Ed25519ToJwk(text: string): PublicJwk | null {
  const bytes = base58btcDecode(text);
  return bytes && bytes.length === 32 ? { kty: 'OKP', crv: 'Ed25519', x: base64url.encode(bytes) } : null;
}
