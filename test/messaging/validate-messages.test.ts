/** The argument and reply guards of every message in src/messaging/protocol.ts. */
import { describe, expect, it } from 'vitest';
import { guards, isBaseUrl, isReply, MAX_IMPORT_BYTES, MAX_LIST_LIMIT, parseMessage } from '../../src/messaging/validate.ts';

const ok = (direction: 'popup' | 'content', type: string, args: unknown) => parseMessage(direction, { type, args }).ok;
const b64 = (n: number) => Buffer.alloc(n, 7).toString('base64');

describe('popup arguments', () => {
  it.each([
    ['state/get', {}],
    ['badges/list', {}],
    ['badges/list', { limit: 1 }],
    ['badges/list', { limit: MAX_LIST_LIMIT }],
    ['badges/get', { key: 'local|id:https://x.example/a' }],
    ['badges/verify', {}],
    ['badges/verify', { key: 'k' }],
    ['badges/import', { source: { kind: 'text', text: 'https://example.org/assertions/1' } }],
    ['badges/import', { source: { kind: 'file', name: 'badge.png', base64: b64(100) } }],
    ['badges/remove', { key: 'k' }],
    ['badges/download', { key: 'k', what: 'baked' }],
    ['badges/download', { key: 'k', what: 'json' }],
    ['backup/export', {}],
    ['backup/import', { json: '{}' }],
    ['accounts/sign-in', { kind: 'badgr', baseUrl: 'https://api.badgr.io', username: 'ada@example.org', password: 'pw' }],
    ['accounts/sign-in', { kind: 'badgr', baseUrl: 'http://127.0.0.1:8787', username: 'ada@example.org', password: 'pw' }],
    ['accounts/sign-in', { kind: 'ob3', baseUrl: 'https://backpack.example/tenant' }],
    ['accounts/sign-in', { kind: 'badge-connect', baseUrl: 'http://localhost:3000' }],
    ['accounts/sign-in', { kind: 'ob3', baseUrl: 'https://backpack.example', attempt: '0b0e4b5e-6c1a-4a57-9d4e-6f1c2a3b4c5d' }],
    ['accounts/sign-in', { kind: 'badgr', baseUrl: 'https://api.badgr.io', username: 'a', password: 'b', attempt: 'a1' }],
    ['accounts/sign-in-cancel', { baseUrl: 'https://backpack.example', attempt: 'a1' }],
    ['accounts/sign-in-cancel', {}],
    ['accounts/sign-in-cancel', { baseUrl: 'https://backpack.example' }],
    ['accounts/sign-in-cancel', { baseUrl: 'https://backpack.example', kind: 'ob3' }],
    ['accounts/sign-in-wait', { baseUrl: 'https://backpack.example', kind: 'ob3' }],
    ['accounts/sign-in-wait', { baseUrl: 'http://127.0.0.1:8787', kind: 'badgr' }],
    ['accounts/sign-out', { accountId: 'badgr-0123' }],
    ['sync/start', {}],
    ['sync/start', { accountId: 'a' }],
    ['emails/list', { accountId: 'a' }],
    ['emails/add', { accountId: 'a', email: 'ada@example.org' }],
    ['emails/resend', { accountId: 'a', id: '3' }],
    ['emails/make-primary', { accountId: 'a', id: '3' }],
    ['emails/remove', { accountId: 'a', id: '3' }],
    ['emails/cancel', { accountId: 'a' }],
    ['settings/set', { settings: {} }],
    ['settings/set', { settings: { hoverVerify: true, syncIntervalMinutes: 30, linkedInOrgIds: { 'https://issuer.example/': '1337' } } }],
  ])('accepts %s %j', (type, args) => {
    expect(ok('popup', type, args)).toBe(true);
  });

  it.each([
    ['badges/list', { limit: 0 }],
    ['badges/list', { limit: -5 }],
    ['badges/list', { limit: 2.5 }],
    ['badges/list', { limit: '20' }],
    ['badges/list', { limit: MAX_LIST_LIMIT + 1 }],
    ['badges/list', { limit: 20, offset: 3 }],
    ['badges/get', {}],
    ['badges/get', { key: '' }],
    ['badges/get', { key: 'x'.repeat(513) }],
    ['badges/get', { key: 1 }],
    ['badges/verify', { key: 'k', all: true }],
    ['badges/import', { source: { kind: 'text', text: '' } }],
    ['badges/import', { source: { kind: 'text', text: 'x', base64: 'AAAA' } }],
    ['badges/import', { source: { kind: 'file', name: 'a.png', base64: 'not base64!' } }],
    ['badges/import', { source: { kind: 'file', name: 'a.png', base64: 'AAA' } }],
    ['badges/import', { source: { kind: 'file', name: 'a.png', base64: b64(MAX_IMPORT_BYTES + 3) } }],
    ['badges/import', { source: { kind: 'url', url: 'https://x' } }],
    ['badges/download', { key: 'k', what: 'pdf' }],
    ['accounts/sign-in', { kind: 'badgr', baseUrl: 'http://api.badgr.io', username: 'a', password: 'b' }],
    ['accounts/sign-in', { kind: 'badgr', baseUrl: 'https://api.badgr.io', username: 'a', password: '' }],
    ['accounts/sign-in', { kind: 'badgr', baseUrl: 'https://api.badgr.io', username: 'a' }],
    ['accounts/sign-in', { kind: 'ob3', baseUrl: 'https://backpack.example', password: 'x' }],
    ['accounts/sign-in', { kind: 'ob3', baseUrl: 'javascript:alert(1)' }],
    ['accounts/sign-in', { kind: 'ob3', baseUrl: 'https://user:pw@backpack.example' }],
    ['accounts/sign-in', { kind: 'ob3', baseUrl: 'https://backpack.example/?next=x' }],
    ['accounts/sign-in', { kind: 'local', baseUrl: 'https://backpack.example' }],
    ['accounts/sign-in-cancel', { baseUrl: 'javascript:alert(1)' }],
    ['accounts/sign-in-cancel', { baseUrl: 'https://backpack.example', all: true }],
    ['accounts/sign-in-cancel', { attempt: 'x'.repeat(65) }],
    ['accounts/sign-in-cancel', { attempt: 7 }],
    ['accounts/sign-in-cancel', { baseUrl: 'https://backpack.example', kind: 'oauth' }],
    ['accounts/sign-in', { kind: 'ob3', baseUrl: 'https://backpack.example', attempt: '' }],
    // Which sign-in to join: a Badgr and an OB 3.0 one to one server run at once.
    ['accounts/sign-in-wait', { baseUrl: 'https://backpack.example' }],
    ['accounts/sign-in-wait', { baseUrl: 'https://backpack.example', kind: 'local' }],
    ['accounts/sign-in-wait', { baseUrl: 'javascript:alert(1)', kind: 'ob3' }],
    ['emails/add', { accountId: 'a', email: 'not an address' }],
    ['emails/resend', { accountId: 'a' }],
    ['emails/cancel', {}],
    ['emails/cancel', { accountId: 'a', id: '3' }],
    ['settings/set', { settings: { syncIntervalMinutes: 1 } }],
    ['settings/set', { settings: { syncIntervalMinutes: 12.5 } }],
    ['settings/set', { settings: { linkedInOrgIds: { x: 'acme' } } }],
    ['settings/set', { settings: { token: 'x' } }],
    ['settings/set', { hoverVerify: true }],
  ])('refuses %s %j', (type, args) => {
    expect(parseMessage('popup', { type, args })).toMatchObject({ ok: false, error: { code: 'ERR_BAD_ARGS' } });
  });

  it('accepts plain http only on the machine itself', () => {
    for (const u of ['http://127.0.0.1:8787', 'http://localhost', 'http://[::1]:80', 'https://api.eu.badgr.io']) expect(isBaseUrl(u)).toBe(true);
    for (const u of ['http://10.0.0.1', 'http://127.0.0.1.evil.example', 'ftp://x.example', 'https://x.example#frag', 'not a url']) expect(isBaseUrl(u)).toBe(false);
  });
});

