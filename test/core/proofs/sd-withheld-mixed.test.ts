/**
 * The structure check lets a missing validFrom pass when the credential carries an ecdsa-sd-2023
 * proof (formats/ob3-badge.ts `disclosed`), and proofs/withheld.ts `confirmWithheldStart` takes that
 * back unless the derived proof is the one that decides the signature. A credential its issuer
 * signed whole without validFrom cannot escape the structure check by carrying a derived proof
 * beside its own, whatever the order and whatever that proof's outcome.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential } from './support.ts';
import { signDerived } from './sd-derive.ts';
import { generateEcSigner, signEcdsaRdfc, type EcSigner } from './suites-sign.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const check = (r: Awaited<ReturnType<typeof verify>>, id: string) => r.checks.find((c) => c.id === id);
let issuer: EcSigner;
beforeAll(async () => {
  issuer = await generateEcSigner('P-256');
});

const withoutStart = () => {
  const { validFrom: _, ...rest } = credential(issuer.did);
  return rest;
};

describe('a credential signed whole without validFrom, carrying an ecdsa-sd-2023 proof beside its own', () => {
  it.each([
    ['a derived proof that does not verify, first', 'fail', true],
    ['a derived proof that does not verify, last', 'fail', false],
    ['a derived proof whose key cannot be read, first', 'offline', true],
    ['a derived proof whose key cannot be read, last', 'offline', false],
  ])('%s: malformed, never valid', async (_, kind, first) => {
    const whole = await signEcdsaRdfc(withoutStart(), issuer);
    const derived = kind === 'fail'
      ? await signDerived({ ...withoutStart(), name: 'Another' }, issuer)
      : await signDerived(withoutStart(), { ...issuer, did: 'did:web:issuer.test', didMethod: 'did:web:issuer.test#key-1' });
    const sd = derived.proof as Record<string, unknown>;
    const proof = first ? [sd, whole.proof] : [whole.proof, sd];
    const r = await verify(JSON.stringify({ ...whole, proof }), { now: NOW, fetch: async () => new Response('', { status: 503 }) });
    // VC DI 1.0 §4.5: a derived proof that does not verify leaves the set unverified (proof-set.ts); one not checked does not.
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe(kind === 'fail' ? 'indeterminate' : 'pass');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
    expect(check(r, 'structure')?.message).toMatch(/validFrom/);
    expect(r.verdict).toBe('invalid');
  });
});
