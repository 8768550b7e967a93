/**
 * An ecdsa-sd-2023 derived proof signs only what the holder disclosed (VC DI ECDSA §3.5); the
 * issuer's mandatory pointers need not cover credentialStatus or validUntil (the W3C test
 * vectors make only /issuer mandatory). A credential disclosed without them says nothing about
 * them: the issuer may have revoked it, or set an expiry long past, and the holder withheld both.
 * Lanyard said "Not revoked: the credential names no status" and "no expiry date": valid.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential } from './support.ts';
import { signDerived } from './sd-derive.ts';
import { generateEcSigner, type EcSigner } from './suites-sign.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const run = (vc: unknown) => verify(JSON.stringify(vc), { now: NOW });
const check = (r: Awaited<ReturnType<typeof run>>, id: string) => r.checks.find((c) => c.id === id);
let issuer: EcSigner;
beforeAll(async () => {
  issuer = await generateEcSigner('P-256');
});

describe('a selectively disclosed credential (ecdsa-sd-2023)', () => {
  it('the derived proof verifies', async () => {
    const r = await run(await signDerived(credential(issuer.did), issuer));
    expect(check(r, 'signature'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'pass' });
    expect(check(r, 'issuer-key')?.outcome).toBe('pass');
  });

  it('disclosed without a status or an expiry: neither is settled, so the badge is not valid', async () => {
    const r = await run(await signDerived(credential(issuer.did), issuer));
    expect(check(r, 'revocation')?.outcome, JSON.stringify(r.checks)).toBe('indeterminate');
    expect(check(r, 'validity')?.outcome).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it('disclosed with its expiry, still in the future: validity passes', async () => {
    const r = await run(await signDerived(credential(issuer.did, { validUntil: '2030-01-01T00:00:00Z' }), issuer));
    expect(check(r, 'validity')?.outcome, JSON.stringify(r.checks)).toBe('pass');
  });

  it('disclosed with an expiry already past: invalid, as any expired badge', async () => {
    const r = await run(await signDerived(credential(issuer.did, { validUntil: '2025-01-01T00:00:00Z' }), issuer));
    expect(check(r, 'validity')?.code, JSON.stringify(r.checks)).toBe('ERR_EXPIRED');
    expect(r.verdict).toBe('invalid');
  });
});

/**
 * validFrom under selective disclosure. OB 3.0 requires it of the issued credential, but a holder may
 * withhold what the issuer's mandatory pointers do not cover (VC DI ECDSA §3.4.? selective disclosure;
 * VC DM 2.0 §4.9 makes validFrom optional): a derived proof over a credential disclosed without it
 * was called malformed, a genuine badge invalid. Nobody can see when it starts, so it is never valid
 * either: `validity` is indeterminate.
 */
describe('a selectively disclosed credential without validFrom', () => {
  const withoutStart = (extra: Record<string, unknown> = {}) => {
    const { validFrom: _, ...rest } = credential(issuer.did, extra);
    return rest;
  };

  it('is not malformed: the structure holds, the start is unknown, the badge indeterminate', async () => {
    const r = await run(await signDerived(withoutStart({ validUntil: '2030-01-01T00:00:00Z' }), issuer));
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(check(r, 'structure')?.message).toMatch(/validFrom/);
    expect(check(r, 'validity')?.outcome).toBe('indeterminate');
    expect(check(r, 'validity')?.message).toMatch(/validFrom/);
    expect(r.verdict).toBe('indeterminate');
  });

  it('without validFrom or an expiry: validity says both are unknown', async () => {
    const r = await run(await signDerived(withoutStart(), issuer));
    expect(check(r, 'structure')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'validity')?.outcome).toBe('indeterminate');
    expect(check(r, 'validity')?.message).toMatch(/start/);
    expect(check(r, 'validity')?.message).toMatch(/expir/);
    expect(r.verdict).toBe('indeterminate');
  });

  it('disclosed with an expiry already past: still invalid (expired)', async () => {
    const r = await run(await signDerived(withoutStart({ validUntil: '2025-01-01T00:00:00Z' }), issuer));
    expect(check(r, 'validity')?.code, JSON.stringify(r.checks)).toBe('ERR_EXPIRED');
    expect(r.verdict).toBe('invalid');
  });

  it('a derived proof that does not verify: invalid, and the structure says validFrom is missing', async () => {
    const vc = await signDerived(withoutStart(), issuer);
    const r = await run({ ...vc, name: 'Altered' });
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('fail');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
    expect(check(r, 'structure')?.message).toMatch(/validFrom/);
    expect(r.verdict).toBe('invalid');
  });

  it('a derived proof whose key cannot be read (the issuer\'s site down): indeterminate, never malformed', async () => {
    const offline = { ...issuer, did: 'did:web:issuer.test', didMethod: 'did:web:issuer.test#key-1' };
    const vc = await signDerived(withoutStart(), offline);
    const r = await verify(JSON.stringify({ ...vc, issuer: { id: 'did:web:issuer.test', type: ['Profile'], name: 'Example Issuer' } }), { now: NOW, fetch: async () => new Response('', { status: 503 }) });
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).not.toBe('fail');
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(check(r, 'validity')?.outcome).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it('a proof that is not a derived one (the issuer signed it without validFrom): malformed, as before', async () => {
    const base = await signDerived(withoutStart(), issuer);
    const proof = { ...(base.proof as Record<string, unknown>), cryptosuite: 'ecdsa-rdfc-2019' };
    const r = await run({ ...base, proof });
    expect(check(r, 'structure')).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
    expect(r.verdict).toBe('invalid');
  });
});
