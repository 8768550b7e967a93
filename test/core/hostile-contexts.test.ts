/**
 * Hostile round 31: what a credential's @context can ask of the engine. Contexts are never fetched
 * (src/core/jsonld/context-set.ts: a static loader over the bundled documents), so a context the
 * issuer serves, however large or slow, costs nothing: the proof cannot be canonicalized and is
 * `indeterminate`, never `valid`. The bundled set is keyed by exact URL, so a bundled context's
 * address with a query or a fragment is not that context (VC DM 2.0 §4.3 wants the first entry
 * exactly). And a signed date written in another JSON-LD form of the same statement (a value object
 * under its own term, an array of one) is still read or leaves the proof unsettled
 * (src/core/proofs/signed-reading.ts). Regression cover: these passed before this round.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../support/fake-web.ts';
import { credential, generateSigner, OB3, signCredential, type Ed25519Signer } from './proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const EVIL = 'https://evil.example/ctx.jsonld';
let alice: Ed25519Signer;
let genuine: Record<string, unknown>;
beforeAll(async () => {
  alice = await generateSigner();
  genuine = await signCredential(credential(alice.did), alice);
});

/** The genuine credential with another @context, verified over a web that serves the hostile context. */
async function withContext(context: unknown) {
  const web = new FakeWeb().json(EVIL, { '@context': { name: 'https://evil.example/name' } });
  const r = await verify(JSON.stringify({ ...genuine, '@context': context }), { fetch: web.fetch, now: NOW });
  return { r, requested: web.requested, signature: r.checks.find((c) => c.id === 'signature') };
}

describe('a context Lanyard does not bundle is never fetched', () => {
  it.each([
    ['named in @context', [...OB3, EVIL]],
    ['imported by an inline context (@import)', [...OB3, { '@import': EVIL }]],
    ['as a property-scoped context', [...OB3, { extra: { '@id': 'https://evil.example/extra', '@context': EVIL } }]],
    ['relative (no base: credentials have none)', [...OB3, 'ctx.jsonld']],
  ])('%s: the proof is indeterminate, naming the context, and nothing was requested', async (_, context) => {
    const { r, requested, signature } = await withContext(context);
    expect(requested).toEqual([]);
    expect(signature?.outcome).toBe('indeterminate');
    expect(signature?.message).toMatch(/is not one Lanyard bundles, and contexts are never fetched/);
    expect(r.verdict).toBe('indeterminate');
  });

  it.each([
    ['a fragment', 'https://www.w3.org/ns/credentials/v2#x'],
    ['a query', 'https://www.w3.org/ns/credentials/v2?x=1'],
  ])('a bundled context\'s address with %s is not that context: not valid, nothing requested', async (_, first) => {
    const { r, requested, signature } = await withContext([first, OB3[1]]);
    expect(requested).toEqual([]);
    expect(signature?.outcome).toBe('indeterminate');
    expect(r.verdict).not.toBe('valid');
  });
});

describe('a signed date in another JSON-LD form of the same statement', () => {
  let expired: Record<string, unknown>;
  beforeAll(async () => {
    expired = await signCredential(credential(alice.did, { validUntil: '2025-01-01T00:00:00Z' }), alice);
  });
  const run = (vc: unknown) => verify(JSON.stringify(vc), { fetch: new FakeWeb().fetch, now: NOW });

  it('validUntil as a value object under its own term: the proof unsettled, never valid', async () => {
    const r = await run({ ...expired, validUntil: { '@value': expired.validUntil, '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' } });
    expect(r.checks.find((c) => c.id === 'signature')?.outcome).toBe('indeterminate');
    expect(r.verdict).not.toBe('valid');
  });

  it('validUntil as an array of one: the proof holds and the badge is expired', async () => {
    const r = await run({ ...expired, validUntil: [expired.validUntil] });
    expect(r.checks.find((c) => c.id === 'signature')?.outcome).toBe('pass');
    expect(r.checks.find((c) => c.id === 'validity')?.outcome).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });
});
