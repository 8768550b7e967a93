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
  it('registers the built file on the granted web origins when hover verification is on', async () => {
    const { api, calls } = fakeApi(['https://*/*', 'https://www.linkedin.com/*', 'chrome://favicon/*', 'http://*/*']);
    await expect(syncHoverScript(api, true)).resolves.toEqual(['http://*/*', 'https://*/*', 'https://www.linkedin.com/*']);
    expect(calls).toEqual([
      ['register', [{ id: HOVER_SCRIPT_ID, js: [HOVER_SCRIPT_FILE], matches: ['http://*/*', 'https://*/*', 'https://www.linkedin.com/*'], runAt: 'document_idle', allFrames: false, persistAcrossSessions: true }]],
    ]);
  });

  it('replaces an earlier registration, and removes it when off or nothing is granted', async () => {
    const on = fakeApi(['https://example.org/*'], [HOVER_SCRIPT_ID]);
    await syncHoverScript(on.api, true);
    expect(on.calls.map((c) => (c as string[])[0])).toEqual(['unregister', 'register']);
    const off = fakeApi(['https://*/*'], [HOVER_SCRIPT_ID]);
    await expect(syncHoverScript(off.api, false)).resolves.toEqual([]);
    expect(off.calls).toEqual([['unregister', { ids: [HOVER_SCRIPT_ID] }]]);
    const none = fakeApi([]);
    await expect(syncHoverScript(none.api, true)).resolves.toEqual([]);
    expect(none.calls).toEqual([]);
  });

  it.each([
    [['<all_urls>'], ['<all_urls>']],
    [['*://*/*', '*://*/*'], ['*://*/*']],
    [['file:///*', 'chrome-extension://abc/*', 'https://example.org'], []],
  ])('hoverMatches(%j) → %j', (origins, want) => expect(hoverMatches(origins)).toEqual(want));
});
