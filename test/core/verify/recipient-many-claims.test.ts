/**
 * A badge that names thousands of recipient identities. OB 3.0 `credentialSubject.identifier` is a
 * list the issuer writes (OB 3.0 §IdentityObject), and each hashed entry costs a hash per spelling of
 * each of the user's addresses (recipient.ts emailForms): 70,000 entries (an 8 MiB document) against
 * 20 mixed-case addresses took 13 s of the worker's CPU, which the verification's deadline cannot stop
 * (it bounds waiting for the network, not work), and a Badgr account may bring 1,000 addresses.
 * Real badges name one to three. Only the first MAX_RECIPIENT_CLAIMS are compared; past them, an
 * identity that is not among those compared leaves whom it was issued to unknown (skipped, as for a
 * hash Lanyard cannot compute), never "someone else" and never "you".
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { toUserIdentity } from '../../../src/core/verify/context.ts';
import { checkRecipient, MAX_RECIPIENT_CLAIMS } from '../../../src/core/verify/recipient.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, makeKey, NOW, sign } from '../keys/jwt-fixtures.ts';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
const hashed = (email: string, salt: string) => ({ type: 'email', identity: `sha256$${sha(email + salt)}`, hashed: true, salt });
const others = (n: number) => Array.from({ length: n }, (_, i) => hashed(`someone${i}@elsewhere.example`, `salt${i}`));
const mine = Array.from({ length: 50 }, (_, i) => `User${i}@Example.org`);

const run = async (claims: Parameters<typeof checkRecipient>[1], addresses = mine) => {
  const c = new CheckList();
  const t = performance.now();
  const who = await checkRecipient(c, claims, addresses.map(toUserIdentity), 'ob3.0-data-integrity');
  return { who, check: c.get('recipient')!, ms: performance.now() - t };
};

describe('recipient: a badge naming thousands of identities', () => {
  it('70,000 hashed identities against 50 addresses end at once, whom it was issued to unknown (was ~45 s of CPU, then "someone else")', async () => {
    const r = await run(others(70_000));
    expect(r.who).toBeNull();
    expect(r.check.outcome).toBe('skipped');
    expect(r.check.message).toMatch(/70000 recipient identities/);
    expect(r.check.message).toContain(`first ${MAX_RECIPIENT_CLAIMS}`);
    expect(r.ms).toBeLessThan(2000);
  }, 120_000);

  it('the user\'s address among the first compared is still theirs; past them it is unknown, never another\'s', async () => {
    const early = [...others(3), hashed('user7@example.org', 's'), ...others(5_000)];
    expect((await run(early)).who).toBe('User7@Example.org');
    const late = [...others(MAX_RECIPIENT_CLAIMS), hashed('user7@example.org', 's')];
    const r = await run(late);
    expect(r.who).toBeNull();
    expect(r.check.outcome).toBe('skipped');
  }, 60_000);

  it('a badge naming as many as are compared, none the user\'s, is still someone else\'s', async () => {
    const r = await run(others(MAX_RECIPIENT_CLAIMS), ['alice@example.org']);
    expect(r.check.outcome).toBe('fail');
  });

  it('through the engine: a signed VC-JWT listing 30,000 hashed identifiers in its subject ends at once, recipient unknown', async () => {
    const k = await makeKey('EdDSA');
    const c = credential(k.did);
    const identifier = others(30_000).map((o) => ({ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: o.identity, salt: o.salt }));
    const jws = await sign({ ...c, credentialSubject: { ...(c.credentialSubject as Record<string, unknown>), identifier } }, k, { alg: 'EdDSA', kid: `${k.did}#${k.multibase}` });
    const t = performance.now();
    const r = await verify(jws, { now: NOW, identities: mine });
    const ms = performance.now() - t;
    expect(r.checks.find((x) => x.id === 'signature')).toMatchObject({ outcome: 'pass' });
    expect(r.checks.find((x) => x.id === 'recipient')).toMatchObject({ outcome: 'skipped' });
    expect(r.recipient).toBeNull();
    expect(ms).toBeLessThan(8000); // 16 s before, with these 50 addresses
  }, 120_000);
});
