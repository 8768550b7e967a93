import { describe, expect, it } from 'vitest';
import { HOVER_SCRIPT_FILE, HOVER_SCRIPT_ID, hoverMatches, syncHoverScript, type HoverRegistrationApi } from '../../src/platform/hover-script.ts';

function fakeApi(origins: string[], registered: string[] = []) {
  const calls: unknown[] = [];
  const api: HoverRegistrationApi = {
    permissions: { getAll: async () => ({ origins }) },
    scripting: {
      getRegisteredContentScripts: async () => registered.map((id) => ({ id })),
      registerContentScripts: async (s) => void calls.push(['register', s]),
      unregisterContentScripts: async (f) => void calls.push(['unregister', f]),
    },
  };
  return { api, calls };
}

describe('hover script registration', () => {
  it('registers the built file on the hover sites whose host is granted, never on other granted hosts (issue 12 point 6)', async () => {
    // An issuer and LinkedIn granted for other reasons, and a legacy all-sites grant: none of them gets the script.
    const { api, calls } = fakeApi(['https://*/*', 'https://issuer.example/*', 'https://www.linkedin.com/*', 'chrome://favicon/*', 'https://blog.example/*']);
    await expect(syncHoverScript(api, true, ['https://blog.example/*', 'https://news.example/*', 'http://old.example/*'])).resolves.toEqual(['https://blog.example/*', 'https://news.example/*']);
    expect(calls).toEqual([
      ['register', [{ id: HOVER_SCRIPT_ID, js: [HOVER_SCRIPT_FILE], matches: ['https://blog.example/*', 'https://news.example/*'], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true }]],
    ]);
  });

  it('replaces an earlier registration, and removes it when off or nothing is granted', async () => {
    const on = fakeApi(['https://example.org/*'], [HOVER_SCRIPT_ID]);
    await syncHoverScript(on.api, true, ['https://example.org/*']);
    expect(on.calls.map((c) => (c as string[])[0])).toEqual(['unregister', 'register']);
    const off = fakeApi(['https://example.org/*'], [HOVER_SCRIPT_ID]);
    await expect(syncHoverScript(off.api, false, ['https://example.org/*'])).resolves.toEqual([]);
    expect(off.calls).toEqual([['unregister', { ids: [HOVER_SCRIPT_ID] }]]);
    const none = fakeApi([]);
    await expect(syncHoverScript(none.api, true, ['https://example.org/*'])).resolves.toEqual([]);
    expect(none.calls).toEqual([]);
    const granted = fakeApi(['https://*/*', 'https://example.org/*']);
    await expect(syncHoverScript(granted.api, true, [])).resolves.toEqual([]);
    expect(granted.calls).toEqual([]);
  });

  it.each([
    [['https://a.example/*'], ['<all_urls>'], ['https://a.example/*']],
    [['https://a.example/*', 'https://a.example/*'], ['*://*/*'], ['https://a.example/*']],
    [['http://a.example/*'], ['https://*/*'], []],
    [['https://*/*', '<all_urls>', 'https://*.example/*', 'file:///*'], ['<all_urls>'], []],
  ])('hoverMatches(%j, %j) → %j', (sites, granted, want) => expect(hoverMatches(sites, granted)).toEqual(want));
});
