/** The background router's sender checks (src/background/router.ts), with plain fake senders. */
import { describe, expect, it, vi } from 'vitest';
import { createRouter, directionOf, type Handlers } from '../../src/background/router.ts';
import type { ContentToBackground, PopupToBackground } from '../../src/messaging/protocol.ts';

/** Only ping is under test: the other handlers are never reached. */
const only = <M extends PopupToBackground | ContentToBackground>(h: Pick<Handlers<M>, 'ping'>): Handlers<M> => h as Handlers<M>;

const ID = 'pakfgahhhefpnaajfclapgchhifablpl';
const ORIGIN = `chrome-extension://${ID}/`;
const popupSender = { id: ID, url: `${ORIGIN}src/popup/index.html` };
const contentSender = { id: ID, url: 'https://www.linkedin.com/in/someone/', tab: { id: 7 }, frameId: 0 };

function router() {
  const popupPing = vi.fn(() => ({ pong: true as const, version: 'popup' }));
  const contentPing = vi.fn(() => ({ pong: true as const, version: 'content' }));
  const route = createRouter({
    extensionId: ID,
    extensionOrigin: ORIGIN,
    handlers: { popup: only<PopupToBackground>({ ping: popupPing }), content: only<ContentToBackground>({ ping: contentPing }) },
  });
  return { route, popupPing, contentPing };
}

describe('directionOf', () => {
  it.each([
    ['the popup', popupSender, 'popup'],
    ['the popup opened in a tab', { ...popupSender, tab: { id: 3 } }, 'popup'],
    ['a content script', contentSender, 'content'],
    ['another extension', { ...popupSender, id: 'aaaabbbbccccddddeeeeffffgggghhhh' }, undefined],
    ['a sender without id', { url: popupSender.url }, undefined],
    ['a page of this extension id without a tab or our origin', { id: ID, url: 'https://evil.example/' }, undefined],
    ['a sender with neither url nor tab', { id: ID }, undefined],
    ['a look-alike origin', { id: ID, url: `chrome-extension://${ID}.evil/x`, tab: undefined }, undefined],
  ])('%s → %s', (_, sender, expected) => {
    expect(directionOf(sender, ID, ORIGIN)).toBe(expected);
  });
});

describe('createRouter', () => {
  it('routes by sender: the popup map for extension pages, the content map for content scripts', async () => {
    const { route, popupPing, contentPing } = router();
    expect(await route({ type: 'ping', args: {} }, popupSender)).toEqual({ ok: true, value: { pong: true, version: 'popup' } });
    expect(await route({ type: 'ping', args: {} }, contentSender)).toEqual({ ok: true, value: { pong: true, version: 'content' } });
    expect(popupPing).toHaveBeenCalledTimes(1);
    expect(contentPing).toHaveBeenCalledTimes(1);
    expect(contentPing.mock.calls[0]).toEqual([{}, { sender: contentSender, direction: 'content' }]);
  });

  it('drops messages from foreign senders before looking at them', async () => {
    const { route, popupPing } = router();
    const reply = await route({ type: 'ping', args: {} }, { id: 'someone-else', url: 'https://x.example/' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'ERR_FORBIDDEN_SENDER' } });
    expect(popupPing).not.toHaveBeenCalled();
  });

  it('answers unknown and malformed messages with an error, without calling a handler', async () => {
    const { route, popupPing } = router();
    expect(await route({ type: 'badges/delete-all', args: {} }, popupSender)).toMatchObject({ error: { code: 'ERR_UNKNOWN_MESSAGE' } });
    expect(await route({ type: 'ping', args: { x: 1 } }, popupSender)).toMatchObject({ error: { code: 'ERR_BAD_ARGS' } });
    expect(await route('ping', popupSender)).toMatchObject({ error: { code: 'ERR_BAD_MESSAGE' } });
    expect(popupPing).not.toHaveBeenCalled();
  });

  it('turns a throwing handler into an error reply that keeps its code', async () => {
    const route = createRouter({
      extensionId: ID,
      extensionOrigin: ORIGIN,
      handlers: {
        popup: only<PopupToBackground>({ ping: () => Promise.reject(Object.assign(new Error('no key'), { code: 'ERR_KEY_NOT_OWNED' })) }),
        content: only<ContentToBackground>({ ping: () => { throw new TypeError('boom'); } }),
      },
    });
    expect(await route({ type: 'ping', args: {} }, popupSender)).toEqual({ ok: false, error: { code: 'ERR_KEY_NOT_OWNED', message: 'no key' } });
    expect(await route({ type: 'ping', args: {} }, contentSender)).toEqual({ ok: false, error: { code: 'ERR_INTERNAL', message: 'boom' } });
  });
});

