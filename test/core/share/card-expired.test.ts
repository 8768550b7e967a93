/**
 * A card made after its badge's expiry says so: "Expires <a past date>" reads as still ahead, and
 * the card goes to LinkedIn and into e-mails, where the reader takes it at its word.
 */
import { describe, expect, it } from 'vitest';
import { badgeCardHtml } from '../../../src/core/share/card.ts';
import { cardLabelsFrom } from '../../../src/core/share/card-labels.ts';

const badge = { name: 'Safe lifting', issuedOn: '2023-05-01T00:00:00Z', expires: '2025-05-01T00:00:00Z' };
const NOW = Date.parse('2026-12-06T00:00:00Z');

describe('the card of an expired badge', () => {
  it('says Expired once the date has passed, Expires before it, and the instant itself counts as past', () => {
    expect(badgeCardHtml(badge, { now: NOW })).toContain('Issued 2023-05-01 · Expired 2025-05-01');
    expect(badgeCardHtml(badge, { now: Date.parse('2025-04-30T23:59:59Z') })).toContain('Expires 2025-05-01');
    expect(badgeCardHtml(badge, { now: Date.parse('2025-05-01T00:00:00Z') })).toContain('Expired 2025-05-01');
  });

  it('reads the date as the engine does: its zone counts, and a date it cannot read is said as written, not as past', () => {
    // 2025-05-01T01:00+05:00 is 2025-04-30T20:00Z: past at 21:00Z, though its calendar day is later.
    expect(badgeCardHtml({ ...badge, expires: '2025-05-01T01:00:00+05:00' }, { now: Date.parse('2025-04-30T21:00:00Z') })).toContain('Expired 2025-05-01');
    expect(badgeCardHtml({ ...badge, expires: 'soon' }, { now: NOW, formatDate: (s) => s })).toContain('Expires soon');
  });

  it("in the reader's language, from the extension's messages", () => {
    const fr: Record<string, string> = { cardExpiredOn: 'A expiré le $1', cardIssuedOn: 'Délivré le $1' };
    const labels = cardLabelsFrom((key, ...subs) => fr[key]?.replace('$1', subs[0] ?? ''));
    expect(badgeCardHtml(badge, { now: NOW, labels })).toContain('Délivré le 2023-05-01 · A expiré le 2025-05-01');
  });
});
