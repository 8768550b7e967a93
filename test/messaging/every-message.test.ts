/**
 * Every message type of both maps (src/messaging/validate.ts `guards`) against forged senders and
 * malformed payloads, through the real router (src/background/router.ts): no handler ever runs for
 * a sender that may not send the type, or for arguments that are not exactly the type's shape.
 * Messages arrive JSON-serialised, so a `__proto__` key is an own key, as JSON.parse makes it.
 */
import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '../../src/background/router.ts';
import type { ContentToBackground, PopupToBackground } from '../../src/messaging/protocol.ts';
import { guards } from '../../src/messaging/validate.ts';

const ID = 'pakfgahhhefpnaajfclapgchhifablpl';
const ORIGIN = `chrome-extension://${ID}/`;
const POPUP_TYPES = Object.keys(guards.popup.args);
const CONTENT_TYPES = Object.keys(guards.content.args);
const ALL_TYPES = [...new Set([...POPUP_TYPES, ...CONTENT_TYPES])];

const popup = { id: ID, url: `${ORIGIN}src/popup/index.html` };
const picker = { id: ID, url: 'https://mail.google.com/mail/u/0/', tab: { id: 4 }, frameId: 0 };

function setup() {
  const called: string[] = [];
  const table = (types: string[]) => Object.fromEntries(types.map((t) => [t, vi.fn(() => void called.push(t))]));
  const route = createRouter({
    extensionId: ID,
    extensionOrigin: ORIGIN,
    handlers: { popup: table(POPUP_TYPES) as unknown as Handlers<PopupToBackground>, content: table(CONTENT_TYPES) as unknown as Handlers<ContentToBackground> },
  });
  return { route, called };
}

describe('forged senders, for every message type', () => {
  it.each([
    ['another extension', { ...popup, id: 'aaaabbbbccccddddeeeeffffgggghhhh' }],
    ['another extension in a tab', { id: 'aaaabbbbccccddddeeeeffffgggghhhh', url: 'https://mail.google.com/mail/', tab: { id: 1 }, frameId: 0 }],
    ['a sender with no id', { url: popup.url, tab: { id: 1 } }],
    ['a page claiming our origin without our id', { id: '', url: popup.url }],
    ['our id, no tab, a web URL', { id: ID, url: 'https://mail.google.com/mail/' }],
    ['our id, an origin that only starts like ours', { id: ID, url: `chrome-extension://${ID}evil/x` }],
  ])('%s: refused before any handler', async (_, sender) => {
    const { route, called } = setup();
    for (const type of ALL_TYPES) {
      expect(await route({ type, args: {} }, sender), type).toMatchObject({ ok: false, error: { code: 'ERR_FORBIDDEN_SENDER' } });
    }
    expect(called).toEqual([]);
  });

  it('a content script, even on a picker site, cannot send any popup-only message', async () => {
    const { route, called } = setup();
    const popupOnly = POPUP_TYPES.filter((t) => !CONTENT_TYPES.includes(t));
    expect(popupOnly.length).toBeGreaterThan(20);
    for (const type of popupOnly) expect(await route({ type, args: {} }, picker), type).toMatchObject({ ok: false, error: { code: 'ERR_UNKNOWN_MESSAGE' } });
    expect(called).toEqual([]);
  });

  it('a content script in a frame, or on another site, sends no picker message', async () => {
    const { route, called } = setup();
    for (const type of CONTENT_TYPES.filter((t) => t.startsWith('picker/'))) {
      for (const sender of [{ ...picker, frameId: 3 }, { ...picker, url: 'https://evil.example/mail/' }, { ...picker, url: 'https://mail.google.com.evil.example/' }]) {
        expect(await route({ type, args: type === 'picker/list' ? { query: '' } : type === 'picker/ui' ? {} : { key: 'k' } }, sender), type).toMatchObject({ ok: false, error: { code: 'ERR_FORBIDDEN_SENDER' } });
      }
    }
    expect(called).toEqual([]);
  });
});

describe('malformed payloads, for every message type and both directions', () => {
  const MALFORMED_ARGS: unknown[] = [
    null,
    [],
    'args',
    42,
    JSON.parse('{"__proto__":{"key":"k","query":""}}'),
    { token: 'x' },
    { constructor: 'x' },
    { key: 'k', query: '', url: 'https://a.example/', extra: true },
  ];

  it.each([
    ['popup', popup, POPUP_TYPES],
    ['content', picker, CONTENT_TYPES],
  ] as const)('%s: every type refuses wrong arguments without calling its handler', async (_, sender, types) => {
    const { route, called } = setup();
    for (const type of types) {
      for (const args of MALFORMED_ARGS) {
        const reply = await route({ type, args }, sender);
        expect(reply.ok, `${type} ${JSON.stringify(args)}`).toBe(false);
        expect(['ERR_BAD_ARGS', 'ERR_BAD_MESSAGE']).toContain(!reply.ok && reply.error.code);
      }
    }
    expect(called).toEqual([]);
  });

  it('envelopes that are not { type, args }, or name no own message, call nothing', async () => {
    const { route, called } = setup();
    const envelopes: unknown[] = [
      undefined, null, 'ping', ['ping', {}], { type: 'ping' }, { args: {} }, { type: 'ping', args: {}, from: 'popup' },
      { type: 7, args: {} }, JSON.parse('{"type":"ping","args":{},"__proto__":{}}'),
      ...['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'PING', ' ping', 'picker/', 'x'.repeat(100_000)].map((type) => ({ type, args: {} })),
    ];
    for (const sender of [popup, picker]) for (const m of envelopes) expect((await route(m, sender)).ok).toBe(false);
    expect(called).toEqual([]);
  });
});
