/**
 * What the holder may withhold beside what it shows (VC DI ECDSA §3.5: the derived proof's
 * mandatoryIndexes name the disclosed statements the issuer made mandatory; every other one was the
 * holder's to show or not). An issuer listing two status entries, neither mandatory, let the holder
 * show the clear one and withhold the one that revokes it; a badge naming two identities, neither
 * mandatory, let it show the one not the user's. Lanyard said "Not revoked" and "issued to someone
 * else". Shown at the holder's choice, they settle neither; made mandatory, they do, as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mandatoryShown } from '../../../src/core/proofs/mandatory.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential } from './support.ts';
import { signDerived } from './sd-derive.ts';
import { ecStatusList, statusEntry } from './sd-status.ts';
import { generateEcSigner, type EcSigner } from './suites-sign.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const CLEAR = 'https://issuer.example/status/clear';
const SET = 'https://issuer.example/status/set';
let issuer: EcSigner;
let web: FakeWeb;
beforeAll(async () => {
  issuer = await generateEcSigner('P-256');
  web = new FakeWeb().json(CLEAR, await ecStatusList(issuer, CLEAR)).json(SET, await ecStatusList(issuer, SET, [5]));
});

const entry = (l: string) => statusEntry(l);
const STATUS = (nq: string) => nq.includes('credentials#credentialStatus>');
const RECIPIENT = (nq: string) => /credentials#credentialSubject>|vocab\.html#(identifier|identityHash|identityType)>/.test(nq);
const identity = (email: string) => ({ type: 'IdentityObject', identityType: 'emailAddress', identityHash: email, hashed: false });
/** Disclosed with `extra`; an expiry shown so that validity settles. */
const badge = (extra: Record<string, unknown>) => credential(issuer.did, { validUntil: '2030-01-01T00:00:00Z', ...extra });
const withIdentity = (email: string) => {
  const c = badge({ credentialStatus: entry(CLEAR) });
  const s = c.credentialSubject as Record<string, unknown>;
  delete s.id;
  s.identifier = [identity(email)];
  return c;
};
const run = (vc: unknown, opts: { identities?: string[]; keyCache?: Map<string, unknown> } = {}) => verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW, identities: opts.identities, keyCache: opts.keyCache });
const check = (r: Awaited<ReturnType<typeof run>>, id: string) => r.checks.find((c) => c.id === id);

describe('status entries shown at the holder\'s choice (ecdsa-sd-2023)', () => {
  it('a clear entry shown, not mandatory: revocation unknown (another may have been withheld)', async () => {
    const r = await run(await signDerived(badge({ credentialStatus: entry(CLEAR) }), issuer));
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'revocation')?.outcome).toBe('indeterminate');
    expect(check(r, 'revocation')?.message).toMatch(/withheld the entry that says it is revoked/);
    expect(r.verdict).toBe('indeterminate');
  });

  it('the same entry made mandatory by its issuer: not revoked, valid, as before', async () => {
    const r = await run(await signDerived(badge({ credentialStatus: entry(CLEAR) }), issuer, STATUS));
    expect(check(r, 'revocation')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  it('a revoking entry shown beside a clear one, neither mandatory: still revoked', async () => {
    const r = await run(await signDerived(badge({ credentialStatus: [entry(CLEAR), entry(SET)] }), issuer));
    expect(check(r, 'revocation')?.outcome, JSON.stringify(r.checks)).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });

  it('a verified proof remembered in the key cache keeps what was mandatory', async () => {
    const keyCache = new Map<string, unknown>();
    const free = await signDerived(badge({ credentialStatus: entry(CLEAR) }), issuer);
    const first = await run(free, { keyCache });
    const again = await run(free, { keyCache });
    expect(check(first, 'revocation')?.outcome).toBe('indeterminate');
    expect(check(again, 'revocation')?.outcome, JSON.stringify(again.checks)).toBe('indeterminate');
    const fixed = await signDerived(badge({ credentialStatus: entry(CLEAR) }), issuer, STATUS);
    await run(fixed, { keyCache });
    expect(check(await run(fixed, { keyCache }), 'revocation')?.outcome).toBe('pass');
  });
});

describe('mandatoryShown', () => {
  const own = '<urn:uuid:1> <https://www.w3.org/2018/credentials#credentialStatus> <https://issuer.example/status/clear#5> .\n';
  const inGraph = '<urn:uuid:2> <https://www.w3.org/2018/credentials#credentialStatus> <https://issuer.example/status/clear#6> _:u0 .\n';
  it('a status link the holder chose to show is not mandatory; one in an embedded credential\'s graph does not count', () => {
    expect(mandatoryShown([own])).toEqual({ status: false, recipient: true });
    expect(mandatoryShown([inGraph])).toEqual({ status: true, recipient: true });
  });
});

describe('an identity shown at the holder\'s choice (ecdsa-sd-2023)', () => {
  it('someone else\'s identity shown, not mandatory: unknown (the user\'s may have been withheld), never someone else\'s', async () => {
    const r = await run(await signDerived(withIdentity('alice@example.com'), issuer, STATUS), { identities: ['mallory@example.com'] });
    expect(check(r, 'recipient')?.outcome, JSON.stringify(r.checks)).toBe('indeterminate');
    expect(check(r, 'recipient')?.code).toBe('ERR_RECIPIENT_WITHHELD');
    expect(check(r, 'recipient')?.message).toMatch(/may have withheld the identity that is yours/);
    expect(r.verdict).toBe('indeterminate');
  });

  it('made mandatory by its issuer: issued to someone else, as before', async () => {
    const r = await run(await signDerived(withIdentity('alice@example.com'), issuer, (nq) => STATUS(nq) || RECIPIENT(nq)), { identities: ['mallory@example.com'] });
    expect(check(r, 'recipient')?.code, JSON.stringify(r.checks)).toBe('ERR_RECIPIENT_MISMATCH');
    expect(r.verdict).toBe('invalid');
  });

  it('the user\'s own identity shown, not mandatory: a match, valid', async () => {
    const r = await run(await signDerived(withIdentity('mallory@example.com'), issuer, STATUS), { identities: ['mallory@example.com'] });
    expect(check(r, 'recipient')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(r.verdict).toBe('valid');
  });
});
