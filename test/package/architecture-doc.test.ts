/**
 * ARCHITECTURE.md is a newcomer's map (CONTRIBUTING.md: keep it true): it must not be empty or cut
 * short (commit 43acfad once emptied it), and every repository path it writes in backticks
 * (`src/...`, `test/...`, `bench/...`, `scripts/...`, or a file ending in .ts/.tsx/.md/.mjs/.json)
 * must exist. A `*` or `<placeholder>` segment must match at least one entry.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const md = readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');

const ROOTS = /^(src|test|bench|scripts|bin|store|public|docs)\//;
const FILE = /\.(ts|tsx|md|mts|mjs|json)$/;

/** Inline code spans outside fenced blocks that look like repository paths. */
function pathsIn(text: string): string[] {
  const prose = text.replace(/^```[\s\S]*?^```/gm, '');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim());
  return [...new Set(spans.filter((s) => !/[\s'"(){}]/.test(s) && !s.includes('://') && (ROOTS.test(s) || FILE.test(s))))];
}

const pattern = (segment: string): RegExp =>
  new RegExp(`^${segment.split(/(\*|<[^>]+>)/).map((p) => (p === '*' ? '[^/]*' : p.startsWith('<') ? '[^/]+' : p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))).join('')}$`);

/** Whether `p` names something in the repository; wildcard segments must match at least one entry. */
function exists(p: string): boolean {
  let dirs = [ROOT];
  const segments = p.split('/').filter(Boolean);
  for (const [i, seg] of segments.entries()) {
    const last = i === segments.length - 1;
    const next: string[] = [];
    for (const dir of dirs) {
      if (!/[*<]/.test(seg)) {
        if (existsSync(path.join(dir, seg))) next.push(path.join(dir, seg));
        continue;
      }
      const re = pattern(seg);
      for (const name of readdirSync(dir)) if (re.test(name)) next.push(path.join(dir, name));
    }
    // Every segment but the last names a directory.
    dirs = last ? next : next.filter((d) => statSync(d).isDirectory());
    if (dirs.length === 0) return false;
  }
  return dirs.length > 0;
}

describe('ARCHITECTURE.md', () => {
  it('is a real document, not an empty or truncated file', () => {
    expect(md.trim().length).toBeGreaterThan(0);
    expect(md.split('\n').length).toBeGreaterThanOrEqual(60);
    expect(md).toMatch(/^# Lanyard architecture/);
  });

  it('names only paths that exist', () => {
    const paths = pathsIn(md);
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p) => !exists(p))).toEqual([]);
  });

  it('path matcher catches what it should', () => {
    expect(pathsIn('`src/core/` `handlers.ts` `badges/list` `send(\'a/b\')` `https://x/y.md`\n```\n`src/in-a-diagram.ts`\n```\n`src/core/`')).toEqual(['src/core/', 'handlers.ts']);
    expect(exists('src/core/verify/pipeline.ts')).toBe(true);
    expect(exists('store/listing.*.md')).toBe(true);
    expect(exists('src/content/sites/<site>.ts')).toBe(true);
    expect(exists('src/core/verify/no-such-file.ts')).toBe(false);
    expect(exists('handlers.ts')).toBe(false);
    expect(exists('src/core/result.ts/x')).toBe(false);
  });
});