describe('content arguments', () => {
  it('speaks only the content map', () => {
    expect(parseMessage('content', { type: 'badges/list', args: {} })).toMatchObject({ ok: false, error: { code: 'ERR_UNKNOWN_MESSAGE' } });
    expect(parseMessage('content', { type: 'accounts/sign-in', args: { kind: 'ob3', baseUrl: 'https://x.example' } })).toMatchObject({ ok: false, error: { code: 'ERR_UNKNOWN_MESSAGE' } });
  });

  it.each([
    ['picker/list', { query: '' }, true],
    ['picker/list', { query: 'x'.repeat(201) }, false],
    ['picker/card', { key: 'k' }, true],
    ['picker/card', { key: 'k', linkedIn: true }, true],
    ['picker/card', { key: 'k', linkedIn: false }, false],
    ['picker/card', { key: 'k', linkedIn: 'yes' }, false],
    ['picker/linkedin-url', { key: 'k' }, true],
    ['hover/verify', { url: 'https://badges.example/a/1' }, true],
    ['hover/verify', { url: 'chrome-extension://abc/x' }, false],
    ['hover/verify', { url: 'https://u:p@badges.example/' }, false],
    ['hover/verify', { url: 'file:///etc/passwd' }, false],
  ])('%s %j → %s', (type, args, expected) => {
    expect(ok('content', type, args)).toBe(expected);
  });
});

