/**
 * What backpack.js carries stays out of background.js (src/background/services/backpack-kit.ts):
 * the worker's own script imports no backpack client, no provider and no sign-in step (discovery,
 * registration, PKCE, the password sign-in, the token exchange); it asks them of backpack.js, which
 * a worker woken for the popup's `state/get` never parses (issue 14: background_js_gz_kb, sw_wake_ms;
 * they were ~12.8 KB of background.js gzipped). And backpack.js uses no class that background.js
 * also carries but the worker's own (src/background/backpack-shared.ts): a class both carried would
 * be two classes, and `instanceof` between them false.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SHARED_WITH_BACKPACK } from '../../src/background/backpack-shared.ts';

vi.mock('webextension-polyfill', () => ({ default: { runtime: { getURL: (p: string) => `chrome-extension://id/${p}` } } }));

/** Every source file `entry` reaches through static imports (type-only imports left out: they are erased), not walking into `stop`. */
function staticGraph(entry: string, stop: ReadonlySet<string> = new Set()): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (stop.has(file)) return;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?\sfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
      if (m[2]) continue;
      const spec = m[3] ?? m[4]!;
      if (!spec.startsWith('.')) continue;
      walk(resolve(dirname(file), spec));
    }
  };
  walk(resolve(entry));
  return seen;
}

const rel = (f: string) => resolve(f);
const shared = new Set(Object.values(SHARED_WITH_BACKPACK).map(rel));

describe('background.js and backpack.js', () => {
  const worker = staticGraph('src/background/index.ts');
  const backpack = staticGraph('src/background/backpack-entry.ts', shared);

  it('the walk reaches the worker’s services (it reads the imports it should)', () => {
    expect(worker.has(rel('src/background/services/accounts.ts'))).toBe(true);
    expect(worker.has(rel('src/background/services/sync.ts'))).toBe(true);
    expect(worker.size).toBeGreaterThan(100);
  });

  it('the worker’s script imports no backpack client and no provider: it asks them of backpack.js', () => {
    const clients = readdirSync('src/backpack').filter((f) => f.endsWith('.ts') && f !== 'errors.ts').map((f) => `src/backpack/${f}`);
    expect(clients.length).toBeGreaterThan(15);
    for (const f of [...clients, 'src/background/services/providers/index.ts', 'src/background/services/providers/oauth-provider.ts', 'src/background/services/providers/badgr.ts', 'src/background/services/oauth-client.ts']) {
      expect(worker.has(rel(f)), f).toBe(false);
    }
  });

  it('backpack.js carries them', () => {
    for (const f of ['src/backpack/oauth.ts', 'src/backpack/pkce.ts', 'src/backpack/registration.ts', 'src/backpack/ob3.ts', 'src/backpack/badge-connect.ts', 'src/backpack/badgr-password.ts', 'src/background/services/providers/index.ts', 'src/background/services/oauth-client.ts']) {
      expect(backpack.has(rel(f)), f).toBe(true);
    }
  });

  it('backpack.js imports no class from a module both scripts carry, unless it takes that module from the worker', () => {
    const both = new Set([...backpack].filter((f) => worker.has(f) && !shared.has(f)));
    const classesOf = (f: string) => new Set([...readFileSync(f, 'utf8').matchAll(/^export\s+(?:abstract\s+)?class\s+(\w+)/gm)].map((m) => m[1]!));
    const imported: string[] = [];
    for (const file of backpack) {
      if (shared.has(file)) continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/^\s*import\s+(?!type\s)([^'";]*?)\sfrom\s+'(\.[^']+)'/gm)) {
        const from = resolve(dirname(file), m[2]!);
        if (!both.has(from)) continue;
        const names = [...m[1]!.matchAll(/(?:^|[{,]\s*)(?!type\s)(\w+)(?:\s+as\s+\w+)?/g)].map((n) => n[1]!);
        const classes = classesOf(from);
        for (const n of names) if (classes.has(n)) imported.push(`${relative('.', file)}: ${n} from ${relative('.', from)}`);
        if (/\*\s+as\s/.test(m[1]!) && classes.size) imported.push(`${relative('.', file)}: * from ${relative('.', from)}`);
      }
    }
    expect(imported).toEqual([]);
    // The error classes are there (the walk stopped at them), and the worker has them too.
    for (const f of shared) expect(backpack.has(f) && worker.has(f), relative('.', f)).toBe(true);
  });
});

describe('the worker’s modules backpack.js takes (backpack-shared.ts)', () => {
  it('are the modules SHARED_WITH_BACKPACK names, one for one', async () => {
    const { sharedModules } = await import('../../src/background/backpack-loader.ts');
    const modules: Record<string, object> = {
      'src/backpack/errors.ts': await import('../../src/backpack/errors.ts'),
      'src/background/services/errors.ts': await import('../../src/background/services/errors.ts'),
      'src/core/errors.ts': await import('../../src/core/errors.ts'),
      'src/core/http-date.ts': await import('../../src/core/http-date.ts'),
    };
    expect(Object.keys(sharedModules).sort()).toEqual(Object.keys(SHARED_WITH_BACKPACK).sort());
    for (const [name, path] of Object.entries(SHARED_WITH_BACKPACK)) expect(sharedModules[name as keyof typeof SHARED_WITH_BACKPACK], name).toBe(modules[path]);
  });
});
