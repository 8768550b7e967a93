import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { applyDataIntegrity, verifyDataIntegrity } from '../../../src/core/proofs/verify.ts';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { MapCache, context, controllerDocument, credential, generateSigner, signCredential, type Ed25519Signer } from './support.ts';

let alice: Ed25519Signer;
let mallory: Ed25519Signer;
beforeAll(async () => {
  [alice, mallory] = await Promise.all([generateSigner(), generateSigner()]);
});

const checksOf = (r: Awaited<ReturnType<typeof verifyDataIntegrity>>) => {
  const checks = new CheckList();
  applyDataIntegrity(r, checks);
  return { signature: checks.get('signature'), issuerKey: checks.get('issuer-key') };
};

describe('Data Integrity with did:key', () => {
  it('verifies a credential signed by its did:key issuer, and binds the key', async () => {
    const vc = await signCredential(credential(alice.did), alice);
    const { signature, issuerKey } = checksOf(await verifyDataIntegrity(vc, context()));
    expect(signature?.outcome).toBe('pass');
    expect(issuerKey?.outcome).toBe('pass');
  });
  it('fails a tampered subject', async () => {
    const vc = await signCredential(credential(alice.did), alice);
    const subject = vc.credentialSubject as Record<string, unknown>;
    const tampered = { ...vc, credentialSubject: { ...subject, id: 'did:example:someone-else' } };
    const { signature, issuerKey } = checksOf(await verifyDataIntegrity(tampered, context()));
    expect(signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(issuerKey?.outcome).toBe('skipped');
  });
  it('fails a proofPurpose other than assertionMethod', async () => {
    const vc = await signCredential(credential(alice.did), alice, { proofPurpose: 'authentication' });
    expect(checksOf(await verifyDataIntegrity(vc, context())).signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.PROOF_PURPOSE });
  });
  // VC DI 1.0 §2.1: proofPurpose is a string. An array of the one value is still refused (a malformed proof fails,
  // as a malformed proofValue does), and the message says why: it read `purpose is ["assertionMethod"], not assertionMethod`.
  it('refuses proofPurpose ["assertionMethod"] (an array), saying it must be one string', async () => {
    const vc = await signCredential(credential(alice.did), alice);
    const arrayed = { ...vc, proof: { ...(vc.proof as object), proofPurpose: ['assertionMethod'] } };
    const signature = checksOf(await verifyDataIntegrity(arrayed, context())).signature;
    expect(signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.PROOF_PURPOSE });
    expect(signature?.message).toBe('The proof\'s purpose must be one string, assertionMethod (VC Data Integrity 1.0 §2.1), not an array: ["assertionMethod"]');
    const missing = { ...vc, proof: { ...(vc.proof as object), proofPurpose: undefined } };
    expect(checksOf(await verifyDataIntegrity(missing, context())).signature?.message).toBe('The proof\'s purpose is missing: it must be assertionMethod');
  });
  it('fails issuer-key for a did:key method while the issuer is another did:key', async () => {
    const vc = await signCredential(credential(alice.did), mallory);
    const r = await verifyDataIntegrity(vc, context());
    expect(r.best?.issuerKey?.status).toBe('not-listed');
    const { signature, issuerKey } = checksOf(r);
    expect(signature?.outcome).toBe('pass');
    expect(issuerKey).toMatchObject({ outcome: 'fail', code: ErrorCodes.KEY_NOT_OWNED });
  });
  it('is indeterminate, naming it, for a context Lanyard does not bundle', async () => {
    const vc = await signCredential(credential(alice.did), alice);
    const odd = { ...vc, '@context': [...(vc['@context'] as string[]), 'https://contexts.example/odd/v1'] };
    const { signature } = checksOf(await verifyDataIntegrity(odd, context()));
    expect(signature).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNKNOWN_CONTEXT });
    expect(signature?.message).toContain('https://contexts.example/odd/v1');
  });
  it('fails a credential using a term its contexts do not define (safe mode)', async () => {
    const vc = await signCredential(credential(alice.did), alice);
    const { signature } = checksOf(await verifyDataIntegrity({ ...vc, notATerm: 'x' }, context()));
    expect(signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(signature?.message).toMatch(/invalid property/);
  });
  it('leaves two proofs of which one is broken unsettled: the set is not verified (VC DI 1.0 §4.5), the issuer proof holds', async () => {
    const once = await signCredential(credential(alice.did), alice);
    const broken = { ...(once.proof as Record<string, unknown>), proofValue: 'z' + '1'.repeat(64) };
    const vc = await signCredential({ ...once, proof: [broken] }, alice);
    const r = await verifyDataIntegrity(vc, context());
    expect(r.proofs.map((p) => p.signature.outcome)).toEqual(['fail', 'pass']);
    expect(r.best?.index).toBe(1);
    expect(checksOf(r).signature).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.SIGNATURE_INVALID });
    expect(checksOf(r).issuerKey?.outcome).toBe('pass');
  });
  it('verifies Ed25519Signature2020 and the legacy cryptosuite name eddsa-2022', async () => {
    const base = credential(alice.did, { '@context': [...(credential('x')['@context'] as string[]), 'https://w3id.org/security/suites/ed25519-2020/v1'] });
    for (const opts of [{ type: 'Ed25519Signature2020' as const }, { cryptosuite: 'eddsa-2022' }]) {
      const vc = await signCredential(base, alice, opts);
      expect(checksOf(await verifyDataIntegrity(vc, context())).signature?.outcome).toBe('pass');
    }
  });
  it('refuses a cryptosuite off the allow-list', async () => {
    const vc = await signCredential(credential(alice.did), alice, { cryptosuite: 'eddsa-rdf-2022' });
    expect(checksOf(await verifyDataIntegrity(vc, context())).signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.ALG_NOT_ALLOWED });
  });
  it('fails a credential without proof', async () => {
    expect(checksOf(await verifyDataIntegrity(credential(alice.did), context())).signature?.outcome).toBe('fail');
  });
  it('remembers a verified signature in the key cache', async () => {
    const cache = new MapCache();
    const vc = await signCredential(credential(alice.did), alice);
    await verifyDataIntegrity(vc, context(undefined, cache));
    expect([...cache.map.keys()].some((k) => k.startsWith('sig:'))).toBe(true);
    const again = await verifyDataIntegrity(vc, context(undefined, cache));
    expect(again.best?.signature.outcome).toBe('pass');
  });
});

