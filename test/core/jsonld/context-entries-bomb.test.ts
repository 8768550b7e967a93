/**
 * A credential that names a bundled context thousands of times. Each entry of an `@context` array
 * is processed in turn (JSON-LD 1.1 API §4.1.2 step 5: a later context may redefine what an earlier
 * one said, so a repeat is not skipped), and processing the Open Badges 3.0 context costs about half
 * a millisecond: a signed credential repeating it 2,000 times (a 130 KB document) held the engine
 * 5.8 s, and an 8 MiB one (140,000 entries) minutes, in the service worker, from a badge link a
 * page offers for hover verification too (the deadline bounds waiting, not work). work-bound.ts
 * counted only inline context objects; bundled URLs were free. A document naming more than
 * MAX_CONTEXT_ENTRIES contexts is not canonicalized: its signature is indeterminate, never invalid.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyDataIntegrity, verifyDataIntegrity } from '../../../src/core/proofs/verify.ts';
import { MAX_CONTEXT_ENTRIES } from '../../../src/core/jsonld/work-bound.ts';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { context, credential, generateSigner, signCredential, type Ed25519Signer } from '../proofs/support.ts';

let alice: Ed25519Signer;
beforeAll(async () => {
  alice = await generateSigner();
});

const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const signatureOf = async (doc: Record<string, unknown>) => {
  const checks = new CheckList();
  applyDataIntegrity(await verifyDataIntegrity(doc, context()), checks);
  return checks.get('signature');
};
const repeated = (vc: Record<string, unknown>, n: number) => ({ ...vc, '@context': [...(vc['@context'] as string[]), ...Array<string>(n).fill(OB3)] });

describe('JSON-LD context entry bombs', () => {
  it('a signed credential naming the OB 3.0 context 20,000 times (1.3 MB) is refused at once: indeterminate, saying why (was about a minute)', async () => {
    const vc = await signCredential(credential(alice.did), alice);
    const t = performance.now();
    const signature = await signatureOf(repeated(vc, 20_000));
    expect(signature).toMatchObject({ outcome: 'indeterminate' });
    expect(signature?.message).toMatch(/20002 JSON-LD contexts/);
    expect(performance.now() - t).toBeLessThan(3000);
  }, 180_000);

  it('contexts embedded in many nodes count too', async () => {
    const vc = await signCredential(credential(alice.did), alice);
    const evidence = Array.from({ length: MAX_CONTEXT_ENTRIES }, (_, i) => ({ '@context': OB3, id: `https://ex.test/e${i}`, type: ['Evidence'] }));
    const signature = await signatureOf({ ...vc, evidence });
    expect(signature).toMatchObject({ outcome: 'indeterminate' });
    expect(signature?.message).toMatch(/JSON-LD contexts/);
  }, 180_000);

  it('a credential signed with its contexts repeated a few times still verifies (the bound is far above real credentials)', async () => {
    const vc = await signCredential(repeated(credential(alice.did), 20), alice);
    expect(await signatureOf(vc)).toMatchObject({ outcome: 'pass' });
  }, 60_000);
});
