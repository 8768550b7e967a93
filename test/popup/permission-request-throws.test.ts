/**
 * permissions.request rejects, rather than answering false, when it is not called while a user
 * input is being handled: Firefox checks it synchronously ("permissions.request may only be called
 * from a user input handler": the API schema's requireUserInput), Chromium within the gesture. A
 * link queued behind files (ImportPanel's queue: dropped while they import) reaches importBadge
 * after an await, outside the drop's handler: the rejection escaped the actions (which answer a
 * Reply and never throw), the import queue stopped with the panel busy for good, and the link was
 * never added. Now a request that throws counts as one refused: the link is added unread, as after a No.
 */
import { describe, expect, it } from 'vitest';
import type { PopupToBackground } from '../../src/messaging/protocol.ts';
import type { Send } from '../../src/messaging/send.ts';
import { createActions, type PopupPlatform } from '../../src/popup/actions.ts';

const NOT_IN_INPUT = 'permissions.request may only be called from a user input handler';

function setup() {
  const sent: string[] = [];
  const send = (async (type: string) => (sent.push(type), { ok: true, value: {} })) as Send<PopupToBackground>;
  const platform: PopupPlatform = {
    requestOrigins: () => Promise.reject(new Error(NOT_IN_INPUT)),
    hasOrigins: async () => false,
    saveFile: () => undefined,
    copy: async () => undefined,
  };
  return { actions: createActions(send, platform), sent };
}

describe('a permission request the browser refuses to show', () => {
  it('a pasted or dropped link is imported all the same (unread until its host is allowed)', async () => {
    const { actions, sent } = setup();
    await expect(actions.importBadge({ kind: 'text', text: 'https://badges.example.org/a/1' })).resolves.toMatchObject({ ok: true });
    expect(sent).toEqual(['badges/import']);
  });

  it('the other requests answer "not allowed" rather than throwing', async () => {
    const { actions, sent } = setup();
    await expect(actions.allowHosts(['https://issuer.example/profile'])).resolves.toBe(false);
    await expect(actions.signIn({ kind: 'badgr', baseUrl: 'https://api.badgr.io', username: 'a@b.example', password: 'x' } as never)).resolves.toMatchObject({ ok: false, error: { code: 'ERR_HOST_PERMISSION_DENIED' } });
    await expect(actions.requestPasswordReset('https://api.badgr.io', 'a@b.example')).resolves.toMatchObject({ ok: false, error: { code: 'ERR_HOST_PERMISSION_DENIED' } });
    await expect(actions.setHoverSite('https://blog.example/*', true, false)).resolves.toMatchObject({ ok: false, error: { code: 'ERR_HOST_PERMISSION_DENIED' } });
    expect(sent).toEqual([]);
  });
});
