/**
 * Hostile review (session 24): a badge's words reached the popup and the page's picker whole. A
 * BadgeClass is read up to 8 MB, so one badge could carry a 4 MB name and a 4 MB description (each again
 * in its `texts`), and `badges/list` carries every badge's: a handful of such badges, which an issuer can
 * award to the user's address and a backpack then lists, made the list message tens of megabytes (Chromium
 * refuses an extension message past 64 MB, so the list would fail as a whole), and every picker row sent
 * its name into the page's process. No surface shows more than displayText reads (twice its cut,
 * MAX_DISPLAY_CHARS): the views now carry at most VIEW_TEXT_MAX of each text, and what is shown is the same.
 */
import { describe, expect, it } from 'vitest';
import { badgeDetail, badgeView, pickerBadge } from '../../src/background/services/views.ts';
import { VIEW_TEXT_MAX } from '../../src/background/services/view-text.ts';
import { displayText, MAX_DISPLAY_CHARS } from '../../src/core/share/display.ts';
import { MAX_MARKDOWN_CHARS, parseMarkdown } from '../../src/core/share/markdown.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';

const BIG = 4 * 1024 * 1024;
const huge = (word: string): string => `${word} `.repeat(Math.ceil(BIG / (word.length + 1)));

const record = (): BadgeRecord =>
  ({
    key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind: 'json' }, contentHash: 'h', format: 'ob2.0-hosted', verdict: 'valid',
    checks: [{ id: 'hosted', outcome: 'pass', message: huge('checked') }], recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z',
    meta: {
      credentialId: `urn:example:${huge('id').replace(/ /g, '-')}`,
      name: huge('Name'), description: huge('About'), issuerName: huge('Issuer'), issuerEmail: huge('mail'), issuerId: 'https://issuer.example/i',
      tags: Array.from({ length: 10_000 }, (_, i) => `tag${i}${'x'.repeat(400)}`),
      criteria: { narrative: huge('Criteria') },
      evidence: [{ id: 'https://issuer.example/e', name: huge('Evidence'), description: huge('Desc'), narrative: huge('Story') }],
      alignments: [{ targetName: huge('Target'), targetDescription: huge('TDesc'), targetFramework: huge('Fw'), targetCode: huge('Code') }],
      claimedRecipients: [{ type: 'email', identity: huge('who'), hashed: false }],
      texts: { name: [{ value: huge('Nom'), language: 'fr' }, { value: huge('Name'), language: 'en' }], description: [{ value: huge('Desc'), language: 'fr' }] },
    },
  }) as unknown as BadgeRecord;

const size = (v: unknown): number => JSON.stringify(v).length;

describe('a view carries no more of a badge\'s words than any surface shows', () => {
  it('a list row, a picker row and a badge page stay small however long the words', () => {
    expect(VIEW_TEXT_MAX).toBeGreaterThanOrEqual(2 * MAX_DISPLAY_CHARS);
    const r = record();
    expect(size(badgeView(r, []))).toBeLessThan(100_000);
    expect(size(pickerBadge(r))).toBeLessThan(20_000);
    // A badge page is one badge's answer; its credential id stays whole there (a cut link would be another link).
    const { credentialId: _id, ...detail } = badgeDetail(r, undefined, []);
    expect(size(detail)).toBeLessThan(200_000);
  });

  it('what the popup shows of them is the same', () => {
    const r = record();
    const view = badgeDetail(r, undefined, []);
    for (const [shown, whole] of [
      [view.name, r.meta.name], [view.description, r.meta.description], [view.issuerName, r.meta.issuerName], [view.criteria?.narrative, r.meta.criteria?.narrative],
      [view.evidence[0]?.narrative, r.meta.evidence[0]?.narrative], [view.alignments[0]?.targetName, r.meta.alignments[0]?.targetName],
      [view.texts?.name?.[1]?.value, r.meta.texts?.name?.[1]?.value], [view.checks[0]?.message, r.checks[0]?.message],
    ] as const) expect(displayText(shown)).toBe(displayText(whole));
    // The popup keeps 50 tags (popup/display.ts): so does the view.
    expect(view.tags).toEqual(r.meta.tags.slice(0, 50));
    // The Credential ID LinkedIn's form is given from a picker row (core/share/linkedin.ts certificationText): the same.
    const id = pickerBadge(r).credentialId!;
    expect(id.length).toBe(VIEW_TEXT_MAX);
    expect(r.meta.credentialId!.startsWith(id)).toBe(true);
  });

  it('a narrative, which the badge page reads as Markdown up to MAX_MARKDOWN_CHARS, is carried that far', () => {
    const r = record();
    const view = badgeDetail(r, undefined, []);
    for (const [shown, whole] of [[view.criteria?.narrative, r.meta.criteria?.narrative], [view.evidence[0]?.narrative, r.meta.evidence[0]?.narrative]] as const) {
      expect(shown!.length).toBeGreaterThanOrEqual(MAX_MARKDOWN_CHARS);
      expect(parseMarkdown(shown!)).toEqual(parseMarkdown(whole!));
    }
  });

  it('short words and links are untouched', () => {
    const r = record();
    r.meta = { ...r.meta, name: 'Teamwork', description: 'Works well with others.', tags: ['a', 'b'] };
    expect(badgeView(r, [])).toMatchObject({ name: 'Teamwork', description: 'Works well with others.', tags: ['a', 'b'], issuerId: 'https://issuer.example/i' });
    expect(badgeDetail(r, undefined, []).evidence[0]?.id).toBe('https://issuer.example/e');
  });
});
