/**
 * A recipient address whose domain the URL parser's mapping (UTS #46) changes beyond IDNA's A-label
 * conversion is not the user's for sure: a soft hyphen (U+00AD), a zero-width space (U+200B), a word
 * joiner (U+2060) or a variation selector is dropped from it, and U+3002 IDEOGRAPHIC FULL STOP becomes
 * ".", so "ada@exa\u00ADmple.org" (the hyphen unseen) read "Issued to ada@example.org", an address it is
 * not: IDNA2008 disallows those characters in a domain (RFC 5892 §2.3, §2.6), and the user verified
 * another string. As a character folded into ASCII (U+212A KELVIN SIGN, hostile41): neither the
 * user's nor someone else's for sure, never "issued to you". An IDN the user holds as A-labels
 * ("ada@bücher.example" beside "ada@xn--bcher-kva.example") is still the same address.
 */
import { describe, expect, it } from 'vitest';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { toUserIdentity } from '../../../src/core/verify/context.ts';
import { checkRecipient } from '../../../src/core/verify/recipient.ts';
import type { RecipientIdentity } from '../../../src/core/model.ts';

async function check(identity: string, mine: string) {
  const checks = new CheckList();
  const who = await checkRecipient(checks, [{ type: 'email', hashed: false, identity } as RecipientIdentity], [toUserIdentity(mine)], 'ob2.0-hosted');
  return { who, check: checks.get('recipient')! };
}

describe('a recipient domain the URL parser maps beyond IDNA', () => {
  it.each(['ada@exa\u00ADmple.org', 'ada@exa\u200Bmple.org', 'ada@example.org\u200B', 'ada@exa\u2060mple.org', 'ada@example\uFE0F.org', 'ada@example\u3002org'])('%j is not "issued to you", nor someone else\'s', async (w) => {
    const { who, check: c } = await check(w, 'ada@example.org');
    expect(who).toBeNull();
    expect(c.outcome).toBe('skipped');
    expect(c.message).toMatch(/whether it is yours is unknown/);
  });

  it('an IDN and its A-labels, and letter case, are still the same address', async () => {
    expect((await check('ada@b\u00fccher.example', 'ada@xn--bcher-kva.example')).who).toBe('ada@xn--bcher-kva.example');
    expect((await check('ada@xn--bcher-kva.example', 'ada@B\u00dcCHER.example')).who).toBe('ada@B\u00dcCHER.example');
    expect((await check('Ada@Example.ORG', 'ada@example.org')).who).toBe('ada@example.org');
  });
});
