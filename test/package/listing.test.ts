/**
 * The store listings (store/listing.*.md) explain every permission the manifest asks for, every
 * optional host permission and every content-script host, in each language; the short description
 * fits the stores' 132 characters; PRIVACY.md names every IndexedDB store the schema creates.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };

const ROOT = path.resolve(import.meta.dirname, '../..');
const read = (f: string) => readFileSync(path.join(ROOT, f), 'utf8');
const rows = (md: string) => md.split('\n').filter((l) => l.startsWith('| `'));

describe.each(['en', 'fr'])('store/listing.%s.md', (lang) => {
  const md = read(`store/listing.${lang}.md`);

  it('gives one reason per manifest permission', () => {
    for (const p of manifest.permissions) {
      const row = rows(md).find((l) => l.startsWith(`| \`${p}\` |`));
      expect(row, p).toBeDefined();
      expect(row!.split('|')[2]!.trim().length).toBeGreaterThan(30);
    }
    const explained = rows(md).map((l) => /^\| `([A-Za-z]+)` \|/.exec(l)?.[1]).filter(Boolean);
    expect(new Set(explained)).toEqual(new Set(manifest.permissions));
  });

  it('explains every host it can reach or run on', () => {
    const hosts = [...manifest.optional_host_permissions, ...manifest.host_permissions, ...manifest.content_scripts.flatMap((c) => c.matches)];
    for (const h of hosts) expect(rows(md).some((l) => l.includes(`\`${h}\``)), h).toBe(true);
  });

  it('has a short description within 132 characters that matches the manifest description', () => {
    const short = /## [^\n]*\(.*132[^\n]*\n\n([^\n]+)\n/.exec(md)?.[1];
    expect(short).toBeDefined();
    expect(short!.length).toBeLessThanOrEqual(132);
    const messages = JSON.parse(read(`public/_locales/${lang}/messages.json`)) as Record<string, { message: string }>;
    expect(short).toBe(messages.extDescription!.message);
  });
});

describe('PRIVACY.md', () => {
  it('names every IndexedDB store the schema declares, in both languages', () => {
    const schema = read('src/platform/db-schema.ts');
    const body = /interface LanyardSchema extends DBSchema \{([\s\S]*?)\n\}/.exec(schema)?.[1] ?? '';
    const stores = [...body.matchAll(/^\s+(\w+): \{/gm)].map((m) => m[1]!);
    expect(stores.length).toBeGreaterThan(3);
    for (const f of ['PRIVACY.md', 'PRIVACY.fr.md']) {
      const text = read(f);
      for (const s of stores) expect(text.includes(`\`${s}\``), `${f}: ${s}`).toBe(true);
      for (const area of ['storage.session', 'storage.local']) expect(text).toContain(area);
    }
  });
});
