/**
 * The settings and the hover sites are each one value in the background's own store, changed by
 * reading it and writing it back. Two changes at once (two popup messages, hover turned off while a
 * site is added) must both hold: neither writes back a copy read before the other's write. A hover
 * site lost that way would leave its grant looking like the user's own, which sync and import may
 * use (hover-sites.ts: a grant made for hover never widens what they fetch).
 */
import { describe, expect, it } from 'vitest';
import { createHoverSites } from '../../src/background/services/hover-sites.ts';
import { createSettings } from '../../src/background/services/settings.ts';
import { memoryLocalStore } from '../../src/platform/memory.ts';

const A = 'https://a.example/*';
const B = 'https://b.example/*';

describe('two changes to one stored value at once', () => {
  it('settings: both changes hold', async () => {
    const settings = createSettings(memoryLocalStore());
    await Promise.all([settings.set({ hoverVerify: true }), settings.set({ syncIntervalMinutes: 30 }), settings.set({ linkedInOrgIds: { 'Babbage Institute': '1234' } })]);
    expect(await settings.get()).toEqual({ hoverVerify: true, syncIntervalMinutes: 30, linkedInOrgIds: { 'Babbage Institute': '1234' } });
  });

  it('hover sites: two sites added at once are both kept, each grant still hover’s alone', async () => {
    const sites = createHoverSites({ store: memoryLocalStore(), removeGrants: async () => true });
    await Promise.all([sites.add(A, true), sites.add(B, true)]);
    expect((await sites.list()).map((s) => s.pattern).sort()).toEqual([A, B]);
    expect(await sites.grantedOnlyForHover('https://a.example/badge')).toBe(true);
    expect(await sites.grantedOnlyForHover('https://b.example/badge')).toBe(true);
  });

  it('hover sites: a grant confirmed as the user’s while another site is added stays confirmed', async () => {
    const removed: string[][] = [];
    const sites = createHoverSites({ store: memoryLocalStore(), removeGrants: async (p) => void removed.push(p) });
    await sites.add(A, true);
    await Promise.all([sites.add(B, true), sites.confirmGrants([A])]);
    expect(await sites.list()).toEqual([{ pattern: A, addedGrant: false }, { pattern: B, addedGrant: true }]);
    // Removing the site no longer takes back the grant the user made.
    await sites.remove(A);
    expect(removed).toEqual([]);
  });

  it('hover sites: a site removed while another is added is gone, the other kept', async () => {
    const sites = createHoverSites({ store: memoryLocalStore(), removeGrants: async () => true });
    await sites.add(A, true);
    await Promise.all([sites.remove(A), sites.add(B, false)]);
    expect(await sites.list()).toEqual([{ pattern: B, addedGrant: false }]);
  });
});
