/**
 * Review (review42): a badge hashed over its recipient's address with the domain's U-labels ("ada@bücher.example"),
 * checked against the same address as the user's backpack lists it, with A-labels ("ada@xn--bcher-kva.example"):
 * the same mailbox (RFC 5891 §4.4). Lanyard hashed the user's address with A-labels only (the URL parser writes
 * no U-label), and the genuine badge read "Issued to someone else". src/core/verify/punycode.ts now gives the
 * U-labels (RFC 3492 decoding, taken only when the URL parser writes them back as the same A-labels).
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { toUserIdentity } from '../../../src/core/verify/context.ts';
import { checkRecipient } from '../../../src/core/verify/recipient.ts';
import { unicodeDomain } from '../../../src/core/verify/punycode.ts';

const sha = (text: string, salt = 'pepper') => `sha256$${createHash('sha256').update(text + salt).digest('hex')}`;
const check = async (identity: string, mine: string, hashed = true) => {
  const c = new CheckList();
  await checkRecipient(c, [{ type: 'email', identity, hashed, ...(hashed ? { salt: 'pepper' } : {}) }], [toUserIdentity(mine)], 'ob2.0-hosted');
  return c.get('recipient')!;
};
const aLabels = (domain: string) => new URL(`http://${domain}/`).hostname;

describe('an IDN address hashed with U-labels, the user\'s listed with A-labels', () => {
  const domains = ['b\u00fccher.example', 'm\u00fcnchen.de', '\u4e2d\u56fd.example', '\u0438\u0441\u043f\u044b\u0442\u0430\u043d\u0438\u0435.example', 'stra\u00dfe.de', '\u0645\u062b\u0627\u0644.example', 'sub.\u00e9t\u00e9.fr'];

  it('is the user\'s: issued to them', async () => {
    for (const d of domains) {
      const r = await check(sha(`ada@${d}`), `ada@${aLabels(d)}`);
      expect(r.outcome, d).toBe('pass');
    }
  });

  it('another address at that domain is still someone else\'s', async () => {
    expect((await check(sha('bob@b\u00fccher.example'), `ada@${aLabels('b\u00fccher.example')}`)).outcome).toBe('fail');
    expect((await check(sha('ada@bucher.example'), `ada@${aLabels('b\u00fccher.example')}`)).outcome).toBe('fail');
  });

  it('the A-labels decode to the U-labels the URL parser encoded; anything else is no U-label', () => {
    for (const d of domains) expect(unicodeDomain(aLabels(d)), d).toBe(d);
    expect(unicodeDomain('example.org')).toBeUndefined();
    // Not Punycode (a character no digit, nothing after xn--, a number past Unicode): none.
    expect(unicodeDomain('xn--!!.example')).toBeUndefined();
    expect(unicodeDomain('xn--.example')).toBeUndefined();
    expect(unicodeDomain(`xn--${'z'.repeat(60)}.example`)).toBeUndefined();
    // A look-alike's A-label decodes to its own letters (Cyrillic "е"), which the URL parser writes back as that A-label.
    expect(aLabels(unicodeDomain('xn--xample-2of.org')!)).toBe('xn--xample-2of.org');
  });
});
