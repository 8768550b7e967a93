/**
 * A required field withheld under an ecdsa-sd-2023 derived proof (VC DI ECDSA §3.5) leaves the
 * structure unknown, and Lanyard then skipped the dates, the status and the recipient: a badge whose
 * disclosed validUntil is long past, or whose disclosed status entry says it is revoked, was only
 * 'unknown'. What is disclosed is what its issuer signed: those checks run on it, as the VC-JWT path
 * runs them (ob3-jwt.ts), and an expired or revoked badge is invalid.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential } from './support.ts';
import { signDerived } from './sd-derive.ts';
import { ecStatusList, statusEntry } from './sd-status.ts';
import { generateEcSigner, type EcSigner } from './suites-sign.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const LIST = 'https://issuer.example/status/revoked';
let issuer: EcSigner;
let web: FakeWeb;
beforeAll(async () => {
  issuer = await generateEcSigner('P-256');
  web = new FakeWeb().json(LIST, await ecStatusList(issuer, LIST, [5]));
});

const run = (vc: unknown, identities: string[] = []) => verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW, identities });
const check = (r: Awaited<ReturnType<typeof run>>, id: string) => r.checks.find((c) => c.id === id);
const STATUS = (nq: string) => nq.includes('credentials#credentialStatus>');
/** The credential with the achievement's name withheld (structure: withheld) and `extra` disclosed. */
const nameWithheld = (extra: Record<string, unknown>) => {
  const c = credential(issuer.did, extra);
  delete ((c.credentialSubject as Record<string, unknown>).achievement as Record<string, unknown>).name;
  return c;
};

describe('a required field withheld: what is disclosed is still checked (ecdsa-sd-2023)', () => {
  it('a disclosed expiry long past: expired, invalid', async () => {
    const r = await run(await signDerived(nameWithheld({ validUntil: '2025-01-01T00:00:00Z' }), issuer));
    expect(check(r, 'structure')?.code, JSON.stringify(r.checks)).toBe('ERR_STRUCTURE_WITHHELD');
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'validity')?.code).toBe('ERR_EXPIRED');
    expect(r.verdict).toBe('invalid');
  });

  it('a disclosed status entry that revokes it: revoked, invalid', async () => {
    const status = statusEntry(LIST);
    const r = await run(await signDerived(nameWithheld({ validUntil: '2030-01-01T00:00:00Z', credentialStatus: status }), issuer, STATUS));
    expect(check(r, 'structure')?.code, JSON.stringify(r.checks)).toBe('ERR_STRUCTURE_WITHHELD');
    expect(check(r, 'revocation')?.outcome).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });

  it('nothing past, nothing revoked: the dates pass, the recipient is checked, and the badge stays unknown', async () => {
    const r = await run(await signDerived(nameWithheld({ validUntil: '2030-01-01T00:00:00Z' }), issuer), ['someone@example.org']);
    expect(check(r, 'validity')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'revocation')?.outcome).toBe('indeterminate');
    expect(check(r, 'recipient')?.outcome).not.toBe('skipped');
    expect(r.verdict).toBe('indeterminate');
  });
});
