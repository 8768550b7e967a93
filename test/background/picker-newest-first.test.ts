/**
 * Hostile49: the page's badge picker (content.ts pickerList) lists the user's newest badges first,
 * at most 100, and sorted them by their `issuedOn` TEXT: an issue date written with an offset
 * ("2025-03-01T20:00:00+14:00", earlier than "2025-03-01T07:00:00Z") sorted as later, and one the
 * engine reads as no instant ("~", "March 5, 2024" beside ISO digits) came before every date, so an
 * issuer's odd date took the picker's first row and could push the newest badges out of its 100.
 * The popup's list orders by the engine's reading (core/share/dates.ts sortTimeOf, stored as the
 * record's `sortTime`); the picker now orders by it too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness.ts';
import type { BadgeRecord, OriginalRecord } from '../../src/platform/records.ts';

const record = (i: number, issuedOn: string): BadgeRecord =>
  ({
    key: `local|n${i}`, accountId: 'local', sourceId: `n${i}`, original: { kind: 'json' }, contentHash: `h${i}`, format: 'ob1.0-hosted', verdict: 'indeterminate', checks: [],
    recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z',
    meta: { name: `Badge ${i}`, issuerName: 'Issuer', issuedOn, tags: [], evidence: [], alignments: [], claimedRecipients: [] },
  }) as unknown as BadgeRecord;
const original = (i: number): OriginalRecord => ({ key: `local|n${i}`, bytes: new Uint8Array([1]) });

let h: Harness;
beforeAll(async () => {
  h = await harness();
  const dates = [
    '2025-03-01T07:00:00Z', // 0: the newest
    '2025-03-01T20:00:00+14:00', // 1: 06:00 UTC, an hour before 0
    '2024-01-01T00:00:00Z', // 2
    '~', // 3: no date: last, as in the popup's list
    'March 5, 2024', // 4: a written-out date (OB 1.0 issuers), read as that day: before 2
  ];
  await h.db.saveBadges(dates.map((d, i) => ({ record: record(i, d), original: original(i) })));
});

describe('the picker lists the newest badges first, as the popup does', () => {
  it('by the instant each date names, an unreadable one last', async () => {
    const picker = (await h.app.content.pickerList('')).map((b) => b.name);
    expect(picker).toEqual(['Badge 0', 'Badge 1', 'Badge 4', 'Badge 2', 'Badge 3']);
    const popup = (await h.app.library.list()).map((b) => b.name);
    expect(picker).toEqual(popup);
  });
});
