/**
 * review32b: JSON-LD 1.1 expansion drops a null from an array (JSON-LD 1.1 API §5.2.2 step 5.2.2),
 * so an IdentityObject member written as `[value, null]` states what `value` states and the
 * issuer's proof still holds. valuesOf (json-util.ts, hostile32) counted the null as a second
 * value: with `identityType: ["emailAddress", null]` Alice's hashed entry had no type and named no
 * recipient, and her badge read valid for Mallory; with `salt: ["NaCl", null]` it read as issued to
 * someone else for Alice herself.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signCredential } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
type Doc = Record<string, any>;
const SALT = 'NaCl';
const HASH = `sha256$${createHash('sha256').update(`alice@example.com${SALT}`).digest('hex')}`;
let hashed: Doc;

beforeAll(async () => {
  const signer = await generateSigner();
  const c = credential(signer.did) as Doc;
  delete c.credentialSubject.id;
  c.credentialSubject.identifier = [{ type: 'IdentityObject', identityType: 'emailAddress', identityHash: HASH, hashed: true, salt: SALT }];
  hashed = await signCredential(c, signer);
});

function rewritten(name: string): Doc {
  const c = structuredClone(hashed);
  const entry = c.credentialSubject.identifier[0];
  entry[name] = [entry[name], null];
  return c;
}
const run = (vc: Doc, who: string) => verify(JSON.stringify(vc), { fetch: new FakeWeb().fetch, now: NOW, identities: [{ type: 'email', value: who }] });
const outcome = (r: Awaited<ReturnType<typeof run>>, id: string) => r.checks.find((c) => c.id === id)?.outcome;

describe('an identifier member written as an array of its value and null (review32b)', () => {
  it.each(['identityType', 'identityHash', 'salt', 'hashed'])('%s: still issued to Alice, to someone else for Mallory', async (member) => {
    const vc = rewritten(member);
    const mallory = await run(vc, 'mallory@example.com');
    expect(outcome(mallory, 'signature'), JSON.stringify(mallory.checks)).toBe('pass');
    expect(outcome(mallory, 'recipient'), JSON.stringify(mallory.checks)).toBe('fail');
    expect(mallory.verdict).toBe('invalid');
    const alice = await run(vc, 'alice@example.com');
    expect(outcome(alice, 'recipient'), JSON.stringify(alice.checks)).toBe('pass');
    expect(alice.verdict).toBe('valid');
  });
});
