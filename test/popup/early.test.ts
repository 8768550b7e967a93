/**
 * The popup's early messages (public/popup/boot.js + src/popup/early.ts): boot.js sends exactly
 * the messages the popup's first load asks for, each reply is handed out once and checked like any
 * other, and nothing is sent twice or for the preview.
 */
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { createSend } from '../../src/messaging/send.ts';
import { guards } from '../../src/messaging/validate.ts';
import { createActions, type PopupPlatform } from '../../src/popup/actions.ts';
import { earlyTransport, repliesOrTimeout } from '../../src/popup/early.ts';
import { FIRST_SCREEN } from '../../src/popup/use-popup-data.ts';


const BOOT = readFileSync(new URL('../../public/popup/boot.js', import.meta.url), 'utf8');

/** Runs boot.js as the page would; returns what it sent and what it left for the popup. */
function boot(search = '', before?: { lanyardEarly?: unknown }, reply: (m: unknown) => Promise<unknown> = async () => ({ ok: true, value: [] })) {
  const sent: unknown[] = [];
  const sendMessage = (m: unknown) => (sent.push(m), reply(m));
  const g: Record<string, unknown> = { chrome: { runtime: { sendMessage } }, location: { search }, URLSearchParams, ...before };
  g.globalThis = g;
  runInNewContext(BOOT, g);
  return { sent, early: g.lanyardEarly as Map<string, Promise<unknown>> | false | undefined };
}

const platform: PopupPlatform = { requestOrigins: async () => true, saveFile: () => {}, copy: async () => {} };

describe('early messages', () => {
  it('boot.js sends the first load’s two messages, and the popup takes those replies instead of sending again', async () => {
    const { sent, early } = boot('', undefined, async (m) => ((m as { type: string }).type === 'badges/list' ? { ok: true, value: [] } : { ok: true, value: 'not a state' }));
    expect(sent).toEqual([{ type: 'state/get', args: {} }, { type: 'badges/list', args: { limit: FIRST_SCREEN } }]);
    expect(Object.prototype.toString.call(early)).toBe('[object Map]');
    const later = vi.fn(async () => ({ ok: true, value: [] }));
    const actions = createActions(createSend(earlyTransport(later, early as Map<string, Promise<unknown>>), guards.popup), platform);
    expect(await actions.listBadges(FIRST_SCREEN)).toEqual({ ok: true, value: [] });
    // The early reply is checked like any other: a malformed one is an error, not a state.
    expect(await actions.getState()).toMatchObject({ ok: false, error: { code: 'ERR_BAD_REPLY' } });
    expect(later).not.toHaveBeenCalled();
    // Each early reply once: asked again, the message is sent.
    await actions.listBadges(FIRST_SCREEN);
    await actions.listBadges();
    expect(later.mock.calls.map((c) => (c as unknown[])[0])).toEqual([{ type: 'badges/list', args: { limit: FIRST_SCREEN } }, { type: 'badges/list', args: {} }]);
  });

  it('a failed early message comes back as a transport error, not as an unhandled rejection', async () => {
    const { early } = boot('', undefined, () => Promise.reject(new Error('no receiver')));
    const actions = createActions(createSend(earlyTransport(async () => ({ ok: true, value: [] }), early as Map<string, Promise<unknown>>), guards.popup), platform);
    expect(await actions.listBadges(FIRST_SCREEN)).toMatchObject({ ok: false, error: { code: 'ERR_TRANSPORT', message: 'no receiver' } });
  });

  it('boot.js sends nothing for the preview, or once the popup has started', () => {
    expect(boot('?preview=1').sent).toEqual([]);
    expect(boot('', { lanyardEarly: false }).sent).toEqual([]);
  });

  it('the first render waits for the early replies (answered or failed), or for the timeout, and not without them', async () => {
    vi.useFakeTimers();
    try {
      const settled = vi.fn();
      let answer!: (v: unknown) => void;
      const early = new Map<string, Promise<unknown>>([
        ['a', new Promise((r) => (answer = r))],
        ['b', Promise.reject(new Error('no receiver'))],
      ]);
      early.get('b')!.catch(() => {});
      void repliesOrTimeout(early, 60).then(settled);
      await vi.advanceTimersByTimeAsync(30);
      expect(settled).not.toHaveBeenCalled();
      answer({ ok: true, value: [] });
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toHaveBeenCalledTimes(1);

      const late = vi.fn();
      void repliesOrTimeout(new Map([['a', new Promise(() => {})]]), 60).then(late);
      await vi.advanceTimersByTimeAsync(59);
      expect(late).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(late).toHaveBeenCalledTimes(1);

      const none = vi.fn();
      void repliesOrTimeout(undefined, 60).then(none);
      await vi.advanceTimersByTimeAsync(0);
      expect(none).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
