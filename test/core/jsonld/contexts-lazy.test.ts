/**
 * The bundled context documents are loaded on first need (contexts.ts, issue 14): which URLs are
 * bundled is known at once; a credential whose context transitions are precomputed is verified
 * without loading them; the first document jsonld.js needs loads them. This file must not load
 * them up front (the other jsonld tests do).
 */
import { describe, expect, it } from 'vitest';
import { canonize, toRdf } from '../../../src/core/jsonld/canonize.ts';
import { bundledContextSet, ContextSet } from '../../../src/core/jsonld/context-set.ts';
import { bundledContexts, bundledContextsLoaded, VC_V2 } from '../../../src/core/jsonld/contexts.ts';
import { UnknownContextError } from '../../../src/core/jsonld/errors.ts';
import { generateSigner, signCredential } from '../../../src/core/proofs/sign.ts';
import { verifyDataIntegrity } from '../../../src/core/proofs/verify.ts';
import { createContext } from '../../../src/core/verify/context.ts';

const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

describe('bundled context documents, loaded on first need', () => {
  it('know their URLs before loading; reading a document before is refused', () => {
    expect(bundledContextsLoaded()).toBe(false);
    expect(bundledContexts().has(VC_V2)).toBe(true);
    expect(bundledContexts().has('https://example.org/unknown')).toBe(false);
    expect([...bundledContexts().keys()]).toContain(OB3);
    expect(bundledContexts().size).toBeGreaterThan(20);
    expect(() => bundledContexts().get(VC_V2)).toThrow(/loadBundledContexts/);
    expect(bundledContexts().get('https://example.org/unknown')).toBeUndefined();
  });

  it('are not loaded to verify a VC 2.0 + OB 3.0.3 credential (its transitions precomputed)', async () => {
    const signer = await generateSigner();
    const credential = await signCredential(
      { '@context': [VC_V2, OB3], id: 'urn:uuid:1', type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: { id: signer.did, type: ['Profile'], name: 'I' }, validFrom: '2024-01-01T00:00:00Z', name: 'B', credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'https://example.org/a', type: ['Achievement'], name: 'A', criteria: { narrative: 'n' } } } },
      signer,
    );
    expect(bundledContextsLoaded()).toBe(false);
    const r = await verifyDataIntegrity(credential, createContext({ now: new Date('2026-01-01T00:00:00Z') }));
    expect(r.best?.signature.outcome).toBe('pass');
    expect(bundledContextsLoaded()).toBe(false);
  });

  it('are loaded by the first conversion jsonld.js computes, which gives the same RDF as a set over the documents', async () => {
    // A context array whose transitions are not precomputed (VC 2.0 alone): jsonld.js processes it.
    const doc = { '@context': [VC_V2], type: ['VerifiableCredential'], issuer: 'did:example:1', name: 'n' };
    const viaBundled = await toRdf(doc, bundledContextSet());
    expect(bundledContextsLoaded()).toBe(true);
    const viaMap = await toRdf(doc, new ContextSet(new Map(bundledContexts()), { precomputed: false }));
    expect(viaBundled.quads).toEqual(viaMap.quads);
    await expect(canonize({ '@context': ['https://example.org/unknown-context'], type: 'X' })).rejects.toBeInstanceOf(UnknownContextError);
  });
});
