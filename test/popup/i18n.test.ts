import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import { createTranslator, formatMessage, type Messages } from '../../src/popup/i18n.ts';

const SRC = join(import.meta.dirname, '../../src/popup');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));

describe('locales', () => {
  it('English and French have the same keys and the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(en as Messages)) {
      const other = (fr as Messages)[key];
      expect(other?.placeholders, key).toEqual(entry.placeholders);
      for (const m of [entry.message, other?.message ?? '']) {
        const used = [...m.matchAll(/\$([A-Z_]+)\$/g)].map((x) => (x[1] ?? '').toLowerCase());
        expect(used.every((u) => u in (entry.placeholders ?? {})), `${key}: ${m}`).toBe(true);
      }
      expect(other?.message.trim(), key).not.toBe('');
    }
  });

  it('French guillemets keep their words: no breakable space inside « » (a line ended on a lone « in the badge page at 320 px)', () => {
    for (const [key, entry] of Object.entries(fr as Messages)) {
      expect(entry.message, key).not.toMatch(/«[ \t\n]|[ \t\n]»/);
    }
  });

  it('counts without "(s)": said as "things: N", as the list\'s count is (was "On for 1 site(s).", "Activé sur 1 site(s).")', () => {
    for (const [key, entry] of [...Object.entries(en as Messages), ...Object.entries(fr as Messages)]) expect(entry.message, key).not.toMatch(/\w\((s|es|x)\)/);
    expect(createTranslator(en as Messages)('hoverSitesCount', 1)).toBe('Sites with hover verification: 1.');
    expect(createTranslator(fr as Messages)('hoverSitesCount', 1)).toBe('Sites vérifiés au survol\u00a0: 1.');
  });

  it('the list\'s count reads right in French for none and one found (was "1 badges affichés sur 7")', () => {
    const tf = createTranslator(fr as Messages);
    expect(tf('listCountSome', 1, 7)).toBe('Badges affichés\u00a0: 1 sur 7');
    expect(tf('listCountSome', 0, 7)).toBe('Badges affichés\u00a0: 0 sur 7');
  });

  it('French that reads as French: the recipient check\'s title, and what was copied whatever its gender', () => {
    const tf = createTranslator(fr as Messages);
    expect(tf('checkTitleRecipient')).toBe('Délivré à votre nom');
    expect(tf('copied', tf('shareWhatCard'))).toBe('Dans le presse-papiers\u00a0: la carte pour e-mail.');
    expect(tf('copied', tf('shareWhatLink'))).toBe('Dans le presse-papiers\u00a0: le lien.');
  });

  it('every key the popup uses exists (string keys in t() and in tables)', () => {
    const text = files(SRC).map((f) => readFileSync(f, 'utf8')).join('\n');
    const used = new Set([...text.matchAll(/\bt\('([A-Za-z0-9]+)'/g)].map((m) => m[1] as string));
    expect(used.size).toBeGreaterThan(100);
    for (const key of used) expect(Object.hasOwn(en, key), key).toBe(true);
  });

  it('components never import webextension-polyfill or call browser.*', () => {
    for (const f of files(SRC)) {
      if (/(main\.tsx|browser-platform\.ts)$/.test(f)) continue;
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, f).not.toMatch(/webextension-polyfill|platform\/browser|\bbrowser\.|\bchrome\./);
    }
  });
});

describe('translator', () => {
  it('substitutes named placeholders as browser.i18n does', () => {
    expect(formatMessage({ message: 'Hi $WHO$, $N$ new, $$5', placeholders: { who: { content: '$1' }, n: { content: '$2' } } }, ['Ada', '3'])).toBe('Hi Ada, 3 new, $5');
    const t = createTranslator(en as Messages);
    expect(t('listCountSome', 3, 9)).toBe('Showing 3 of 9 badges');
    expect(createTranslator(fr as Messages)('listCountSome', 3, 9)).toBe('Badges affichés\u00a0: 3 sur 9');
  });
});

describe('French typography', () => {
  // French sets a no-break space before the high punctuation : ; ? ! (Lexique des règles
  // typographiques en usage à l'Imprimerie nationale: a full one before the colon, a narrow one,
  // U+202F, before ; ? !), so that a line never starts with the mark alone.
  const french = Object.entries(fr as Messages).map(([key, e]) => [key, e.message] as const);

  it('no breakable space before : ; ? ! (a line of the badge page could start with a lone ":")', () => {
    for (const [key, m] of french) expect(m, key).not.toMatch(/[ \t\n][:;?!]/);
  });

  it('no mark glued to its word either (a URL\'s "https:" aside)', () => {
    for (const [key, m] of french) expect(m.replace(/\b[a-z]+:\/\//g, ''), key).not.toMatch(/[\p{L}\p{N}»)$.…][:;?!](?=\s|$)/u);
  });

  it('one apostrophe per language: French elides with ’ (it mixed n\'a and n’a in one paragraph), the popup\'s English uses \' throughout', () => {
    for (const [key, m] of french) expect(m, key).not.toContain("'");
    // The content scripts' messages are another helper's to change; the popup's are all typewriter.
    for (const [key, e] of Object.entries(en as Messages)) if (!key.startsWith('content')) expect(e.message, key).not.toContain('’');
  });

  it('the colon takes a no-break space, ; ? ! a narrow one', () => {
    const tf = createTranslator(fr as Messages);
    expect(tf('listCountAll', 3)).toBe('Badges\u00a0: 3');
    expect(tf('guideTitle')).toBe('Un badge introuvable\u202f?');
    expect(tf('addressRuleConfirm')).toContain('confirmation\u202f; elle');
  });
});
