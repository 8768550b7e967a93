/**
 * hostile32: an IdentityObject member written as a JSON array of its one value (or of that value
 * twice) is the same JSON-LD (JSON-LD 1.1 §4.3: a single value and an array of one expand alike;
 * RDF 1.1 §3: a graph is a set, so a triple stated twice is one), so the issuer's proof still holds.
 * recipientsOf read only a string: Alice's badge with `identityHash: ["alice@example.com"]` named no
 * recipient, and read `valid` for Mallory instead of "issued to someone else"; with
 * `salt: ["NaCl"]` Alice's own hashed badge read `invalid` (hashed without its salt).
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
let plain: Doc;
let hashed: Doc;

async function signedWith(entry: Doc): Promise<Doc> {
  const signer = await generateSigner();
  const c = credential(signer.did) as Doc;
  delete c.credentialSubject.id;
  c.credentialSubject.identifier = [entry];
  return signCredential(c, signer);
}

beforeAll(async () => {
  plain = await signedWith({ type: 'IdentityObject', identityType: 'emailAddress', identityHash: 'alice@example.com', hashed: false });
  hashed = await signedWith({ type: 'IdentityObject', identityType: 'emailAddress', identityHash: HASH, hashed: true, salt: SALT });
});

/** The signed credential with its identifier entry's member `name` rewritten by `f` (the same statements). */
function rewritten(vc: Doc, name: string, f: (v: unknown) => unknown): Doc {
  const c = structuredClone(vc);
  const entry = c.credentialSubject.identifier[0];
  entry[name] = f(entry[name]);
  return c;
}
const run = (vc: Doc, who: string) => verify(JSON.stringify(vc), { fetch: new FakeWeb().fetch, now: NOW, identities: [{ type: 'email', value: who }] });
const show = (r: Awaited<ReturnType<typeof run>>) => JSON.stringify(r.checks, null, 1);
const outcome = (r: Awaited<ReturnType<typeof run>>, id: string) => r.checks.find((c) => c.id === id)?.outcome;

const WRITTEN = { 'an array of one': (v: unknown) => [v], 'an array of it twice': (v: unknown) => [v, v] };

describe('an identifier member written as an array of its one value (hostile32)', () => {
  it.each([
    ['plain', 'identityHash', 'an array of one'],
    ['plain', 'identityHash', 'an array of it twice'],
    ['hashed', 'identityHash', 'an array of one'],
    ['hashed', 'identityType', 'an array of one'],
    ['hashed', 'salt', 'an array of one'],
    ['hashed', 'hashed', 'an array of one'],
  ] as const)('%s entry, %s as %s: still issued to Alice, to someone else for Mallory', async (which, member, form) => {
    const vc = rewritten(which === 'plain' ? plain : hashed, member, WRITTEN[form]);
    const mallory = await run(vc, 'mallory@example.com');
    // The same statements: the issuer's proof holds.
    expect(outcome(mallory, 'signature'), show(mallory)).toBe('pass');
    expect(outcome(mallory, 'recipient'), show(mallory)).toBe('fail');
    expect(mallory.verdict).toBe('invalid');
    const alice = await run(vc, 'alice@example.com');
    expect(outcome(alice, 'recipient'), show(alice)).toBe('pass');
    expect(alice.verdict).toBe('valid');
  });

  it('the genuine badges as signed: the same verdicts (the control)', async () => {
    for (const vc of [plain, hashed]) {
      expect((await run(vc, 'mallory@example.com')).verdict).toBe('invalid');
      expect((await run(vc, 'alice@example.com')).verdict).toBe('valid');
    }
  });
});
