/**
 * An ecdsa-sd-2023 derived proof signs only what the holder disclosed (VC DI ECDSA §3.5), and the
 * issuer's mandatory pointers need not include the subject's id or identifier entries (the W3C
 * test vectors make only /issuer mandatory). Alice can disclose her badge without her identity;
 * Mallory, importing it as her own, was told it is valid ("names no identity comparable with
 * yours") where Alice's identity, disclosed, says "issued to someone else". As withheld.ts does
 * for a status or an expiry: a recipient the holder may have withheld settles nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkSentence } from '../../../src/core/share/check-words.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential } from './support.ts';
import { signDerived } from './sd-derive.ts';
import { ecStatusList, statusEntry } from './sd-status.ts';
import { generateEcSigner, type EcSigner } from './suites-sign.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const LIST = 'https://issuer.example/status/1';
let issuer: EcSigner;
let web: FakeWeb;
beforeAll(async () => {
  issuer = await generateEcSigner('P-256');
  web = new FakeWeb().json(LIST, await ecStatusList(issuer, LIST));
});

const ALICE = { type: 'IdentityObject', identityType: 'emailAddress', identityHash: 'alice@example.com', hashed: false };
/** Alice's badge as disclosed: its status and expiry (so those settle), its subject with or without her identity. */
function disclosed(identifier?: unknown[]): Record<string, unknown> {
  const c = credential(issuer.did, {
    validUntil: '2030-01-01T00:00:00Z',
    credentialStatus: statusEntry(LIST),
  });
  const s = c.credentialSubject as Record<string, unknown>;
  delete s.id;
  if (identifier) s.identifier = identifier;
  return c;
}
/** The issuer's mandatory pointers (VC DI ECDSA §3.5 mandatoryIndexes): the status entry and whom it names, which the holder cannot withhold. */
const MANDATORY = (nq: string) => /credentials#credential(Status|Subject)>|vocab\.html#(identifier|identityHash|identityType)>/.test(nq);
const asMallory = (vc: unknown) => verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW, identities: [{ type: 'email', value: 'mallory@example.com' }] });
const check = (r: Awaited<ReturnType<typeof asMallory>>, id: string) => r.checks.find((c) => c.id === id);

describe('a selectively disclosed badge without its recipient', () => {
  it('disclosed with Alice\'s identity, checked by Mallory: invalid (issued to someone else)', async () => {
    const r = await asMallory(await signDerived(disclosed([ALICE]), issuer, MANDATORY));
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'revocation')?.outcome).toBe('pass');
    expect(check(r, 'recipient')?.code).toBe('ERR_RECIPIENT_MISMATCH');
    expect(r.verdict).toBe('invalid');
  });

  it('disclosed without it, checked by Mallory: not valid (the holder may have withheld it)', async () => {
    const r = await asMallory(await signDerived(disclosed(), issuer));
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'recipient')?.outcome).toBe('indeterminate');
    expect(check(r, 'recipient')?.message).toMatch(/withheld/);
    expect(r.verdict).toBe('indeterminate');
    // Said as what it is, not as "an address not yet confirmed as yours".
    expect(checkSentence(check(r, 'recipient')!)).toBe('checkRecipientWithheld');
  });

  it('disclosed with Mallory\'s own identity: valid', async () => {
    const r = await asMallory(await signDerived(disclosed([{ ...ALICE, identityHash: 'mallory@example.com' }]), issuer, MANDATORY));
    expect(check(r, 'recipient')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(r.verdict).toBe('valid');
    expect(r.recipient).toBe('mallory@example.com');
  });

  it('without it, checked with no address of the user\'s: the recipient is not checked, as for any badge', async () => {
    const r = await verify(JSON.stringify(await signDerived(disclosed(), issuer)), { fetch: web.fetch, now: NOW });
    expect(check(r, 'recipient')?.outcome, JSON.stringify(r.checks)).toBe('skipped');
  });
});
