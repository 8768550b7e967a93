/**
 * The command line's report shows a badge's name and issuer in the reader's language when the badge
 * gives them in several (VC DM 2.0 §11.1): `--lang`, else the environment's locale as gettext reads
 * it (LC_ALL, LC_MESSAGES, LANG; GNU's LANGUAGE list first), else the badge's first. Before, it showed
 * the first language whatever the locale. With the multilingual credential of test/fixtures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseArgs, USAGE, UsageError } from '../../src/cli/args.ts';
import { envLanguages } from '../../src/cli/locale.ts';
import { main } from '../../src/cli/main.ts';
import { toText } from '../../src/cli/report.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { GERMAN_NAME, ISSUER_NAMES, MULTILINGUAL_FILE, multilingualResult, NAMES } from '../support/multilingual.ts';

describe('the reader’s languages from the environment (cli/locale.ts)', () => {
  it('LC_ALL, else LC_MESSAGES, else LANG, the first set and not empty, as a BCP 47 tag', () => {
    expect(envLanguages({ LC_ALL: 'fr_CA.UTF-8', LC_MESSAGES: 'de_DE', LANG: 'en_US.UTF-8' })).toEqual(['fr-CA']);
    expect(envLanguages({ LC_ALL: '', LC_MESSAGES: 'de_DE@euro', LANG: 'en_US.UTF-8' })).toEqual(['de-DE']);
    expect(envLanguages({ LANG: 'ar_EG.UTF-8' })).toEqual(['ar-EG']);
    expect(envLanguages({ LANG: 'fr' })).toEqual(['fr']);
  });

  it('the C and POSIX locales, and nothing set, name no language; GNU’s LANGUAGE comes first, but not under C', () => {
    for (const env of [{}, { LANG: 'C' }, { LC_ALL: 'C.UTF-8', LANG: 'fr_FR' }, { LANG: 'POSIX' }, { LANG: '../../etc' }]) expect(envLanguages(env), JSON.stringify(env)).toEqual([]);
    expect(envLanguages({ LANGUAGE: 'de:fr', LANG: 'fr_FR.UTF-8' })).toEqual(['de', 'fr', 'fr-FR']);
    expect(envLanguages({ LANGUAGE: 'de', LANG: 'C' })).toEqual([]);
  });
});

describe('--lang', () => {
  const clock = () => new Date('2026-11-26T00:00:00Z');
  it('takes a language tag, refuses anything else, and is documented', () => {
    expect(parseArgs(['--lang', 'fr-CA', 'a.json'], clock).lang).toBe('fr-CA');
    expect(parseArgs(['--lang=de', 'a.json'], clock).lang).toBe('de');
    expect(parseArgs(['a.json'], clock).lang).toBeUndefined();
    expect(() => parseArgs(['--lang', 'français', 'a.json'], clock)).toThrow(UsageError);
    expect(() => parseArgs(['--language', 'fr', 'a.json'], clock)).toThrow(/did you mean --lang/);
    expect(USAGE).toContain('--lang TAG');
  });

  it('--help names every variable the default is read from: LANGUAGE was read (locale.ts) but not named', () => {
    const text = USAGE.replace(/\s+/g, ' ');
    for (const v of ['LANGUAGE', 'LC_ALL', 'LC_MESSAGES', 'LANG']) expect(text).toMatch(new RegExp(`\\b${v}\\b`));
  });
});

describe('the report in the reader’s language', () => {
  let result: VerifyResult;
  beforeAll(async () => {
    result = await multilingualResult();
  });
  const heading = (languages: readonly string[]) => toText(result, 'x.json', [], languages).split('\n').slice(0, 3).join('\n');

  it('the French or German name and issuer for a French or German reader, the English for others', () => {
    expect(heading(['fr-FR'])).toContain(`  ${NAMES.fr}  [`);
    expect(heading(['fr-FR'])).toContain(`issuer: ${ISSUER_NAMES.fr}`);
    expect(heading(['de'])).toContain(`  ${GERMAN_NAME}  [`);
    expect(heading(['de'])).toContain(`issuer: ${ISSUER_NAMES.de}`);
    for (const other of [['en-US'], ['ja'], []]) {
      expect(heading(other)).toContain(`  ${NAMES.en}  [`);
      expect(heading(other)).toContain(`issuer: ${ISSUER_NAMES.en}`);
    }
    // A terminal gets the text escaped, no isolate (terminal.ts): the Arabic as it is.
    expect(heading(['ar'])).toContain(`  ${NAMES.ar}  [`);
  });

  it('lanyard reads the locale, and --lang before it; --json keeps every language', async () => {
    const run = async (argv: string[], env: Record<string, string>) => {
      let out = '';
      await main([...argv, '--offline', '--now', '2026-11-26T00:00:00Z', MULTILINGUAL_FILE], { out: (t) => void (out += t), err: () => {}, env });
      return out;
    };
    expect(await run([], { LANG: 'fr_FR.UTF-8' })).toContain(NAMES.fr);
    // The fixture has no German: its first language, English.
    expect((await run([], { LC_ALL: 'de_DE.UTF-8' })).split('\n')[0]).toContain(NAMES.en);
    expect((await run(['--lang', 'ar'], { LANG: 'fr_FR.UTF-8' })).split('\n')[0]).toContain(NAMES.ar);
    const json = JSON.parse(await run(['--json'], { LANG: 'fr_FR.UTF-8' })) as { badge: { name: string; texts: { name: { value: string }[] } } };
    expect(json.badge.name).toBe(NAMES.en);
    expect(json.badge.texts.name.map((x) => x.value)).toEqual([NAMES.en, NAMES.fr, NAMES.ar]);
  });
});
