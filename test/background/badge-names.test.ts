/**
 * A badge without a name. The background stored "Unreadable badge" or "Untitled badge" as its
 * name: English on a French browser, frozen at the time it was stored. Now the record keeps no
 * name and the reason (`noName`), and every screen says it in the user's words; records stored
 * before keep those English words, which are read as the reason they stood for.
 */
import { describe, expect, it } from 'vitest';
import { metaOf } from '../../src/background/services/badge-record.ts';
import { badgeView, pickerBadge } from '../../src/background/services/views.ts';
import type { Badge } from '../../src/core/model.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';
import { toBadgeOb2 } from '../../src/core/formats/ob2-common.ts';

const badge = (name: string): Badge => ({ name, issuer: { name: 'École' }, tags: [], recipients: [], evidence: [], alignments: [], endorsements: [] }) as unknown as Badge;

const record = (meta: Partial<BadgeRecord['meta']>): BadgeRecord =>
  ({
    key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind: 'json' }, contentHash: 'h', format: 'ob2.0-hosted', verdict: 'indeterminate',
    checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z',
    meta: { name: '', tags: [], evidence: [], alignments: [], claimedRecipients: [], ...meta },
  }) as BadgeRecord;

describe('a badge without a name is stored without one, with the reason', () => {
  it('nothing read: no name, reason "unreadable"', () => {
    expect(metaOf(null)).toMatchObject({ name: '', noName: 'unreadable' });
  });

  it('a badge that names itself nothing: no name, reason "untitled" (the engine gives no English stand-in)', () => {
    expect(toBadgeOb2({ recipient: { type: 'email', identity: 'a@example.org' } }, { issuer: 'https://i.example' }, undefined, 'ob2.0-hosted').name).toBe('');
    expect(metaOf(badge(''))).toMatchObject({ name: '', noName: 'untitled' });
  });

  it('keeps what the provider said when the badge names nothing (a revoked stub), and drops the reason once a name is known', () => {
    expect(metaOf(badge(''), { name: 'Poetical Science' })).toMatchObject({ name: 'Poetical Science' });
    expect(metaOf(badge(''), { name: 'Poetical Science' }).noName).toBeUndefined();
    expect(metaOf(badge('Poetical Science'), { name: '', noName: 'untitled' }).noName).toBeUndefined();
    expect(metaOf(null, { name: 'Poetical Science' })).toMatchObject({ name: 'Poetical Science' });
  });

  // The views read such a name as none (core/share/display.ts hasVisibleText); the record stored it as the name.
  it('a name of only blank-looking characters (braille blank, Hangul filler, zero-width, bidi controls) is stored as no name', () => {
    for (const blank of ['\u2800\u2800', '\u3164', '\u200B\u2060', ' \u202E ', '\uFFA0\u115F']) {
      const json = JSON.stringify(blank);
      expect(metaOf(badge(blank)), json).toMatchObject({ name: '', noName: 'untitled' });
      // As an empty name does, it gives way to what the provider said.
      expect(metaOf(badge(blank), { name: 'Poetical Science' }), json).toMatchObject({ name: 'Poetical Science' });
      expect(metaOf(badge(blank), { name: 'Poetical Science' }).noName, json).toBeUndefined();
    }
    // Braille with words in it is a name (U+2800 spaces braille's words).
    expect(metaOf(badge('\u2800\u281E\u2800'))).toMatchObject({ name: '\u2800\u281E\u2800' });
  });

  it('an English stand-in stored before is not kept as a name when the badge is stored again', () => {
    for (const old of ['Untitled badge', 'Unnamed badge', 'Unreadable badge']) {
      expect(metaOf(badge(''), { name: old }), old).toMatchObject({ name: '', noName: 'untitled' });
    }
    expect(metaOf(null, { name: 'Unreadable badge' })).toMatchObject({ name: '', noName: 'unreadable' });
  });
});

describe('what the popup and pickers get', () => {
  it('a record stored before, with the English words, reaches them as no name and the reason', () => {
    expect(badgeView(record({ name: 'Unreadable badge' }), [])).toMatchObject({ name: '', noName: 'unreadable' });
    expect(badgeView(record({ name: 'Untitled badge' }), [])).toMatchObject({ name: '', noName: 'untitled' });
    expect(pickerBadge(record({ name: 'Unnamed badge' }))).toMatchObject({ name: '', noName: 'untitled' });
  });

  it('a record stored now passes its reason on; a named one has none', () => {
    expect(pickerBadge(record({ name: '', noName: 'unreadable' }))).toMatchObject({ name: '', noName: 'unreadable' });
    expect(badgeView(record({ name: 'Poetical Science' }), []).noName).toBeUndefined();
  });
});
