/**
 * Hostile round 31: a badge picture that is an SVG "use bomb" (svg-use-clones.test.ts), 1.4 KB asking
 * for 10^7 clones, crashed the Chromium tab that drew it, and 10^5 held it about 20 s. Lanyard draws
 * `data:` pictures in the popup's list and badge page, and hands them to picker rows drawn in
 * Gmail's, Outlook's and LinkedIn's pages, with a baked SVG's own picture. None of those now carries
 * such a picture (the placeholder shows); a picture badge makers write is drawn as before.
 */
import { describe, expect, it } from 'vitest';
import { createBakedPictures } from '../../src/background/services/picker-images.ts';
import { badgeView, pickerBadge } from '../../src/background/services/views.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';
import { useBomb } from '../support/svg-bomb.ts';

const BOMB = useBomb(7);
const FIGMA = '<svg width="72" height="72" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><rect width="72" height="72" fill="url(#p)"/><defs><pattern id="p" width="1" height="1"><use xlink:href="#i"/></pattern><image id="i" width="72" height="72" xlink:href="data:image/png;base64,iVBORw0KGgo="/></defs></svg>';
const base64 = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
const percent = (svg: string) => `data:image/svg+xml,${encodeURIComponent(svg)}`;

const record = (image: string | undefined, kind = 'json'): BadgeRecord =>
  ({
    key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind }, contentHash: 'h', format: 'ob3.0', verdict: 'valid',
    checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z',
    meta: { name: 'Bomb', tags: [], evidence: [], alignments: [], claimedRecipients: [], ...(image ? { image } : {}) },
  }) as unknown as BadgeRecord;

describe('an SVG picture asking for millions of clones is not drawn', () => {
  it('in the popup (list and badge page): no picture, base64 or percent-encoded; a maker\'s SVG as before', () => {
    expect(badgeView(record(base64(BOMB)), []).image).toBeUndefined();
    expect(badgeView(record(percent(BOMB)), []).image).toBeUndefined();
    expect(badgeView(record(base64(FIGMA)), []).image).toBe(base64(FIGMA));
    expect(badgeView(record('https://issuer.example/i.svg'), []).image).toBe('https://issuer.example/i.svg');
  });

  it('in a picker row, from the badge\'s data: picture', () => {
    expect(pickerBadge(record(base64(BOMB))).image).toBeUndefined();
    expect(pickerBadge(record(percent(BOMB))).image).toBeUndefined();
    expect(pickerBadge(record(base64(FIGMA))).image).toBe(base64(FIGMA));
  });

  it('in a picker row, from a baked SVG kept as the badge', async () => {
    const pictures = createBakedPictures(async (key) => ({ key, bytes: new TextEncoder().encode(BOMB) }));
    expect((await pictures([record(undefined, 'svg')])).has('local|x')).toBe(false);
    const fine = createBakedPictures(async (key) => ({ key, bytes: new TextEncoder().encode(FIGMA) }));
    expect((await fine([record(undefined, 'svg')])).get('local|x')).toBe(base64(FIGMA));
  });
});
