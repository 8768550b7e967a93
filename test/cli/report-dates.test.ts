/**
 * The human report says when the badge was issued and until when it holds, as the badge page's
 * "Issued" and "Expires" facts do (BadgeFacts.tsx): real issuers' dates, an OB 1.0 Unix timestamp
 * and an OB 3.0 validUntil, each with the offset the issuer wrote it in (UTC for Z or +00:00), the date
 * alone when it falls at midnight there.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toText } from '../../src/cli/report.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { bytes, offlineFetch, REAL } from '../support/real-fixtures.ts';

const NOW = new Date('2026-12-07T00:00:00Z');
const dateLines = (text: string) => text.split('\n').filter((l) => /^(issued|expires): /.test(l));

describe('the report says when the badge was issued and when it expires', () => {
  it("the Oregon Badge Alliance's OB 1.0 badge (issuedOn 1406747839, no expiry): its issue instant, after whom it was issued to and before the checks", async () => {
    const host = { prefix: 'http://openbadges.oregonbadgealliance.org/', dir: path.join(REAL, 'hosts/openbadges.oregonbadgealliance.org') };
    const r = await verify(bytes('badgr-server-2014/oregon-badge-alliance_1.png'), { fetch: offlineFetch([host]), now: NOW, identities: [] });
    expect(r.verdict).toBe('valid');
    const text = toText(r, 'oregon.png');
    expect(dateLines(text)).toEqual(['issued: 2014-07-30 19:17:19 UTC']);
    const lines = text.split('\n');
    expect(lines.indexOf('issued: 2014-07-30 19:17:19 UTC')).toBe(lines.findLastIndex((l) => l.startsWith('issued to: ')) + 1);
    expect(lines[lines.indexOf('issued: 2014-07-30 19:17:19 UTC') + 1]).toMatch(/^ {2}. parse /);
  });

  it("MIT Learn's certificate (validFrom and validUntil at midnight UTC): both, as dates", async () => {
    const r = await verify(bytes('mit-learn-obv3-template/programCertificate.10f51e7.json'), { fetch: offlineFetch(), now: NOW, identities: [] });
    const lines = dateLines(toText(r, 'mit.json'));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^issued: \d{4}-\d\d-\d\d( \d\d:\d\d:\d\d UTC)?$/);
    expect(lines[1]).toMatch(/^expires: 2030-/);
  });

  it("Moodle's assertion (issuedOn 2023-07-26T10:06:03+09:00, expires at midnight in Japan): the time in the issuer's own offset, the expiry's date as the issuer's calendar has it", async () => {
    const r = await verify(bytes('chilowallet-moodle/assertion.json'), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(dateLines(toText(r, 'moodle.json'))).toEqual(['issued: 2023-07-26 10:06:03 +09:00', 'expires: 2024-07-26']);
  });

  it("Badgr's instants with microseconds and +00:00: UTC, the fraction dropped", () => {
    const badge = { name: 'X', issuer: { name: 'Y' }, recipients: [], issuedOn: '2019-03-07T14:43:39.394206+00:00', expires: '2025-03-16T00:00:00+00:00' } as unknown as NonNullable<VerifyResult['badge']>;
    const result: VerifyResult = { verdict: 'indeterminate', format: 'ob2.0-hosted', recipient: null, badge, input: { kind: 'json', size: 1, sha256: '' }, checks: [] };
    expect(dateLines(toText(result, 'x.json'))).toEqual(['issued: 2019-03-07 14:43:39 UTC', 'expires: 2025-03-16']);
  });

  it('a date that is not an instant is shown escaped, as given; none given, no line', () => {
    const badge = { name: 'X', issuer: { name: 'Y' }, recipients: [], issuedOn: '2024\u001b[2J\u202e', expires: undefined } as unknown as NonNullable<VerifyResult['badge']>;
    const result: VerifyResult = { verdict: 'indeterminate', format: 'ob2.0-hosted', recipient: null, badge, input: { kind: 'json', size: 1, sha256: '' }, checks: [] };
    const lines = dateLines(toText(result, 'x.json'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f\u202e]/);
    const none = { ...result, badge: { ...badge, issuedOn: undefined } };
    expect(dateLines(toText(none, 'x.json'))).toEqual([]);
  });
});
