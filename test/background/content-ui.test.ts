/** The on-demand picker files (services/content-ui.ts): who gets one, which one, and into which document. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createContentUi, UI_FILES, type ScriptTarget } from '../../src/background/services/content-ui.ts';
import { createRouter } from '../../src/background/router.ts';
import { contentHandlers, popupHandlers } from '../../src/background/handlers.ts';
import type { Sender } from '../../src/platform/runtime.ts';

const ID = 'pakfgahhhefpnaajfclapgchhifablpl';

function recorder() {
  const calls: { target: ScriptTarget; files: string[] }[] = [];
  return { calls, exec: async (i: { target: ScriptTarget; files: string[] }) => void calls.push(i) };
}

describe('content UI injection', () => {
  it('injects the site’s file into the sending document (Chromium: its documentId)', async () => {
    const r = recorder();
    const ui = createContentUi(r.exec);
    await expect(ui.load({ id: ID, url: 'https://www.linkedin.com/in/ada/', tab: { id: 7 }, frameId: 0, documentId: 'D1' })).resolves.toEqual({ loaded: true });
    await ui.load({ id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 8 }, frameId: 0 });
    await ui.load({ id: ID, url: 'https://outlook.office.com/mail/', tab: { id: 9 } });
    expect(r.calls).toEqual([
      { target: { tabId: 7, documentIds: ['D1'] }, files: [UI_FILES.linkedin] },
      { target: { tabId: 8, frameIds: [0] }, files: [UI_FILES.mail] },
      { target: { tabId: 9, frameIds: [0] }, files: [UI_FILES.mail] },
    ]);
  });

  it.each<[string, Sender]>([
    ['another site', { id: ID, url: 'https://blog.example/', tab: { id: 1 } }],
    ['a frame inside a picker site', { id: ID, url: 'https://mail.google.com/mail/u/0/', tab: { id: 1 }, frameId: 3 }],
    ['plain http', { id: ID, url: 'http://www.linkedin.com/feed/', tab: { id: 1 } }],
    ['a look-alike host', { id: ID, url: 'https://www.linkedin.com.evil.example/', tab: { id: 1 } }],
    ['no tab', { id: ID, url: 'https://www.linkedin.com/feed/' }],
  ])('refuses %s and injects nothing', async (_what, sender) => {
    const r = recorder();
    await expect(createContentUi(r.exec).load(sender)).rejects.toMatchObject({ code: 'ERR_FORBIDDEN_SENDER' });
    expect(r.calls).toEqual([]);
  });

  it('says so when the browser has no scripting.executeScript', async () => {
    await expect(createContentUi(undefined).load({ id: ID, url: 'https://www.linkedin.com/feed/', tab: { id: 1 } })).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED' });
  });

  it('is a content message only, routed without the database, and the message cannot choose the file', async () => {
    const r = recorder();
    const app = async () => {
      throw new Error('picker/ui must not build the services');
    };
    const route = createRouter({
      extensionId: ID,
      extensionOrigin: `chrome-extension://${ID}/`,
      handlers: { popup: popupHandlers({ version: '0', app }), content: contentHandlers({ version: '0', app, contentUi: createContentUi(r.exec) }) },
    });
    const page = { id: ID, url: 'https://mail.google.com/mail/u/0/', tab: { id: 2 }, frameId: 0 };
    expect(await route({ type: 'picker/ui', args: {} }, page)).toEqual({ ok: true, value: { loaded: true } });
    expect(await route({ type: 'picker/ui', args: { file: 'src/content/ui-linkedin.js' } }, page)).toMatchObject({ ok: false, error: { code: 'ERR_BAD_ARGS' } });
    expect(await route({ type: 'picker/ui', args: {} }, { ...page, url: 'https://blog.example/' })).toMatchObject({ ok: false, error: { code: 'ERR_FORBIDDEN_SENDER' } });
    expect(await route({ type: 'picker/ui', args: {} }, { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` })).toMatchObject({ ok: false });
    expect(r.calls).toHaveLength(1);
  });

  it('names the files the build makes (vite.config.ts ON_DEMAND_CONTENT_SCRIPTS)', () => {
    const config = readFileSync(new URL('../../vite.config.ts', import.meta.url), 'utf8');
    for (const file of Object.values(UI_FILES)) expect(config).toContain(`'${file.replace(/\.js$/, '.ts')}'`);
  });
});
