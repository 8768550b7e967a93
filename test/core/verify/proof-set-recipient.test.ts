/**
 * Hostile review (hostile41): a proof set whose issuer proof (eddsa-jcs-2022, over the JSON as
 * written) holds, beside a second proof that verifies over RDF but not what Lanyard reads of the
 * recipient (proofs/signed-reading.ts: `unsignedRecipient`). A set is unordered and anyone can add
 * a proof to it (VC DI 1.0 §2.1.1), so the second proof's reading must not change whom the badge was
 * issued to: the recipient is read from what the deciding proof (the best, proofs/verify.ts) signs.
 * Before, every indeterminate proof's unsigned entries were dropped (the last one's winning): Bob's
 * badge, with Mallory's own RDFC proof appended, named no one, and read valid to Mallory.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { jcsHashData } from '../../../src/core/proofs/eddsa-jcs.ts';
import { base58btcEncode } from '../../../src/core/proofs/sign.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signWith, type Ed25519Signer } from '../proofs/support.ts';

type Doc = Record<string, any>;
const NOW = new Date('2026-11-26T00:00:00Z');

async function jcsProof(c: Doc, signer: Ed25519Signer): Promise<Doc> {
  const proof: Doc = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', created: '2025-01-01T00:00:00Z', verificationMethod: signer.didMethod, proofPurpose: 'assertionMethod', '@context': c['@context'] };
  const data = jcsHashData(proof, c);
  if ('error' in data) throw new Error(data.error);
  const sig = new Uint8Array(await crypto.subtle.sign('Ed25519', signer.privateKey, data as Uint8Array<ArrayBuffer>));
  return { ...proof, proofValue: `z${base58btcEncode(sig)}` };
}

let issuer: Ed25519Signer;
let mallory: Ed25519Signer;
let bobs: Doc;
beforeAll(async () => {
  issuer = await generateSigner();
  mallory = await generateSigner();
  const c = credential(issuer.did) as Doc;
  c['@context'] = [...c['@context'], { '@base': 'https://issuer.example/' }];
  delete c.credentialSubject.id;
  // An entry with a relative id: the JSON says "entries/1", RDF the node https://issuer.example/entries/1.
  c.credentialSubject.identifier = [{ id: 'entries/1', type: 'IdentityObject', identityType: 'emailAddress', identityHash: 'bob@example.com', hashed: false }];
  bobs = { ...c, proof: await jcsProof(c, issuer) };
});

const as = (who: string, vc: unknown) => verify(JSON.stringify(vc), { fetch: new FakeWeb().fetch, now: NOW, identities: [{ type: 'email', value: who }] });
const show = (r: Awaited<ReturnType<typeof as>>) => JSON.stringify(r.checks, null, 1);

describe('a proof added beside the issuer\'s does not change whom the badge names', () => {
  it('the issuer\'s JCS proof alone: Bob\'s badge, checked by Mallory, is issued to someone else', async () => {
    const r = await as('mallory@example.com', bobs);
    expect(r.checks.find((c) => c.id === 'recipient')?.code, show(r)).toBe('ERR_RECIPIENT_MISMATCH');
    expect(r.verdict).toBe('invalid');
  });

  it('with Mallory\'s own RDFC proof appended: still issued to someone else, never valid', async () => {
    const { proof, ...doc } = bobs;
    const hers = (await signWith(doc, mallory, {})).proof;
    const r = await as('mallory@example.com', { ...doc, proof: [proof, hers] });
    expect(r.verdict, show(r)).not.toBe('valid');
    expect(r.checks.find((c) => c.id === 'recipient')?.code, show(r)).toBe('ERR_RECIPIENT_MISMATCH');
  });

  it('and Bob\'s own badge, so doubled, is still his', async () => {
    const { proof, ...doc } = bobs;
    const hers = (await signWith(doc, mallory, {})).proof;
    const r = await as('bob@example.com', { ...doc, proof: [proof, hers] });
    expect(r.checks.find((c) => c.id === 'recipient')?.outcome, show(r)).toBe('pass');
  });
});

describe('a genuine set: the issuer signs twice (eddsa-rdfc-2022 and eddsa-jcs-2022), each proof over everything', () => {
  let both: Doc;
  beforeAll(async () => {
    const c = credential(issuer.did) as Doc;
    c.credentialSubject.identifier = [{ type: 'IdentityObject', identityType: 'emailAddress', identityHash: 'bob@example.com', hashed: false }];
    const rdfc = (await signWith(c, issuer, {})).proof;
    both = { ...c, proof: [rdfc, await jcsProof(c, issuer)] };
  });

  for (const order of ['rdfc, jcs', 'jcs, rdfc']) {
    it(`(${order}) names Bob: issued to him, someone else to Mallory`, async () => {
      const doc = order === 'rdfc, jcs' ? both : { ...both, proof: [...both.proof].reverse() };
      const bob = await as('bob@example.com', doc);
      expect(bob.checks.find((c) => c.id === 'recipient')?.outcome, show(bob)).toBe('pass');
      expect(bob.checks.find((c) => c.id === 'signature')?.outcome, show(bob)).toBe('pass');
      const her = await as('mallory@example.com', doc);
      expect(her.checks.find((c) => c.id === 'recipient')?.code, show(her)).toBe('ERR_RECIPIENT_MISMATCH');
    });
  }
});