describe('error replies', () => {
  it('carry the wait a throttled backpack asked for', async () => {
    const route = createRouter({
      extensionId: ID,
      extensionOrigin: ORIGIN,
      handlers: {
        popup: only<PopupToBackground>({ ping: () => Promise.reject(Object.assign(new Error('slow down'), { code: 'THROTTLED', retryAfterSeconds: 42 })) }),
        content: only<ContentToBackground>({ ping: () => Promise.reject(Object.assign(new Error('x'), { code: 'THROTTLED', retryAfterSeconds: 'soon' })) }),
      },
    });
    expect(await route({ type: 'ping', args: {} }, popupSender)).toEqual({ ok: false, error: { code: 'THROTTLED', message: 'slow down', retryAfterSeconds: 42 } });
    expect(await route({ type: 'ping', args: {} }, contentSender)).toEqual({ ok: false, error: { code: 'THROTTLED', message: 'x' } });
  });
});

describe('picker messages', () => {
  const pickerRouter = () => {
    const list = vi.fn(() => []);
    const hover = vi.fn(() => ({ verdict: 'valid' as const, name: 'B', message: 'Verified' }));
    const route = createRouter({
      extensionId: ID,
      extensionOrigin: ORIGIN,
      handlers: {
        popup: only<PopupToBackground>({ ping: vi.fn() }),
        content: { 'picker/list': list, 'hover/verify': hover } as unknown as Handlers<ContentToBackground>,
      },
    });
    return { route, list, hover };
  };
  const at = (url: string) => ({ id: ID, url, tab: { id: 9 }, frameId: 0 });

  it.each([
    'https://www.linkedin.com/in/someone/',
    'https://mail.google.com/mail/u/0/#inbox',
    'https://outlook.live.com/mail/0/',
    'https://outlook.office.com/mail/',
    'https://outlook.office365.com/owa/',
    'https://outlook.cloud.microsoft/mail/',
  ])('are answered for the picker site %s', async (url) => {
    const { route, list } = pickerRouter();
    expect(await route({ type: 'picker/list', args: { query: '' } }, at(url))).toEqual({ ok: true, value: [] });
    expect(list).toHaveBeenCalledTimes(1);
  });

  it.each([
    'https://evil.example/badges',
    'https://linkedin.com.evil.example/',
    'http://www.linkedin.com/in/x',
    'https://www.linkedin.com:8443/in/x',
    'https://notmail.google.com/mail/',
    'not a url',
  ])('are refused, unread, from a content script on %s; hover verification is not', async (url) => {
    const { route, list, hover } = pickerRouter();
    expect(await route({ type: 'picker/list', args: { query: '' } }, at(url))).toMatchObject({ ok: false, error: { code: 'ERR_FORBIDDEN_SENDER' } });
    expect(await route({ type: 'picker/list', args: { query: '' } }, { id: ID, tab: { id: 9 } })).toMatchObject({ ok: false, error: { code: 'ERR_FORBIDDEN_SENDER' } });
    expect(list).not.toHaveBeenCalled();
    expect(await route({ type: 'hover/verify', args: { url: 'https://issuer.example/badges/a.json' } }, at(url))).toMatchObject({ ok: true });
    expect(hover).toHaveBeenCalledTimes(1);
  });
});

/**
 * What a content script receives is checked on the background's side, before it leaves: its
 * receiving side (src/content/messages.ts) runs in the page's renderer, which a compromised page
 * controls, so only the sender can hold "nothing extra rides along" (SECURITY.md, Privacy).
 */
