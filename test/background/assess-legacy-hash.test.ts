/**
 * A badge issued to an address of the user's that is not verified yet is pending (badge-record.ts
 * assess), whatever algorithm its version allowed for the hash: an OB 0.5 badge hashed with sha1 or
 * sha512 (Mozilla's openbadges-validator VALID_HASHES) was left "someone else's" when the background
 * compared it by OB 2.0's md5 and sha256 alone.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/background/services/badge-record.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../support/fake-web.ts';
import { matchRecipient } from '../../src/core/verify/recipient-match.ts';

const SITE = 'http://badges.example.edu';
const URL05 = `${SITE}/assertions/ada.json`;
const a05 = (recipient: string) => ({
  recipient,
  issued_on: '2012-06-01',
  badge: {
    version: '0.5.0', name: 'HTML5 Expert', image: '/img/html5.png', description: 'Knows HTML5.', criteria: '/criteria/html5.html',
    issuer: { origin: SITE, name: 'Example University', contact: 'badges@example.edu' },
  },
});

describe('assess: an OB 0.5 badge hashed by an algorithm 0.5 allowed', () => {
  it.each(['sha1', 'sha512'])('%s of an unverified address of the user\'s: pending, issued to that address', async (alg) => {
    const a = a05(`${alg}$${createHash(alg).update('ada@example.org').digest('hex')}`);
    const result = await verify(URL05, { fetch: new FakeWeb().json(URL05, a).fetch, now: new Date('2026-12-01T00:00:00Z'), identities: ['grace@example.org'] });
    expect(result.checks.find((c) => c.id === 'recipient')?.outcome).toBe('fail');
    const out = await assess(matchRecipient, result, ['ada@example.org']);
    expect(out).toMatchObject({ pending: true, recipient: 'ada@example.org', verdict: 'indeterminate' });
    expect(out.checks.find((c) => c.id === 'recipient')?.message).toContain('not verified yet');
  });
});
