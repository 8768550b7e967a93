/**
 * The built popup's page loads its first screen from one script (scripts/popup-chunks.ts, issue
 * 14): besides public/popup/boot.js, index.html names one module and no modulepreload, and that
 * module imports no other file. Before, the page named 5 modulepreloads beside its script (preact,
 * errors.ts, display.ts, format.ts… split out because the lazy screens share them), and Chromium
 * fetched, compiled and linked 6 files before the first render. Its stylesheet, written in parts
 * (src/popup/styles/), comes inside that script. Needs `npm run build` first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe.each(['chrome', 'firefox'])('the %s popup page', (browser) => {
  const dist = path.join(ROOT, 'dist', browser);
  const manifest = JSON.parse(readFileSync(path.join(dist, 'manifest.json'), 'utf8')) as { action: { default_popup: string } };
  const html = readFileSync(path.join(dist, manifest.action.default_popup), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);

  it('names boot.js and one module script, and no modulepreload', () => {
    expect(html).not.toMatch(/modulepreload/);
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toBe('/popup/boot.js');
    expect(scripts[1]).toMatch(/^\/assets\/popup-[\w-]+\.js$/);
  });

  it('has a first script that imports no other file statically (the lazy screens import from it)', () => {
    const file = path.join(dist, scripts[1]!);
    expect(existsSync(file)).toBe(true);
    const code = readFileSync(file, 'utf8');
    // A static import of a sibling chunk: `import{…}from"./x.js"` or `import"./x.js"` (dynamic ones are `import("./…")`).
    const staticImport = /\bimport\s*(?:\{[^}]*\}\s*from\s*|[\w$]+\s*from\s*|\*\s*as\s*[\w$]+\s*from\s*)?["']\.\.?\//.exec(code);
    expect(staticImport?.[0], 'a static import of another chunk').toBeUndefined();
    // …and it is what the lazy screens import from.
    const badge = readFileSync(path.join(dist, 'assets', readdirSync(path.join(dist, 'assets')).find((f) => f.startsWith('BadgeScreen-'))!), 'utf8');
    expect(badge).toContain(`from"./${path.basename(file)}"`);
  });

  it('carries the whole stylesheet inline: each part src/popup/styles.css imports, and no @import left to fetch', () => {
    const code = readFileSync(path.join(dist, scripts[1]!), 'utf8');
    expect(code).not.toMatch(/@import/);
    const parts = path.join(ROOT, 'src/popup/styles');
    for (const part of readdirSync(parts)) {
      // The part's first rule on a class alone (`.button {`), as the minified sheet writes it.
      const selector = /^(\.[\w-]+) \{/m.exec(readFileSync(path.join(parts, part), 'utf8'))?.[1];
      expect(selector, part).toBeDefined();
      expect(code, part).toContain(`${selector}{`);
    }
  });
});