describe('content replies', () => {
  const leaky = (value: unknown) =>
    createRouter({
      extensionId: ID,
      extensionOrigin: ORIGIN,
      handlers: {
        popup: only<PopupToBackground>({ ping: vi.fn() }),
        content: { 'picker/list': () => value, 'hover/verify': () => value, 'picker/linkedin-url': () => value } as unknown as Handlers<ContentToBackground>,
      },
    });
  const row = { key: 'local|a', name: 'A', verdict: 'valid' };
  const hover = { verdict: 'valid', name: 'B', message: 'Verified' };

  it.each([
    ['picker/list', { query: '' }, [{ ...row, accessToken: 'SECRET-token' }]],
    ['picker/list', { query: '' }, [{ ...row, recipient: 'SECRET@example.org' }]],
    ['hover/verify', { url: 'https://issuer.example/a.json' }, { ...hover, recipient: 'SECRET@example.org' }],
    ['picker/linkedin-url', { key: 'local|a' }, { url: 'https://www.linkedin.com/profile/add?x=1', refreshToken: 'SECRET' }],
    ['picker/linkedin-url', { key: 'local|a' }, { url: 'javascript:alert(1)' }],
  ])('a %s value with more than its exact shape never leaves the background', async (type, args, value) => {
    const reply = await leaky(value)({ type, args }, contentSender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'ERR_BAD_REPLY' } });
    expect(JSON.stringify(reply)).not.toContain('SECRET');
    expect(JSON.stringify(reply)).not.toContain('javascript:');
  });

  it('exact values go through, a LinkedIn link of any length included', async () => {
    expect(await leaky([row])({ type: 'picker/list', args: { query: '' } }, contentSender)).toEqual({ ok: true, value: [row] });
    const url = { url: `https://www.linkedin.com/profile/add?name=${'x'.repeat(9000)}` };
    expect(await leaky(url)({ type: 'picker/linkedin-url', args: { key: 'local|a' } }, contentSender)).toEqual({ ok: true, value: url });
  });

  it('the popup is answered as before (its replies stay the receiving side’s to check)', async () => {
    const route = createRouter({ extensionId: ID, extensionOrigin: ORIGIN, handlers: { popup: only<PopupToBackground>({ ping: () => ({ pong: true, version: '1', extra: 1 }) as never }), content: only<ContentToBackground>({ ping: vi.fn() }) } });
    expect(await route({ type: 'ping', args: {} }, popupSender)).toEqual({ ok: true, value: { pong: true, version: '1', extra: 1 } });
  });
});

describe('what an error says beyond its code (the popup says it in the reader\'s language)', () => {
  it('carries the engine\'s code for what it found, and a server\'s own words, each checked', async () => {
    const { BackpackError } = await import('../../src/backpack/errors.ts');
    const { ServiceError } = await import('../../src/background/services/errors.ts');
    const { isReply } = await import('../../src/messaging/validate.ts');
    const anything = (v: unknown): v is unknown => v !== null;
    const reply = (e: unknown) =>
      createRouter({ extensionId: ID, extensionOrigin: ORIGIN, handlers: { popup: only<PopupToBackground>({ ping: () => Promise.reject(e) }), content: only<ContentToBackground>({ ping: () => ({ pong: true as const, version: '' }) }) } })({ type: 'ping', args: {} }, popupSender);
    const refused = await reply(new ServiceError('ERR_NOT_A_BADGE', 'This is not a badge Lanyard can read: no PNG signature', undefined, { reason: 'ERR_PARSE_PNG' }));
    expect(refused).toEqual({ ok: false, error: { code: 'ERR_NOT_A_BADGE', message: 'This is not a badge Lanyard can read: no PNG signature', reason: 'ERR_PARSE_PNG' } });
    expect(isReply(refused, anything)).toBe(true);
    const server = await reply(new BackpackError('AUTHORIZATION_FAILED', 'The provider refused the code', { detail: 'access_denied' }));
    expect(server).toEqual({ ok: false, error: { code: 'AUTHORIZATION_FAILED', message: 'The provider refused the code', said: 'access_denied' } });
    expect(isReply(server, anything)).toBe(true);
    // A backpack error put in words for the user (explain) keeps the server's own word.
    const { explain } = await import('../../src/background/services/errors.ts');
    expect(await reply(explain(new BackpackError('REGISTRATION_REFUSED', 'The backpack refused to register Lanyard: bad metadata', { detail: 'invalid_client_metadata' }), 'wallet.example'))).toMatchObject({ error: { code: 'REGISTRATION_REFUSED', said: 'invalid_client_metadata' } });
    // Not an engine code, or a `detail` on something else than a backpack's error: not passed on.
    expect(await reply(Object.assign(new Error('x'), { code: 'ERR_X', reason: 'free text', detail: 'y' }))).toEqual({ ok: false, error: { code: 'ERR_X', message: 'x' } });
    expect(isReply({ ok: false, error: { code: 'X', message: 'x', said: 5 } }, anything)).toBe(false);
  });
});
