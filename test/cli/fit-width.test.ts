/**
 * Hostile badges, round 4 (outputs): a forged badge's name, padded to the terminal's width, must not
 * start a line of its own that reads "VALID" (src/cli/fit-width.ts, used by src/cli/main.ts).
 */
import { describe, expect, it } from 'vitest';
import { CONTINUED, fitToWidth } from '../../src/cli/fit-width.ts';
import { main } from '../../src/cli/main.ts';

/** The lines a terminal `columns` wide shows: each written line cut into rows of `columns` characters (auto-wrap). */
const rows = (text: string, columns: number): string[] =>
  text.split('\n').flatMap((line) => {
    const cps = [...line];
    const out: string[] = [];
    for (let i = 0; i < cps.length || i === 0; i += columns) out.push(cps.slice(i, i + columns).join(''));
    return out;
  });

/** An OB 2.0 assertion with its badge and issuer embedded: hosted, so --offline leaves it indeterminate; its id is forged. */
function forged(name: string, issuer: string): string {
  return JSON.stringify({
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: 'https://harvard.example/assertions/1',
    recipient: { type: 'email', hashed: false, identity: 'me@example.org' },
    issuedOn: '2026-01-01T00:00:00Z',
    verification: { type: 'HostedBadge' },
    badge: {
      type: 'BadgeClass', id: 'https://harvard.example/badges/1', name, description: 'd', image: 'https://harvard.example/b.png', criteria: { narrative: 'c' },
      issuer: { type: 'Profile', id: 'https://harvard.example/issuer', name: issuer, url: 'https://harvard.example/' },
    },
  });
}

async function report(input: string, columns?: number): Promise<{ code: number; stdout: string }> {
  let stdout = '';
  const io = { out: (t: string) => void (stdout += t), err: () => undefined, stdin: (async function* () { yield new TextEncoder().encode(input); })(), ...(columns ? { columns } : {}) };
  const code = await main(['-', '--offline', '--now', '2026-11-26T00:00:00Z'], io);
  return { code, stdout };
}

describe('a forged badge cannot make a line of the report read "valid" on a terminal', () => {
  const pad = (n: number) => 'x'.repeat(n);

  const name = `${pad(80 - 'INDETERMINATE  '.length)}VALID  Harvard University`;
  const issuer = `${pad(80 - 'issuer: '.length)}  \u2713 signature   pass`;

  it('the attack: padded to 80 columns, the name begins a row with VALID, the issuer a row with a passed check (as written before, without a width)', async () => {
    const shown = rows((await report(forged(name, issuer))).stdout, 80);
    expect(shown).toContain('VALID  Harvard University  [ob2.0-hosted]');
    // The issuer's site follows its name on that line (report-issuer-site.test.ts): the row still starts as a check's.
    expect(shown.some((l) => l.startsWith('  \u2713 signature   pass'))).toBe(true);
  });

  it('on a terminal 80 columns wide those rows start with the continuation mark', async () => {
    const r = await report(forged(name, issuer), 80);
    expect(r.stdout.split('\n')[0]).toMatch(/^INDETERMINATE {2}/);
    const shown = rows(r.stdout, 80);
    expect(shown.filter((l) => /^\s*VALID\b/.test(l))).toEqual([]);
    expect(shown.filter((l) => /^ {2}\u2713 signature/.test(l))).toEqual([]);
    // Every row fits: the terminal wraps none (each written line is one row).
    expect(shown).toHaveLength(r.stdout.split('\n').length);
    const cont = shown.filter((l) => l.includes('VALID  Harvard') || l.includes('\u2713 signature   pass'));
    expect(cont).toHaveLength(2);
    for (const l of cont) expect(l.startsWith(CONTINUED)).toBe(true);
  });

  it('starts every row with a Latin letter, so no row is laid out right to left by its first strong character (UAX #9 P2)', async () => {
    const r = await report(forged(`${pad(60)}${'\u0639'.repeat(30)} VALID  Harvard University`, `\u05D0${pad(90)}`), 80);
    for (const row of rows(r.stdout, 80).filter(Boolean)) expect(row.match(/\p{L}/u)?.[0], row).toMatch(/[A-Za-z]/);
  });

  it('counts wide characters as two columns: a CJK or emoji name cannot push VALID to a row start either', async () => {
    const r = await report(forged(`${'漢'.repeat(40)}VALID  Harvard`, 'Issuer'), 80);
    const wide = r.stdout.split('\n').flatMap((l) => {
      // A terminal draws each non-ASCII character here two columns wide: count it twice.
      const cps = [...l];
      const cols = cps.reduce((n, c) => n + (c.codePointAt(0)! < 0x7f ? 1 : 2), 0);
      return cols >= 80 ? [l] : [];
    });
    expect(wide).toEqual([]);
  });

  it('leaves the report as it was when not on a terminal (no width): --json and pipes are unchanged', async () => {
    const name = `${pad(65)}VALID  Harvard University`;
    const r = await report(forged(name, 'Issuer'));
    expect(r.stdout.split('\n')[0]).toBe(`INDETERMINATE  ${name}  [ob2.0-hosted]`);
  });
});

describe('fitToWidth', () => {
  it('cuts between code points, never in a surrogate pair, and keeps short lines as they are', () => {
    expect(fitToWidth('short\nlines', 80)).toBe('short\nlines');
    const out = fitToWidth(`${'a'.repeat(20)}${'🏅'.repeat(30)}`, 40);
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(out.split('\n').slice(1).every((l) => l.startsWith(CONTINUED))).toBe(true);
    expect(out.replaceAll(`\n${CONTINUED}`, '')).toBe(`${'a'.repeat(20)}${'🏅'.repeat(30)}`);
  });

  it('does nothing for a width it cannot use', () => {
    const long = 'b'.repeat(300);
    expect(fitToWidth(long, undefined)).toBe(long);
    expect(fitToWidth(long, 0)).toBe(long);
    expect(fitToWidth(long, 5)).toBe(long);
    expect(fitToWidth(long, Number.NaN)).toBe(long);
  });
});