describe('Data Integrity with https controller documents and did:web', () => {
  const issuer = 'https://issuer.example/profiles/1';
  it('binds a fragment key that the issuer document lists', async () => {
    const web = new FakeWeb().json(issuer, controllerDocument(issuer, [alice]));
    const vc = await signCredential(credential(issuer), alice, { verificationMethod: `${issuer}#${alice.multibase}` });
    expect(checksOf(await verifyDataIntegrity(vc, context(web))).issuerKey?.outcome).toBe('pass');
  });
  it('leaves the issuer unconfirmed when its document cannot be fetched', async () => {
    const vc = await signCredential(credential(issuer), alice, { verificationMethod: `${issuer}#${alice.multibase}` });
    const { signature, issuerKey } = checksOf(await verifyDataIntegrity(vc, context()));
    expect(signature?.outcome).toBe('pass');
    expect(issuerKey).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.ISSUER_UNRESOLVED });
  });
  it('fails issuer-key when the issuer document lists other keys only', async () => {
    const web = new FakeWeb().json(issuer, controllerDocument(issuer, [alice]));
    const vc = await signCredential(credential(issuer), mallory, { verificationMethod: `${issuer}#${mallory.multibase}` });
    expect(checksOf(await verifyDataIntegrity(vc, context(web))).issuerKey).toMatchObject({ outcome: 'fail', code: ErrorCodes.KEY_NOT_OWNED });
  });
  it('fetches a method whose fragment is not a key', async () => {
    const doc = controllerDocument(issuer, [alice]);
    (doc.verificationMethod as Record<string, unknown>[])[0]!.id = `${issuer}#key-1`;
    doc.assertionMethod = [`${issuer}#key-1`];
    const web = new FakeWeb().json(issuer, doc);
    const vc = await signCredential(credential(issuer), alice, { verificationMethod: `${issuer}#key-1` });
    const { signature, issuerKey } = checksOf(await verifyDataIntegrity(vc, context(web)));
    expect(signature?.outcome).toBe('pass');
    expect(issuerKey?.outcome).toBe('pass');
  });
  it('is indeterminate (no key) when a method cannot be fetched', async () => {
    const vc = await signCredential(credential(issuer), alice, { verificationMethod: `${issuer}#key-1` });
    const { signature, issuerKey } = checksOf(await verifyDataIntegrity(vc, context()));
    expect(signature).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.NO_KEY });
    expect(issuerKey?.outcome).toBe('indeterminate');
  });
  it("fetches the issuer's document while WebCrypto checks the signature, not after", async () => {
    const doc = controllerDocument(issuer, [alice]);
    const web = new FakeWeb().json(issuer, doc);
    const vc = await signCredential(credential(issuer), alice);
    const verify = crypto.subtle.verify.bind(crypto.subtle);
    let requestedWhileChecking: string[] = [];
    const spy = vi.spyOn(crypto.subtle, 'verify').mockImplementation(async (...args: Parameters<SubtleCrypto['verify']>) => {
      await new Promise((r) => setTimeout(r, 20));
      requestedWhileChecking = [...web.requested];
      return verify(...args);
    });
    try {
      const { signature, issuerKey } = checksOf(await verifyDataIntegrity(vc, context(web)));
      expect(signature?.outcome).toBe('pass');
      expect(issuerKey?.outcome).toBe('pass');
      expect(requestedWhileChecking).toContain(issuer);
    } finally {
      spy.mockRestore();
    }
  });
  it('reports no issuer binding for a signature that fails, even though the binding was started', async () => {
    const web = new FakeWeb().json(issuer, controllerDocument(issuer, [alice]));
    const vc = await signCredential(credential(issuer), alice);
    const r = await verifyDataIntegrity({ ...vc, name: 'Altered' }, context(web));
    expect(r.best?.signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(r.best?.issuerKey).toBeUndefined();
    expect(checksOf(r).issuerKey?.outcome).toBe('skipped');
  });
  it('resolves did:web methods through the DID document', async () => {
    const did = 'did:web:issuer.example:orgs:1';
    const web = new FakeWeb().json('https://issuer.example/orgs/1/did.json', controllerDocument(did, [alice]));
    const vc = await signCredential(credential(did), alice, { verificationMethod: `${did}#${alice.multibase}` });
    const { signature, issuerKey } = checksOf(await verifyDataIntegrity(vc, context(web)));
    expect(signature?.outcome).toBe('pass');
    expect(issuerKey?.outcome).toBe('pass');
  });
});
