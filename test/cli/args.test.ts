/**
 * `lanyard`'s arguments (src/cli/args.ts) as an outsider types them: every flag the usage documents
 * works as documented, and a mistake is refused with a message instead of being read as something else
 * (a value given to a switch, a `--now` that Date.parse would stretch into another date, an empty value).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, parseNow, USAGE, UsageError, wantsJson } from '../../src/cli/args.ts';
import { parseInstant } from '../../src/core/verify/validity.ts';

const CLOCK = () => new Date('2026-12-05T00:00:00Z');
const parse = (...argv: string[]) => parseArgs(argv, CLOCK);
const refused = (argv: string[]): string => {
  try {
    parseArgs(argv, CLOCK);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`accepted: ${argv.join(' ')}`);
};

describe('lanyard arguments', () => {
  it('reads every documented flag, in both --flag value and --flag=value forms', () => {
    const a = parse('a.json', '--recipient', 'me@example.org', '--recipient=+33 1 23 45 67 89', '--now', '2026-11-26T09:30:00+01:00', '--map', 'https://example.org/=hosts/a=b', '--map=http://x.test/p/=d', '--offline', '--json', '-', 'https://issuer.example/b.json');
    expect(a.inputs).toEqual(['a.json', '-', 'https://issuer.example/b.json']);
    expect(a.recipients).toEqual(['me@example.org', '+33 1 23 45 67 89']);
    expect(a.now.toISOString()).toBe('2026-11-26T08:30:00.000Z');
    expect(a.maps).toEqual([{ prefix: 'https://example.org/', dir: 'hosts/a=b' }, { prefix: 'http://x.test/p/', dir: 'd' }]);
    expect([a.offline, a.json]).toEqual([true, true]);
    expect(parse('--', '--json', '-x').inputs).toEqual(['--json', '-x']);
    expect(parse('-h').info).toBe('help');
    expect(parse('-V').info).toBe('version');
  });

  it('refuses a value given to a switch instead of ignoring it (--json=false used to turn JSON on)', () => {
    for (const f of ['--offline=no', '--json=false', '--help=1', '--version=x']) expect(refused([f, 'a.json'])).toMatch(/takes no value/);
  });

  it('takes --now as ISO 8601 only: not "1" (Date.parse: 2001-01-01), not 30 February, not a time without a zone', () => {
    expect(parseNow('2026-11-26').toISOString()).toBe('2026-11-26T00:00:00.000Z');
    expect(parseNow('2026-11-26t10:00:00z').toISOString()).toBe('2026-11-26T10:00:00.000Z');
    expect(parseNow('2026-11-26T10:00:00.250-0230').toISOString()).toBe('2026-11-26T12:30:00.250Z');
    for (const bad of ['1', '5', '2026', 'Dec 5 2026', '2026-02-30', '2026-13-01', '2026-11-26T24:00:00Z', 'yesterday']) expect(refused(['--now', bad, 'a'])).toMatch(/--now must be an ISO 8601/);
    expect(refused(['--now', '2026-11-26T10:00', 'a'])).toMatch(/time zone/);
  });

  it('reads --now as the engine reads dates (validity.ts parseInstant): year 0000 is a leap year, not 1900', () => {
    // XML Schema 1.1 Part 2 §3.3.7 allows year 0000; ISO 8601's proleptic Gregorian calendar makes it a leap year.
    expect(parseNow('0000-02-29').toISOString()).toBe('0000-02-29T00:00:00.000Z');
    expect(parse('a', '--now', '0000-02-29T12:00:00Z').now.getTime()).toBe(parseInstant('0000-02-29T12:00:00Z'));
    for (const v of ['0004-02-29', '2000-02-29', '2024-02-29T23:59:59+14:00']) expect(parseNow(v).getTime()).toBe(parseInstant(v));
    for (const bad of ['0100-02-29', '1900-02-29', '2026-02-29', '2026-11-26T10:00:00+15:00']) {
      expect(Number.isNaN(parseInstant(bad))).toBe(true);
      expect(refused(['--now', bad, 'a'])).toMatch(/--now must be an ISO 8601/);
    }
  });

  it('refuses empty values, a --map prefix that no fetch could match, and - twice', () => {
    expect(refused(['--recipient', '', 'a'])).toMatch(/--recipient needs a value/);
    expect(refused(['--recipient=', 'a'])).toMatch(/--recipient needs a value/);
    expect(refused(['a', '--recipient'])).toMatch(/--recipient needs a value/);
    expect(refused(['--map', 'example.org=hosts', 'a'])).toMatch(/http:\/\/ or https:\/\//);
    expect(refused(['--map', 'https://example.org/', 'a'])).toMatch(/URL-PREFIX=DIR/);
    expect(refused(['-', '-'])).toMatch(/only once/);
    expect(refused([''])).toMatch(/empty/);
    expect(refused([])).toMatch(/- reads standard input/);
  });

  it('does not take the next option as a value: `--recipient --offline a.json` went online with the recipient "--offline"', () => {
    expect(refused(['--recipient', '--offline', 'a.json'])).toMatch(/--recipient needs a value, not the option --offline/);
    expect(refused(['--recipient', '--json', 'a.json'])).toMatch(/--recipient needs a value, not the option --json/);
    expect(refused(['--recipient', '-h', 'a.json'])).toMatch(/--recipient needs a value, not the option -h/);
    expect(refused(['--recipient', '--', 'a.json'])).toMatch(/--recipient needs a value, not the option --/);
    expect(refused(['--lang', '--offline', 'a.json'])).toMatch(/--lang needs a value, not the option --offline/);
    // Said inline, a value is taken as written; a telephone number starts with +, not -.
    expect(parse('--recipient=--odd', '--recipient', '+33 1 23 45 67 89', 'a.json').recipients).toEqual(['--odd', '+33 1 23 45 67 89']);
  });

  it('refuses --recipient - as bad usage: - is standard input, never an address', () => {
    for (const argv of [['--recipient', '-', 'a.json'], ['--recipient=-', 'a.json'], ['--recipient', ' - ', '-']]) {
      expect(refused(argv)).toMatch(/--recipient needs an identity .*not -/);
    }
    expect(parse('--recipient', 'me@example.org', '-').inputs).toEqual(['-']);
  });

  it('refuses unknown options, naming the one that exists when the intent is clear', () => {
    expect(refused(['--identity', 'me@example.org', 'a'])).toMatch(/Unknown option --identity \(did you mean --recipient\?\)/);
    expect(refused(['-v'])).toMatch(/Unknown option -v \(did you mean --version \(-V\)\?\)/);
    expect(refused(['--bogus', 'a'])).toMatch(/Unknown option --bogus/);
    expect(refused(['-x', 'a'])).toMatch(/after --/);
  });

  it('documents every flag it reads, and the README names the same flags', () => {
    for (const f of ['--recipient', '--now', '--map', '--offline', '--json', '--help', '-h', '--version', '-V']) expect(USAGE).toContain(f);
    for (const status of ['0 every input valid', '1 any input invalid or indeterminate', '2 bad usage', 'could not be written', 'no complete input within 15 s']) expect(USAGE).toContain(status);
    const readme = readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
    const synopsis = readme.split('\n').find((l) => l.startsWith('npm run verify -- <file'))!;
    const flags = (s: string) => [...s.matchAll(/--[a-z]+/g)].map((m) => m[0]).sort();
    expect(flags(synopsis)).toEqual(flags(USAGE.split('\n')[0]!));
  });

  it('knows --json was asked for even when the rest of the line is wrong, but not after --', () => {
    expect(wantsJson(['--bogus', '--json'])).toBe(true);
    expect(wantsJson(['--', '--json'])).toBe(false);
  });
});
