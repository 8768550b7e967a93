/**
 * OB 3.0 VC-JWT verification cost against its floor. jwt_*_verify_us: median microseconds for one
 * credential through Lanyard's whole JWT verifier (verifyOb3Jwt: read, structure and claims, alg
 * allow-list, key from a did:key kid or a jwk header, signature, issuer-key, dates, status) over a few
 * hundred distinct credentials signed in the setup, each verified once, no fetch and no cached result.
 * webcrypto_*_verify_us: crypto.subtle.verify alone, key imported once, same signing inputs and signatures.
 */
import { base64url, CompactSign, exportJWK, generateKeyPair } from 'jose';
import { verifyOb3Jwt } from '../src/core/formats/ob3-jwt.ts';
import { verdictOf } from '../src/core/result.ts';
import { CheckList } from '../src/core/verify/checks.ts';
import { createContext } from '../src/core/verify/context.ts';

const N = 300;
const NOW = new Date('2026-11-26T00:00:00Z');
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function base58btc(bytes: Uint8Array): string {
  let n = bytes.reduce((acc, b) => (acc << 8n) | BigInt(b), 0n);
  let out = '';
  for (; n > 0n; n /= 58n) out = ALPHABET[Number(n % 58n)]! + out;
  return out;
}

type Alg = 'EdDSA' | 'ES256' | 'RS256';
const SUBTLE: Record<Alg, { key: RsaHashedImportParams | EcKeyImportParams | Algorithm; sig: Algorithm | EcdsaParams }> = {
  EdDSA: { key: { name: 'Ed25519' }, sig: { name: 'Ed25519' } },
  ES256: { key: { name: 'ECDSA', namedCurve: 'P-256' }, sig: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams },
  RS256: { key: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, sig: { name: 'RSASSA-PKCS1-v1_5' } },
};

/** did:key issuers with a kid for Ed25519 and P-256; RS256 has no did:key, so a did:jwk issuer and a jwk header. */
async function setup(alg: Alg): Promise<{ tokens: string[]; publicKey: CryptoKey }> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  let issuer: string;
  let header: { alg: Alg } & Record<string, unknown>;
  if (alg === 'RS256') {
    issuer = `did:jwk:${base64url.encode(JSON.stringify(jwk))}`;
    header = { alg, jwk };
  } else {
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
    const body = alg === 'EdDSA' ? Uint8Array.of(0xed, 0x01, ...raw) : Uint8Array.of(0x80, 0x24, 2 + (raw[64]! & 1), ...raw.subarray(1, 33));
    const mb = `z${base58btc(body)}`;
    issuer = `did:key:${mb}`;
    header = { alg, kid: `${issuer}#${mb}`, typ: 'vc+jwt' };
  }
  const tokens: string[] = [];
  for (let i = 0; i <= N; i++) {
    const id = `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const c = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id, type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: issuer, type: ['Profile'], name: 'Bench Issuer' },
      validFrom: '2025-01-01T00:00:00Z', name: 'Bench credential',
      credentialSubject: {
        type: ['AchievementSubject'], id: `did:example:learner-${i}`,
        achievement: { id: 'https://bench.test/achievements/1', type: ['Achievement'], name: 'Bench badge', description: 'd', criteria: { narrative: 'n' } },
      },
      iss: issuer, jti: id, sub: `did:example:learner-${i}`, nbf: 1735689600,
    };
    tokens.push(await new CompactSign(new TextEncoder().encode(JSON.stringify(c))).setProtectedHeader(header).sign(privateKey));
  }
  return { tokens, publicKey };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[s.length >> 1]! * 10) / 10;
};

async function verifyOnce(token: string): Promise<void> {
  const checks = new CheckList();
  const ctx = createContext({ now: NOW });
  await verifyOb3Jwt({ type: 'jws', text: token }, ctx, checks, 'ob3.0-jwt');
  checks.pass('parse', 'bench');
  checks.skip('recipient', 'bench');
  if (verdictOf(checks.toArray()) !== 'valid') throw new Error(`bench: a credential did not verify: ${JSON.stringify(checks.toArray())}`);
}

async function measure(alg: Alg): Promise<{ lanyard: number; floor: number }> {
  const { tokens, publicKey } = await setup(alg);
  const p = SUBTLE[alg];
  const key = await crypto.subtle.importKey('jwk', await exportJWK(publicKey), p.key, false, ['verify']);
  const inputs = tokens.map((t) => {
    const [h, pl, s] = t.split('.');
    return { data: new TextEncoder().encode(`${h}.${pl}`), sig: base64url.decode(s!) as Uint8Array<ArrayBuffer> };
  });
  // Warm the modules, the JIT and the key import on one credential that is not measured.
  await verifyOnce(tokens.pop()!);
  inputs.pop();
  for (const x of inputs.slice(0, 20)) await crypto.subtle.verify(p.sig, key, x.sig, x.data);
  const floor: number[] = [];
  const lanyard: number[] = [];
  // Interleaved, so both see the same machine state.
  for (let i = 0; i < tokens.length; i++) {
    const x = inputs[i]!;
    let t = performance.now();
    if (!(await crypto.subtle.verify(p.sig, key, x.sig, x.data))) throw new Error('bench: floor did not verify');
    floor.push((performance.now() - t) * 1000);
    t = performance.now();
    await verifyOnce(tokens[i]!);
    lanyard.push((performance.now() - t) * 1000);
  }
  return { lanyard: median(lanyard), floor: median(floor) };
}

export default async function (): Promise<Record<string, number>> {
  const ed = await measure('EdDSA');
  const es = await measure('ES256');
  const rs = await measure('RS256');
  return {
    jwt_eddsa_verify_us: ed.lanyard,
    webcrypto_ed25519_verify_us: ed.floor,
    jwt_es256_verify_us: es.lanyard,
    webcrypto_p256_verify_us: es.floor,
    jwt_rs256_verify_us: rs.lanyard,
    webcrypto_rsa_verify_us: rs.floor,
  };
}
