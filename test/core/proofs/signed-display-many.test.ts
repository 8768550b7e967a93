/**
 * A signed credential with thousands of evidence items (OB 3.0 §Evidence: a list the issuer writes).
 * Each shown text of each item is looked for among the signed statements (signed-display.ts), and
 * each item without an id matched every statement again: work grew as items × statements, so 2,000
 * identical items took 2 s after canonicalization (a few hundred milliseconds), 8,000 about 30 s, and
 * an 8 MiB credential hours, in the service worker and from any badge link a hover site offers (the
 * deadline bounds waiting, not work). The statements are now read once per member.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, generateSigner, signCredential, type Ed25519Signer } from './support.ts';

let alice: Ed25519Signer;
beforeAll(async () => {
  alice = await generateSigner();
});

const NOW = new Date('2026-01-01T00:00:00Z');
const signatureOf = (r: Awaited<ReturnType<typeof verify>>) => r.checks.find((c) => c.id === 'signature');

describe('signed display: many evidence items', () => {
  // 9,000 items: 10,000 hold more JSON values than a credential verified here may (work-bound.ts MAX_DOCUMENT_VALUES).
  it('9,000 evidence items without ids, signed, verify in seconds, not minutes (10,000 took ~50 s)', async () => {
    const evidence = Array.from({ length: 9_000 }, (_, i) => ({ type: ['Evidence'], name: i % 2 ? 'Portfolio' : `Item ${i}`, narrative: 'Shown to the panel' }));
    const vc = await signCredential(credential(alice.did, { evidence }), alice);
    const t = performance.now();
    const r = await verify(JSON.stringify(vc), { now: NOW });
    const ms = performance.now() - t;
    expect(signatureOf(r)).toMatchObject({ outcome: 'pass' });
    // ~4-5 s here after (load 8), 132 s before: the bound leaves a loaded machine room and still fails the quadratic walk.
    expect(ms).toBeLessThan(30_000);
  }, 180_000);

  it('an evidence item whose shown name is not signed as its name is still caught among thousands', async () => {
    const evidence = Array.from({ length: 3_000 }, (_, i) => ({ type: ['Evidence'], name: `Item ${i}` }));
    const vc = await signCredential(credential(alice.did, { evidence }), alice);
    // The last item's name changed after signing: the proof no longer verifies, and the display check names it.
    const tampered = { ...vc, evidence: evidence.map((e, i) => (i === 2_999 ? { ...e, name: 'Forged' } : e)) };
    const r = await verify(JSON.stringify(tampered), { now: NOW });
    expect(signatureOf(r)?.outcome).not.toBe('pass');
  }, 180_000);
});
