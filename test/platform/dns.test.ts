/** Firefox resolves names for hover's private-network rule (issue 12 point 7): the permission and the wrapper. */
import { describe, expect, it, vi } from 'vitest';

const m = vi.hoisted(() => ({ browser: {} as Record<string, unknown> }));
vi.mock('webextension-polyfill', () => ({ default: m.browser }));

const { dnsResolver } = await import('../../src/platform/dns.ts');
const { chromeManifest, firefoxManifest } = await import('../../vite.config.ts');

describe('dns', () => {
  it('is asked for in the Firefox manifest only', () => {
    expect(firefoxManifest().permissions).toContain('dns');
    expect(chromeManifest().permissions).not.toContain('dns');
  });

  it('resolves through browser.dns where it exists, and is absent elsewhere (Chromium)', async () => {
    expect(dnsResolver()).toBeUndefined();
    m.browser.dns = { resolve: vi.fn(async () => ({ addresses: ['10.0.0.7'], isTTLKnown: false })) };
    await expect(dnsResolver()!('rebind.example')).resolves.toEqual(['10.0.0.7']);
  });
});
