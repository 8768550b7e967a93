/**
 * The test backpack's keys, the same on every run: Ed25519 and P-256 keys derived from fixed seed
 * labels, and the fixed RSA key. Only ids and URLs depend on the base URL, so a badge signed at
 * start verifies on whatever port the server listens on.
 */
import { createECDH, createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { RSA_TEST_KEY_PEM } from './rsa-test-key.ts';

export interface TestKey {
  alg: 'EdDSA' | 'ES256' | 'RS256';
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The public key as a JWK (no `d`). */
  jwk: Record<string, string>;
  /** Multikey `publicKeyMultibase` (Controlled Identifiers §Multikey); RSA has none. */
  multibase?: string;
}

export const seedOf = (label: string): Uint8Array => new Uint8Array(createHash('sha256').update(`lanyard-test-backpack/${label}`).digest());

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** base58btc (the Bitcoin alphabet), as Multibase `z` uses. */
export function base58btc(bytes: Uint8Array): string {
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}

const b64u = (b: Uint8Array): string => Buffer.from(b).toString('base64url');

/** Ed25519 from a 32-byte seed: PKCS#8 is a fixed 16-byte prefix and the seed (RFC 8410 §7). */
export function ed25519Key(label: string): TestKey & { seed: Uint8Array } {
  const seed = seedOf(label);
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' }) as Record<string, string>;
  const raw = Buffer.from(jwk.x ?? '', 'base64url');
  // Multicodec ed25519-pub is 0xed, varint 0xed 0x01.
  const multibase = 'z' + base58btc(Buffer.concat([Buffer.from([0xed, 0x01]), raw]));
  return { alg: 'EdDSA', privateKey, publicKey, jwk: { kty: 'OKP', crv: 'Ed25519', x: jwk.x ?? '' }, multibase, seed };
}

/** P-256 with the private scalar taken from the seed (a hash lands below the group order all but never). */
export function p256Key(label: string): TestKey {
  const d = seedOf(label);
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(d);
  const pub = ecdh.getPublicKey();
  const x = b64u(pub.subarray(1, 33));
  const y = b64u(pub.subarray(33, 65));
  const privateKey = createPrivateKey({ key: { kty: 'EC', crv: 'P-256', x, y, d: b64u(d) }, format: 'jwk' });
  const compressed = ecdh.getPublicKey(null, 'compressed');
  // Multicodec p256-pub is 0x1200, varint 0x80 0x24.
  const multibase = 'z' + base58btc(Buffer.concat([Buffer.from([0x80, 0x24]), compressed]));
  return { alg: 'ES256', privateKey, publicKey: createPublicKey(privateKey), jwk: { kty: 'EC', crv: 'P-256', x, y }, multibase };
}

export function rsaKey(): TestKey & { publicKeyPem: string } {
  const privateKey = createPrivateKey(RSA_TEST_KEY_PEM);
  const publicKey = createPublicKey(privateKey);
  const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  return { alg: 'RS256', privateKey, publicKey, jwk: publicKey.export({ format: 'jwk' }) as Record<string, string>, publicKeyPem };
}

export interface KeyRing {
  /** OB 2.0 issuer key (CryptographicKey.publicKeyPem). */
  rsa: TestKey & { publicKeyPem: string };
  /** OB 3.0 Data Integrity key (eddsa-rdfc-2022), `#key-1`. */
  di: TestKey & { seed: Uint8Array };
  /** OB 3.0 VC-JWT keys. */
  jwtEd: TestKey;
  jwtP256: TestKey;
}

let ring: KeyRing | undefined;

/** Built once per process: nothing in it depends on the base URL. */
export function keyRing(): KeyRing {
  ring ??= { rsa: rsaKey(), di: ed25519Key('ob3/di/key-1'), jwtEd: ed25519Key('ob3/jwt/eddsa'), jwtP256: p256Key('ob3/jwt/es256') };
  return ring;
}
