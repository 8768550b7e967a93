/**
 * The pickers' messages pass the gate hover's own message has (services/picker-gate.ts): a rate
 * per tab, and the site's grant at each message (a tab open when the user took back Lanyard's
 * access to the site kept listing badges and building cards until reloaded).
 */
import { describe, expect, it } from 'vitest';
import { createRouter, type Handlers } from '../../src/background/router.ts';
import { createPickerGate, PICKER_RATE } from '../../src/background/services/picker-gate.ts';
import type { ContentToBackground, PopupToBackground } from '../../src/messaging/protocol.ts';

const ID = 'pakfgahhhefpnaajfclapgchhifablpl';
const ORIGIN = `chrome-extension://${ID}/`;
const gmail = (tab: number) => ({ id: ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: tab }, frameId: 0 });

function setup() {
  const granted = new Set(['https://mail.google.com']);
  let t = 1_000_000;
  const asked: string[] = [];
  const gate = createPickerGate({ siteGranted: async (url) => (asked.push(url), granted.has(new URL(url).origin)), now: () => t });
  let listed = 0;
  const content = {
    ping: () => ({ pong: true as const, version: 'x' }),
    'picker/list': () => (listed++, []),
    'picker/ui': () => ({ loaded: true as const }),
  } as unknown as Handlers<ContentToBackground>;
  const route = createRouter({ extensionId: ID, extensionOrigin: ORIGIN, handlers: { popup: {} as Handlers<PopupToBackground>, content }, contentGate: gate });
  return { route, granted, asked, listedCount: () => listed, tick: (ms: number) => (t += ms) };
}

const list = { type: 'picker/list', args: { query: '' } };

describe('the pickers’ gate', () => {
  it(`answers a tab at most ${PICKER_RATE.perSecond} times a second and ${PICKER_RATE.perMinute} a minute; other tabs and other messages apart`, async () => {
    const s = setup();
    for (let i = 0; i < PICKER_RATE.perSecond; i++) expect(await s.route(list, gmail(1))).toMatchObject({ ok: true });
    expect(await s.route(list, gmail(1))).toEqual({ ok: false, error: { code: 'ERR_RATE_LIMITED', message: expect.any(String), retryAfterSeconds: 1 } });
    expect(s.listedCount()).toBe(PICKER_RATE.perSecond);
    expect(await s.route(list, gmail(2))).toMatchObject({ ok: true });
    expect(await s.route({ type: 'ping', args: {} }, gmail(1))).toMatchObject({ ok: true });
    // A steady 10 a second: the minute's count stops it.
    let answered = PICKER_RATE.perSecond;
    for (let i = 0; i < 200; i++) {
      s.tick(100);
      if ((await s.route(list, gmail(1))).ok) answered++;
    }
    expect(answered).toBe(PICKER_RATE.perMinute);
    expect(await s.route(list, gmail(1))).toMatchObject({ ok: false, error: { code: 'ERR_RATE_LIMITED' } });
  });

  it('asks for the site’s grant at each message: taken back, the open tab gets nothing; given again, it works again', async () => {
    const s = setup();
    expect(await s.route(list, gmail(1))).toMatchObject({ ok: true });
    expect(s.asked).toEqual(['https://mail.google.com/mail/u/0/#inbox']);
    s.granted.clear();
    s.tick(1000);
    expect(await s.route(list, gmail(1))).toMatchObject({ ok: false, error: { code: 'ERR_FORBIDDEN_SENDER' } });
    expect(await s.route({ type: 'picker/ui', args: {} }, gmail(1))).toMatchObject({ ok: false, error: { code: 'ERR_FORBIDDEN_SENDER' } });
    expect(s.listedCount()).toBe(1);
    s.granted.add('https://mail.google.com');
    expect(await s.route(list, gmail(1))).toMatchObject({ ok: true });
  });

  it('is not asked for extension pages (the popup’s messages are its own)', async () => {
    const s = setup();
    const popup = { id: ID, url: `${ORIGIN}src/popup/index.html` };
    expect(await s.route({ type: 'picker/list', args: { query: '' } }, popup)).toMatchObject({ ok: false, error: { code: 'ERR_UNKNOWN_MESSAGE' } });
    expect(s.asked).toEqual([]);
  });
});
