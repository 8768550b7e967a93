import { describe, expect, it } from 'vitest';
import { guards, isReply, parseMessage, shape, isString } from '../../src/messaging/validate.ts';

describe('parseMessage', () => {
  it('accepts a known message with well-formed arguments, in both directions', () => {
    for (const direction of ['popup', 'content'] as const) {
      expect(parseMessage(direction, { type: 'ping', args: {} })).toEqual({ ok: true, message: { type: 'ping', args: {} } });
    }
  });

  it.each([
    ['undefined', undefined],
    ['a string', 'ping'],
    ['an array', [{ type: 'ping', args: {} }]],
    ['no args', { type: 'ping' }],
    ['args not an object', { type: 'ping', args: 'x' }],
    ['args an array', { type: 'ping', args: [] }],
    ['a numeric type', { type: 1, args: {} }],
    ['an extra envelope key', { type: 'ping', args: {}, token: 'x' }],
  ])('rejects %s as ERR_BAD_MESSAGE', (_, raw) => {
    const parsed = parseMessage('popup', raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.code).toBe('ERR_BAD_MESSAGE');
  });

  it.each(['pong', 'toString', '__proto__', 'constructor', 'hasOwnProperty'])('rejects unknown type %j', (type) => {
    const parsed = parseMessage('content', { type, args: {} });
    expect(parsed).toMatchObject({ ok: false, error: { code: 'ERR_UNKNOWN_MESSAGE' } });
  });

  it('rejects unexpected arguments', () => {
    expect(parseMessage('popup', { type: 'ping', args: { extra: 1 } })).toMatchObject({
      ok: false,
      error: { code: 'ERR_BAD_ARGS' },
    });
  });

  it('keeps a long unknown type out of the error message', () => {
    const parsed = parseMessage('popup', { type: 'x'.repeat(10_000), args: {} });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message.length).toBeLessThan(200);
  });
});

describe('shape', () => {
  const point = shape({ x: isString, y: isString });
  it('wants exactly the listed keys, each passing its check', () => {
    expect(point({ x: 'a', y: 'b' })).toBe(true);
    expect(point({ x: 'a' })).toBe(false);
    expect(point({ x: 'a', y: 1 })).toBe(false);
    expect(point({ x: 'a', y: 'b', z: 'c' })).toBe(false);
    expect(point(null)).toBe(false);
  });
});

describe('isReply', () => {
  const pingReply = guards.popup.reply.ping;
  it('accepts a success whose value passes the guard, and any well-formed error', () => {
    expect(isReply({ ok: true, value: { pong: true, version: '1.0.0' } }, pingReply)).toBe(true);
    expect(isReply({ ok: false, error: { code: 'ERR_X', message: 'm' } }, pingReply)).toBe(true);
  });
  it.each([
    [{ ok: true, value: { pong: false, version: '1' } }],
    [{ ok: true, value: { pong: true } }],
    [{ ok: false, error: { code: 1, message: 'm' } }],
    [{ ok: false }],
    [{ value: { pong: true, version: '1' } }],
    [undefined],
  ])('rejects %j', (raw) => {
    expect(isReply(raw, pingReply)).toBe(false);
  });
});

describe('the badge detail reply', () => {
  const detail = { key: 'local|id:x', accountId: 'local', name: 'Kayak', tags: [], format: 'ob2.0-hosted', verdict: 'valid', recipient: null, pending: false, checks: [], evidence: [], alignments: [], claimedRecipients: [] };
  it('says where a baked image comes from only as kept or a link: the share screen offers its download by it', () => {
    const get = guards.popup.reply['badges/get'];
    for (const bakedImage of [undefined, 'kept', 'link']) expect(isReply({ ok: true, value: { ...detail, bakedImage } }, get)).toBe(true);
    for (const bakedImage of ['yes', true, '']) expect(isReply({ ok: true, value: { ...detail, bakedImage } }, get)).toBe(false);
  });
});

describe('the import reply', () => {
  const view = { key: 'local|id:x', accountId: 'local', name: 'Kayak', tags: [], format: 'ob2.0-hosted', verdict: 'valid', recipient: null, pending: false };
  const guard = guards.popup.reply['badges/import'];
  it('says whether the badge was held already, as a boolean only', () => {
    expect(guard(view)).toBe(true);
    expect(guard({ ...view, alreadyHeld: true })).toBe(true);
    expect(guard({ ...view, alreadyHeld: 'yes' })).toBe(false);
    expect(guard({ name: 'Kayak', alreadyHeld: true })).toBe(false);
  });
});

describe('a badge no longer listed, and what a sign-out kept', () => {
  const view = { key: 'local|id:x', accountId: 'local', name: 'Kayak', tags: [], format: 'ob2.0-hosted', verdict: 'valid', recipient: null, pending: false };
  it('a badge view says since when and from which backpack only as text; a sign-out reply counts what it kept', () => {
    const list = guards.popup.reply['badges/list'];
    expect(list([{ ...view, unlisted: '2026-11-01T10:00:00.000Z', movedFrom: 'api.badgr.io' }])).toBe(true);
    expect(list([{ ...view, unlisted: true }])).toBe(false);
    expect(list([{ ...view, movedFrom: { host: 'x' } }])).toBe(false);
    const out = guards.popup.reply['accounts/sign-out'];
    expect(out({ signedOut: true, revoked: 'revoked', kept: 2 })).toBe(true);
    for (const kept of [undefined, -1, 1.5, '2']) expect(out({ signedOut: true, revoked: 'revoked', kept })).toBe(false);
  });
});
