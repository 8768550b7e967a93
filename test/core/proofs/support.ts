/** Credentials signed here with fresh Ed25519 keys, and a verification context over a fake web. */
import { canonize } from '../../../src/core/jsonld/canonize.ts';
import { hashData } from '../../../src/core/proofs/ed25519.ts';
import { base58btcEncode, generateSigner, signCredential, type Ed25519Signer, type SignOptions } from '../../../src/core/proofs/sign.ts';
import { proofConfig, unsecured } from '../../../src/core/proofs/suites.ts';
import { createContext, type FactCache, type VerifyContext } from '../../../src/core/verify/context.ts';
import { FakeWeb } from '../../support/fake-web.ts';

export const OB3 = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

export function credential(issuer: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': OB3,
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Example Issuer' },
    validFrom: '2024-01-01T00:00:00Z',
    name: 'Teamwork',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: { id: 'https://example.com/achievements/1', type: ['Achievement'], name: 'Teamwork', description: 'Works in teams', criteria: { narrative: 'Nominated by peers' } },
    },
    ...extra,
  };
}

export { generateSigner, signCredential, type Ed25519Signer, type SignOptions };

/** Signs with one eddsa-rdfc-2022 proof carrying `extra` proof options (id, expires, domain, previousProof…), which the signature covers. */
export async function signWith(c: Record<string, unknown>, signer: Ed25519Signer, extra: Record<string, unknown>): Promise<Record<string, unknown>> {
  const proof: Record<string, unknown> = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2025-01-01T00:00:00Z', verificationMethod: signer.didMethod, proofPurpose: 'assertionMethod', ...extra };
  const [p, d] = await Promise.all([canonize(proofConfig(proof, c['@context'])), canonize(unsecured(c))]);
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, signer.privateKey, hashData(p, d) as Uint8Array<ArrayBuffer>));
  return { ...c, proof: { ...proof, proofValue: `z${base58btcEncode(sig)}` } };
}

/** A Bitstring Status List credential at `url` (Bitstring Status List v1.0 §2.2), signed by `signer`, with `extra` properties (a credentialStatus of its own…). */
export function signedStatusList(signer: Ed25519Signer, url: string, encodedList: string, extra: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return signCredential(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      id: url,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: signer.did,
      validFrom: '2024-01-01T00:00:00Z',
      credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
      ...extra,
    },
    signer,
  );
}

export function context(web = new FakeWeb(), keyCache?: FactCache): VerifyContext {
  return createContext({ fetch: web.fetch, now: new Date('2026-11-26T00:00:00Z'), keyCache });
}

/** A controller document at `id` listing `signers` (W3C Controlled Identifiers §Verification Methods, Multikey). */
export function controllerDocument(id: string, signers: Ed25519Signer[]): Record<string, unknown> {
  const methods = signers.map((s) => ({ id: `${id}#${s.multibase}`, type: 'Multikey', controller: id, publicKeyMultibase: s.multibase }));
  return { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id, verificationMethod: methods, assertionMethod: methods.map((m) => m.id) };
}

export class MapCache implements FactCache {
  readonly map = new Map<string, unknown>();
  gets = 0;
  get(k: string): unknown {
    this.gets++;
    return this.map.get(k);
  }
  set(k: string, v: unknown): void {
    this.map.set(k, v);
  }
}