describe('replies', () => {
  const view = { key: 'k', accountId: 'local', name: 'N', tags: [], format: 'ob2.0-hosted', verdict: 'valid', recipient: null, pending: false };
  it('checks the envelope and key fields of popup replies', () => {
    expect(isReply({ ok: true, value: [view] }, guards.popup.reply['badges/list'])).toBe(true);
    expect(isReply({ ok: true, value: [{ ...view, verdict: 'great' }] }, guards.popup.reply['badges/list'])).toBe(false);
    expect(isReply({ ok: true, value: { imported: 2, skipped: 0 } }, guards.popup.reply['backup/import'])).toBe(true);
    expect(isReply({ ok: true, value: { imported: -1, skipped: 0 } }, guards.popup.reply['backup/import'])).toBe(false);
    const detail = { ...view, checks: [{ id: 'parse', outcome: 'pass', message: 'ok' }], evidence: [], alignments: [], claimedRecipients: [] };
    expect(isReply({ ok: true, value: detail }, guards.popup.reply['badges/get'])).toBe(true);
    expect(isReply({ ok: true, value: { ...detail, checks: [{ id: 'parse', outcome: 'maybe', message: 'x' }] } }, guards.popup.reply['badges/get'])).toBe(false);
  });

  it('lets nothing extra reach a content script (a token could not ride along)', () => {
    const badge = { key: 'k', name: 'N', verdict: 'valid' };
    expect(isReply({ ok: true, value: [badge] }, guards.content.reply['picker/list'])).toBe(true);
    expect(isReply({ ok: true, value: [{ ...badge, accessToken: 'secret' }] }, guards.content.reply['picker/list'])).toBe(false);
    expect(isReply({ ok: true, value: { html: '<b>x</b>', text: 'x', token: 't' } }, guards.content.reply['picker/card'])).toBe(false);
    const hover = { verdict: 'valid', name: 'N', message: 'Verified' };
    expect(isReply({ ok: true, value: hover }, guards.content.reply['hover/verify'])).toBe(true);
    expect(isReply({ ok: true, value: { ...hover, recipient: 'ada@example.org' } }, guards.content.reply['hover/verify'])).toBe(false);
    // Nor whose badge it is (an answer about the user's addresses: content.ts verifies hovered badges without them).
    expect(isReply({ ok: true, value: { ...hover, issuedToYou: true } }, guards.content.reply['hover/verify'])).toBe(false);
  });
});
