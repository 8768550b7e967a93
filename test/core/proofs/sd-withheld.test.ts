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
