/**
 * Issue 11, the protected-term bypass: a signed OB 3.0 credential whose `name` and `description`
 * values are swapped on one node, with an embedded `@context` that swaps the two (protected) terms
 * back so that the RDF, and so the signature, stays the same. JSON-LD 1.1 API §4.1.2 step 5.13
 * (Create Term Definition step 27): an embedded context may not redefine a protected term; only a
 * property-scoped one may. jsonld.js refuses the document; so must Lanyard, whatever it verified
 * before. The priming: a term (`primer`) whose property-scoped context is the same redefinition,
 * used once with the value null (no RDF), on a node whose active context is the one the embedded
 * context later applies to: in the same document, or in an earlier one verified by the same engine.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ContextSet } from '../../../src/core/jsonld/context-set.ts';
import { bundledContexts, loadBundledContexts } from '../../../src/core/jsonld/contexts.ts';
import { canonize } from '../../../src/core/jsonld/canonize.ts';
import { verifyDataIntegrity } from '../../../src/core/proofs/verify.ts';
import { OB3, context, credential, generateSigner, signCredential, type Ed25519Signer } from '../proofs/support.ts';
import { referenceOutcome } from './differential.ts';

// The bundled context documents are loaded on first need (contexts.ts); these tests read them directly.
await loadBundledContexts();

const SWAP = { name: 'https://schema.org/description', description: 'https://schema.org/name' };
const PRIMER_CONTEXT = [...OB3, { primer: { '@id': 'https://example.com/primer', '@context': SWAP } }];

type Doc = Record<string, any>;
let alice: Ed25519Signer;
let mallory: Ed25519Signer;
/** Signed with the primer term defined (not used): adding a term definition changes no RDF. */
let genuine: Doc;
beforeAll(async () => {
  [alice, mallory] = await Promise.all([generateSigner(), generateSigner()]);
  const c = credential(alice.did, { '@context': PRIMER_CONTEXT });
  (c.issuer as Doc).description = 'A real university';
  // An untyped node under the credential: its active context is the one the issuer node starts from.
  c.evidence = [{ id: 'https://example.com/evidence/1', name: 'Portfolio' }];
  genuine = await signCredential(c, alice);
});

/** Variant 1: the primer on the evidence node (reached first: keys are taken in order), the swap on the issuer. */
function tamperedInOne(vc: Doc): Doc {
  const t = structuredClone(vc);
  t.evidence[0].primer = null;
  t.issuer = { '@context': SWAP, ...t.issuer, name: t.issuer.description, description: t.issuer.name };
  return t;
}
/** Variant 2: no primer in the document; the swap on the achievement itself. */
function tamperedAchievement(vc: Doc): Doc {
  const t = structuredClone(vc);
  const a = t.credentialSubject.achievement;
  a.description = 'Works in teams';
  t.credentialSubject.achievement = { '@context': SWAP, ...a, name: a.description, description: a.name };
  return t;
}
/**
 * Another credential (another issuer, same contexts) that uses the primer on an untyped
 * achievement: the active context it starts from is the one a typed achievement starts from.
 */
async function primerCredential(): Promise<Doc> {
  const c = credential(mallory.did, { '@context': PRIMER_CONTEXT });
  (c.credentialSubject as Doc).achievement = { id: 'https://example.com/achievements/2', name: 'Other', primer: null };
  return signCredential(c, mallory);
}

async function signatureOf(doc: Doc, contexts: ContextSet): Promise<string | undefined> {
  return (await verifyDataIntegrity(doc, context(), { contexts })).best?.signature.outcome;
}
const fresh = () => new ContextSet(bundledContexts());

describe('protected terms cannot be redefined by an embedded context, whatever came before', () => {
  it('jsonld.js refuses both tampered credentials', async () => {
    for (const t of [tamperedInOne(genuine), tamperedAchievement(genuine)]) {
      const r = await referenceOutcome(t, { contexts: bundledContexts() });
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error).toMatch(/protected term redefinition|redefine a protected term/);
    }
  });

  it('the genuine credential verifies, before and after the attacks', async () => {
    const set = fresh();
    expect(await signatureOf(genuine, set)).toBe('pass');
    expect(await signatureOf(tamperedInOne(genuine), set)).toBe('fail');
    expect(await signatureOf(await primerCredential(), set)).toBe('pass');
    expect(await signatureOf(tamperedAchievement(genuine), set)).toBe('fail');
    expect(await signatureOf(genuine, set)).toBe('pass');
  });

  it('variant 1, primer and swap in one document: refused first, and again', async () => {
    const set = fresh();
    const t = tamperedInOne(genuine);
    expect(await signatureOf(t, set)).toBe('fail');
    await expect(canonize(t, set)).rejects.toThrow(/protected term/);
    expect(await signatureOf(t, set)).toBe('fail');
  });

  it('variant 2, primed by an earlier credential in the same engine: refused, in either order', async () => {
    const primer = await primerCredential();
    const t = tamperedAchievement(genuine);
    const primedFirst = fresh();
    expect(await signatureOf(primer, primedFirst)).toBe('pass');
    expect(await signatureOf(t, primedFirst)).toBe('fail');
    const tamperedFirst = fresh();
    expect(await signatureOf(t, tamperedFirst)).toBe('fail');
    expect(await signatureOf(primer, tamperedFirst)).toBe('pass');
    expect(await signatureOf(t, tamperedFirst)).toBe('fail');
  });

  it('variant 2 through the process-wide context set (as the background and the command line use it)', async () => {
    const primer = await primerCredential();
    const t = tamperedAchievement(genuine);
    const ours = (doc: Doc) => verifyDataIntegrity(doc, context()).then((r) => r.best?.signature.outcome);
    expect(await ours(primer)).toBe('pass');
    expect(await ours(t)).toBe('fail');
    expect(await ours(genuine)).toBe('pass');
  });

  it('a document safe mode refuses leaves nothing behind: the same context then works as on a fresh engine', async () => {
    // jsonld.js stored, with each processed context, the events of the whole call, which went on
    // growing: the warning about the bad @language of the second embedded context was replayed later.
    const set = fresh();
    const doc = (embedded: unknown) => ({ '@context': OB3, id: 'urn:uuid:1', type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'B', issuer: 'https://example.com/i', validFrom: '2024-01-01T00:00:00Z', credentialSubject: { '@context': embedded, id: 'did:example:s', type: ['AchievementSubject'], extra: 'x' } });
    const extra = { extra: 'https://example.com/extra' };
    await expect(canonize(doc([extra, { '@language': 'not a tag' }]), set)).rejects.toThrow(/invalid @language value/);
    expect(await canonize(doc(extra), set)).toBe(await canonize(doc(extra), fresh()));
  });

  it('the minimal reproducer from the issue is refused, after its primer is learnt', async () => {
    const doc = {
      '@context': { '@protected': true, name: 'http://schema.org/name', T: { '@id': 'http://ex.org/T', '@context': {} }, kid: 'http://ex.org/kid', other: 'http://ex.org/other', primer: { '@id': 'http://ex.org/primer', '@context': { name: 'http://ex.org/evil' } } },
      '@id': 'http://ex.org/root',
      '@type': 'T',
      kid: { '@id': 'http://ex.org/a', primer: null },
      other: { '@context': { name: 'http://ex.org/evil' }, '@id': 'http://ex.org/b', name: 'x' },
    };
    const set = fresh();
    await expect(canonize(doc, set)).rejects.toThrow(/protected term/);
    await expect(canonize(doc, set)).rejects.toThrow(/protected term/);
  });
});
