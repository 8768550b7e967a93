/**
 * platform/permissions.ts: a granted origin is remembered for a few seconds (a sync asks for the
 * same origins at every fetch); a refusal is not remembered, and any permission change forgets.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const m = vi.hoisted(() => {
  const grants = new Set<string>();
  const listeners = { added: [] as (() => void)[], removed: [] as (() => void)[] };
  return {
    grants,
    listeners,
    browser: {
      permissions: {
        contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => grants.has(o))),
        request: vi.fn(async () => true),
        remove: vi.fn(async ({ origins }: { origins: string[] }) => (origins.forEach((o) => grants.delete(o)), true)),
        onAdded: { addListener: (l: () => void) => listeners.added.push(l) },
        onRemoved: { addListener: (l: () => void) => listeners.removed.push(l) },
      },
    },
  };
});
vi.mock('webextension-polyfill', () => ({ default: m.browser }));
const { createHostPermissions, GRANT_MEMO_MS } = await import('../../src/platform/permissions.ts');

describe('host permissions, remembered briefly', () => {
  let t = 0;
  beforeEach(() => {
    m.grants.clear();
    m.browser.permissions.contains.mockClear();
    m.listeners.added.length = m.listeners.removed.length = 0;
    t = 1_000;
  });

  it('asks the browser once per origin while a grant is fresh, again after GRANT_MEMO_MS', async () => {
    m.grants.add('https://issuer.example/*');
    const p = createHostPermissions(() => t);
    expect(await p.contains('https://issuer.example/a')).toBe(true);
    expect(await p.contains('https://issuer.example/b')).toBe(true);
    expect(m.browser.permissions.contains).toHaveBeenCalledTimes(1);
    t += GRANT_MEMO_MS + 1;
    m.grants.clear();
    expect(await p.contains('https://issuer.example/c')).toBe(false);
    expect(m.browser.permissions.contains).toHaveBeenCalledTimes(2);
  });

  it('does not remember a refusal: a new grant counts at once', async () => {
    const p = createHostPermissions(() => t);
    expect(await p.contains('https://issuer.example/a')).toBe(false);
    m.grants.add('https://issuer.example/*');
    expect(await p.contains('https://issuer.example/a')).toBe(true);
  });

  it('forgets every grant when permissions change, or when it removes one', async () => {
    m.grants.add('https://issuer.example/*');
    const p = createHostPermissions(() => t);
    expect(await p.contains('https://issuer.example/a')).toBe(true);
    m.grants.clear();
    for (const l of m.listeners.removed) l();
    expect(await p.contains('https://issuer.example/a')).toBe(false);
    m.grants.add('https://issuer.example/*');
    expect(await p.contains('https://issuer.example/a')).toBe(true);
    await p.remove!(['https://issuer.example/*']);
    expect(await p.contains('https://issuer.example/a')).toBe(false);
  });
});
