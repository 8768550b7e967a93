/**
 * Round trips one verification waits for, over a simulated network (issue 14: "the reason for each
 * large gain"): every document answers RTT ms after it is asked for, as an issuer's server far
 * away would; the wall time of one verification, divided by RTT, is how many round trips it waited
 * for one after another (the engine's own CPU time is ~1 % of an RTT here). Median of RUNS, each a
 * distinct credential and a fresh engine context.
 * - ob2_signed_round_trips: an OB 2.0 signed assertion whose issuer lists a revocation list (badge
 *   class, profile, key, list: the key is read while the badge class and profile are, ob2-signed.ts);
 * - ob2_hosted_url_round_trips: an OB 2.0 hosted badge given by its URL, as a hovered link is
 *   (the assertion, its badge class, the issuer's profile: the assertion is fetched once for the
 *   input and the hosted check, ob2-hosted.ts / context.ts BADGE_ACCEPT);
 * - ob3_did_web_status_round_trips: an OB 3.0 credential signed by a did:web key with a
 *   BitstringStatusList entry (DID document, status list: the list is read while the proof is
 *   checked, ob3-data-integrity.ts);
 * - ob3_jwt_did_web_status_round_trips: the same credential as a VC-JWT whose kid is the did:web
 *   key (the list is read while the DID document is, ob3-jwt.ts).
 */
import { gzipSync } from 'node:zlib';
import { CompactSign, exportSPKI, generateKeyPair } from 'jose';
import type { Ed25519Signer } from '../src/core/proofs/sign.ts';
import { generateSigner, signCredential } from '../src/core/proofs/sign.ts';
import type { Fetch } from '../src/core/verify/context.ts';
import { verify } from '../src/core/verify/pipeline.ts';

const RTT = 40;
const RUNS = 7;
const NOW = new Date('2026-01-01T00:00:00Z');
const OB2 = 'https://w3id.org/openbadges/v2';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function slowWeb(docs: Record<string, string>): Fetch {
  return async (url) => {
    await new Promise((r) => setTimeout(r, RTT));
    const body = docs[url.replace(/#.*$/, '')];
    if (body === undefined) throw new TypeError(`unreachable ${url}`);
    return new Response(body, { headers: { 'content-type': 'application/ld+json' } });
  };
}

async function roundTrips(inputs: string[], fetch: Fetch): Promise<number> {
  const times: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    const r = await verify(input, { fetch, now: NOW });
    times.push(performance.now() - t);
    if (r.verdict !== 'valid') throw new Error(`bench/latency: not valid: ${JSON.stringify(r.checks)}`);
  }
  return Math.round((median(times) / RTT) * 10) / 10;
}

async function ob2Signed(): Promise<number> {
  const rsa = await generateKeyPair('RS256', { extractable: true });
  const docs = {
    'https://far.test/issuer': JSON.stringify({ '@context': OB2, type: 'Issuer', id: 'https://far.test/issuer', name: 'Far', url: 'https://far.test', email: 'b@far.test', publicKey: 'https://far.test/key', revocationList: 'https://far.test/revoked' }),
    'https://far.test/key': JSON.stringify({ '@context': OB2, type: 'CryptographicKey', id: 'https://far.test/key', owner: 'https://far.test/issuer', publicKeyPem: await exportSPKI(rsa.publicKey) }),
    'https://far.test/badge': JSON.stringify({ '@context': OB2, type: 'BadgeClass', id: 'https://far.test/badge', name: 'B', description: 'd', image: 'https://far.test/i.png', criteria: 'https://far.test/c', issuer: 'https://far.test/issuer' }),
    'https://far.test/revoked': JSON.stringify({ '@context': OB2, type: 'RevocationList', id: 'https://far.test/revoked', revokedAssertions: [] }),
  };
  const inputs: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const a = { '@context': OB2, type: 'Assertion', id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, recipient: { type: 'email', hashed: false, identity: `l${i}@example.org` }, badge: 'https://far.test/badge', issuedOn: '2025-01-01T00:00:00Z', verification: { type: 'SignedBadge', creator: 'https://far.test/key' } };
    inputs.push(await new CompactSign(new TextEncoder().encode(JSON.stringify(a))).setProtectedHeader({ alg: 'RS256' }).sign(rsa.privateKey));
  }
  return roundTrips(inputs, slowWeb(docs));
}

async function ob2HostedUrl(): Promise<number> {
  const at = (p: string) => `https://far.test/${p}`;
  const docs: Record<string, string> = {
    [at('issuer')]: JSON.stringify({ '@context': OB2, type: 'Issuer', id: at('issuer'), name: 'Far', url: 'https://far.test', email: 'b@far.test' }),
    [at('badge')]: JSON.stringify({ '@context': OB2, type: 'BadgeClass', id: at('badge'), name: 'B', description: 'd', image: at('i.png'), criteria: at('c'), issuer: at('issuer') }),
  };
  const inputs: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const id = at(`assertions/${i}`);
    docs[id] = JSON.stringify({ '@context': OB2, type: 'Assertion', id, recipient: { type: 'email', hashed: false, identity: `l${i}@example.org` }, badge: at('badge'), issuedOn: '2025-01-01T00:00:00Z', verification: { type: 'HostedBadge' } });
    inputs.push(id);
  }
  return roundTrips(inputs, slowWeb(docs));
}

async function ob3DidWebStatus(jwt: boolean): Promise<number> {
  const signer: Ed25519Signer = await generateSigner();
  const did = 'did:web:far.test';
  const list = 'https://far.test/status/1';
  const method = { id: `${did}#${signer.multibase}`, type: 'Multikey', controller: did, publicKeyMultibase: signer.multibase };
  const encodedList = `u${Buffer.from(gzipSync(new Uint8Array(16 * 1024))).toString('base64url')}`;
  const statusList = await signCredential({ '@context': ['https://www.w3.org/ns/credentials/v2'], id: list, type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: did, validFrom: '2024-01-01T00:00:00Z', credentialSubject: { id: `${list}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList } }, signer, { verificationMethod: method.id });
  const docs = {
    'https://far.test/.well-known/did.json': JSON.stringify({ '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: did, verificationMethod: [method], assertionMethod: [method.id] }),
    [list]: JSON.stringify(statusList),
  };
  const inputs: string[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `urn:uuid:00000000-0000-4000-8001-${String(i).padStart(12, '0')}`, type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: did, type: ['Profile'], name: 'Far' }, validFrom: '2025-01-01T00:00:00Z', name: 'B',
      credentialSubject: { id: `did:example:${i}`, type: ['AchievementSubject'], achievement: { id: 'https://far.test/a', type: ['Achievement'], name: 'B', description: 'd', criteria: { narrative: 'n' } } },
      credentialStatus: { id: `${list}#${i}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(i), statusListCredential: list },
    };
    if (!jwt) inputs.push(JSON.stringify(await signCredential(c, signer, { verificationMethod: method.id })));
    else {
      const payload = { ...c, iss: did, jti: c.id, nbf: Date.parse(c.validFrom) / 1000, sub: c.credentialSubject.id };
      inputs.push(await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: method.id }).sign(signer.privateKey));
    }
  }
  return roundTrips(inputs, slowWeb(docs));
}

export default async function (): Promise<Record<string, number>> {
  return { ob2_signed_round_trips: await ob2Signed(), ob2_hosted_url_round_trips: await ob2HostedUrl(), ob3_did_web_status_round_trips: await ob3DidWebStatus(false), ob3_jwt_did_web_status_round_trips: await ob3DidWebStatus(true) };
}
