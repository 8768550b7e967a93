/**
 * The recipient check against hostile or odd identity claims: a check that says "issued to someone
 * else" makes the verdict invalid, and one that says "issued to you" is shown as the user's badge,
 * so neither may be said without a comparison that holds.
 */
import { describe, expect, it } from 'vitest';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { toUserIdentity } from '../../../src/core/verify/context.ts';
import { checkRecipient } from '../../../src/core/verify/recipient.ts';

const run = async (claims: Parameters<typeof checkRecipient>[1], mine: string[]) => {
  const c = new CheckList();
  const who = await checkRecipient(c, claims, mine.map(toUserIdentity));
  return { who, check: c.get('recipient')! };
};

describe('recipient: identities compared only as their kind allows', () => {
  it('a DID differing only in letter case is another DID (DID Core §3.1: the method-specific id is case-sensitive)', async () => {
    const r = await run([{ type: 'id', identity: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', hashed: false }], ['did:key:z6MkhaxgbzdvotdkL5257faiztigic2qtklgpbnnegta2dok']);
    expect(r.who).toBeNull();
    expect(r.check.outcome).toBe('fail');
  });

  it('a web address differing in the path\'s letter case is another address; in the host\'s, the same', async () => {
    const claim = [{ type: 'url', identity: 'https://profiles.example/u/Alice', hashed: false }];
    expect((await run(claim, ['https://profiles.example/u/alice'])).who).toBeNull();
    expect((await run(claim, ['https://PROFILES.example/u/Alice'])).who).toBe('https://PROFILES.example/u/Alice');
  });

  it('a plain e-mail claim written with spaces around it or as a mailto: URI names that address', async () => {
    expect((await run([{ type: 'email', identity: ' Alice@Example.org\n', hashed: false }], ['alice@example.org'])).who).toBe('alice@example.org');
    expect((await run([{ type: 'email', identity: 'mailto:alice@example.org', hashed: false }], ['alice@example.org'])).who).toBe('alice@example.org');
    expect((await run([{ type: 'email', identity: 'mailto:bob@example.org', hashed: false }], ['alice@example.org'])).check.outcome).toBe('fail');
  });

  it('an e-mail address in another letter case is the same address; a plus address is not', async () => {
    expect((await run([{ type: 'email', identity: 'Alice@Example.org', hashed: false }], ['alice@example.org'])).who).toBe('alice@example.org');
    expect((await run([{ type: 'email', identity: 'alice+badges@example.org', hashed: false }], ['alice@example.org'])).who).toBeNull();
  });
});

describe('recipient: a hash Lanyard cannot compute is not "someone else"', () => {
  it('sha512$ or sha1$ (neither OB 2.0 nor OB 3.0 allows them): not compared, not failed', async () => {
    for (const identity of [`sha512$${'ab'.repeat(64)}`, `SHA1$${'ab'.repeat(20)}`]) {
      const r = await run([{ type: 'email', identity, hashed: true }], ['alice@example.org']);
      expect(r.who).toBeNull();
      expect(r.check.outcome, identity).toBe('skipped');
      expect(r.check.message).toMatch(/hash/);
    }
  });

  it('beside a comparable claim that is not the user\'s: still someone else', async () => {
    const r = await run([{ type: 'email', identity: `sha512$${'ab'.repeat(64)}`, hashed: true }, { type: 'email', identity: 'bob@example.org', hashed: false }], ['alice@example.org']);
    expect(r.check.outcome).toBe('fail');
  });
});
