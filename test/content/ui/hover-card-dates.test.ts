// @vitest-environment jsdom
/**
 * Hostile49: the month and year the hover card and the picker show beside a verdict
 * (src/content/ui/h.ts monthYear). They were made with Date.UTC, which reads a year from 0 to 99
 * as 1900–1999 (ECMAScript §21.4.3.1 MakeFullYear: "0024-05-01" showed "May 1924") and moves a
 * month the calendar does not have into the next year ("2024-13-01" showed "Jan 2025", "2024-00-10"
 * "Dec 2023"): dates the issuer never wrote, beside the verdict. The badge page already reads the
 * day as written (core/share/dates.ts formatCalendarDate); the card and the picker now read the
 * year and month as core/share/dates.ts yearMonth does (a month 01–12), and show the year itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { HoverVerdict } from '../../../src/messaging/views.ts';
import { hideCard, showCard } from '../../../src/content/ui/hover-card.ts';
import { monthYear } from '../../../src/content/ui/h.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { hosts, shadowOf, shown } from '../support/shadow.ts';

let rt: FakeRuntime | undefined;
afterEach(() => {
  hideCard();
  rt?.restore();
});

function cardText(v: HoverVerdict): string {
  const anchor = document.createElement('a');
  document.body.append(anchor);
  showCard(anchor, { kind: 'ready', verdict: v });
  return shown(shadowOf(hosts('hover-card')[0]).querySelector('.c')) ?? '';
}

const VERDICT: HoverVerdict = { verdict: 'invalid', name: 'Analytical Engine Programmer', issuerName: 'Analytical Society', message: 'validFrom is not a date' };

describe('the month and year beside a verdict are the ones the issuer wrote', () => {
  it.each([
    ['a month 13', '2024-13-01T00:00:00Z', ['Jan 2025', '2024', '2025']],
    ['a month 00', '2024-00-10T00:00:00Z', ['Dec 2023', '2023', '2024']],
  ])('%s names no month: no date is shown', (_what, issuedOn, never) => {
    expect(monthYear(issuedOn)).toBe('');
    rt = installRuntime();
    const text = cardText({ ...VERDICT, issuedOn });
    for (const n of never) expect(text).not.toContain(n);
  });

  it('a year below 100 is that year, not one of the 1900s', () => {
    expect(monthYear('0024-05-01T00:00:00Z')).not.toContain('1924');
    expect(monthYear('0024-05-01T00:00:00Z')).toMatch(/May.*\b0*24\b/);
    expect(monthYear('0000-01-01T00:00:00Z')).not.toContain('1900');
  });

  it('an ordinary date is still its month and year, as written (not moved into UTC)', () => {
    expect(monthYear('2026-03-02T10:00:00Z')).toBe('Mar 2026');
    expect(monthYear('2024-03-31T23:30:00-05:00')).toBe('Mar 2024');
    expect(monthYear(undefined)).toBe('');
    rt = installRuntime();
    expect(cardText({ ...VERDICT, issuedOn: '2026-03-02T10:00:00Z' })).toContain('Mar 2026');
  });
});
