import { describe, expect, it } from 'vitest';
import type { PopupToBackground, Reply } from '../../src/messaging/protocol.ts';
import type { Send } from '../../src/messaging/send.ts';
import { createActions, type PopupPlatform } from '../../src/popup/actions.ts';
import { parseMessage } from '../../src/messaging/validate.ts';
import { normalizeBaseUrl, originPattern } from '../../src/popup/hosts.ts';

function setup(opts: { grant?: boolean; reply?: (type: string, args: unknown) => Reply<unknown>; tab?: string; has?: boolean } = {}) {
  const log: string[] = [];
  const sent: { type: string; args: unknown }[] = [];
  const saved: { name: string; type: string; data: Blob | string }[] = [];
  const send = (async (type: string, args: unknown) => {
    log.push(`send ${type}`);
    sent.push({ type, args });
    return opts.reply?.(type, args) ?? { ok: true, value: {} };
  }) as Send<PopupToBackground>;
  const platform: PopupPlatform = {
    async requestOrigins(patterns) {
      log.push(`request ${patterns.join(' ')}`);
      return opts.grant ?? true;
    },
    currentTabUrl: async () => opts.tab,
    hasOrigins: async () => opts.has ?? false,
    saveFile: (name, type, data) => saved.push({ name, type, data }),
    async copy() {
      throw new Error('denied');
    },
  };
  return { actions: createActions(send, platform), log, sent, saved };
}

describe('importing a pasted link', () => {
  it('asks for its host first thing (the click\'s gesture), then imports; refused, it imports all the same', async () => {
    const granted = setup();
    await granted.actions.importBadge({ kind: 'text', text: ' https://badges.example.org/a/1 ' });
    expect(granted.log).toEqual(['request https://badges.example.org/*', 'send hosts/confirm', 'send badges/import']);
    const refused = setup({ grant: false });
    await refused.actions.importBadge({ kind: 'text', text: 'http://127.0.0.1:9/a' });
    expect(refused.log).toEqual(['request http://127.0.0.1/*', 'send badges/import']);
  });

  it("a Credly badge page asks for the host its badge data is read from (api.credly.com), not the page's", async () => {
    const { actions, log, sent } = setup();
    const page = 'https://www.credly.com/badges/0b1e0f5c-1234-4abc-9def-0123456789ab/public_url';
    await actions.importBadge({ kind: 'text', text: page });
    expect(log).toEqual(['request https://api.credly.com/*', 'send hosts/confirm', 'send badges/import']);
    // The page is what is sent: the background maps it too (library.ts import).
    expect(sent.at(-1)?.args).toEqual({ source: { kind: 'text', text: page } });
  });

  it('a link pasted without its https:// (www.credly.com/badges/…, typed or copied from a card) is read as the https link it names', async () => {
    const { actions, log, sent } = setup();
    await actions.importBadge({ kind: 'text', text: ' badges.example.org/assertions/1 ' });
    expect(log).toEqual(['request https://badges.example.org/*', 'send hosts/confirm', 'send badges/import']);
    expect(sent.at(-1)?.args).toEqual({ source: { kind: 'text', text: 'https://badges.example.org/assertions/1' } });
    // Text that is no host and path is sent as it is (a JWS, JSON, a word): the background says what it is.
    for (const text of ['eyJhbGciOiJFZERTQSJ9.e30.c2ln', 'hello there', 'example.org', '{"a":"b/c"}']) {
      await actions.importBadge({ kind: 'text', text });
      expect(sent.at(-1)?.args).toEqual({ source: { kind: 'text', text } });
    }
  });

  it('a pasted text too long for a text message (a credential with its image inside) goes as a file; past a file\'s limit it is refused as too large', async () => {
    const { actions, sent } = setup();
    const json = JSON.stringify({ type: 'VerifiableCredential', image: `data:image/png;base64,${'A'.repeat(3 * 1024 * 1024)}` });
    await actions.importBadge({ kind: 'text', text: json });
    const source = (sent.at(-1)?.args as { source: { kind: string; base64: string } }).source;
    // The worker's own guard: a text this long was refused as a bad message ("Something went wrong inside Lanyard").
    expect(parseMessage('popup', { type: 'badges/import', args: { source } }).ok).toBe(true);
    expect(source.kind).toBe('file');
    expect(Buffer.from(source.base64, 'base64').toString('utf8')).toBe(json);
    const before = sent.length;
    const huge = await actions.importBadge({ kind: 'text', text: 'x'.repeat(9 * 1024 * 1024) });
    expect(huge).toMatchObject({ ok: false, error: { code: 'ERR_PASTE_TOO_LARGE' } });
    expect(sent.length).toBe(before);
  });

  it('asks nothing for a pasted JWS or a file', async () => {
    const { actions, log } = setup();
    await actions.importBadge({ kind: 'text', text: 'eyJhbGciOiJFZERTQSJ9.e30.c2ln' });
    await actions.importBadge({ kind: 'file', name: 'b.png', base64: 'iVBORw==' });
    expect(log).toEqual(['send badges/import', 'send badges/import']);
  });
});

describe('the real actions', () => {
  it('send exactly the protocol messages', async () => {
    const { actions, sent } = setup();
    await actions.getState();
    await actions.listBadges();
    await actions.listBadges(20);
    await actions.getBadge('k');
    await actions.verify();
    await actions.verify('k');
    await actions.startSync();
    await actions.startSync('a');
    await actions.importBadge({ kind: 'text', text: 'https://x.example/a' });
    await actions.addEmail('a', 'x@y.example');
    await actions.makePrimaryEmail('a', '1');
    await actions.cancelEmailChange('a');
    await actions.saveSettings({ syncIntervalMinutes: 30 });
    await actions.importBackup('{}');
    expect(sent).toEqual([
      { type: 'state/get', args: {} },
      { type: 'badges/list', args: {} },
      { type: 'badges/list', args: { limit: 20 } },
      { type: 'badges/get', args: { key: 'k' } },
      { type: 'badges/verify', args: {} },
      { type: 'badges/verify', args: { key: 'k' } },
      { type: 'sync/start', args: {} },
      { type: 'sync/start', args: { accountId: 'a' } },
      { type: 'hosts/confirm', args: { patterns: ['https://x.example/*'] } },
      { type: 'badges/import', args: { source: { kind: 'text', text: 'https://x.example/a' } } },
      { type: 'emails/add', args: { accountId: 'a', email: 'x@y.example' } },
      { type: 'emails/make-primary', args: { accountId: 'a', id: '1' } },
      { type: 'emails/cancel', args: { accountId: 'a' } },
      { type: 'settings/set', args: { settings: { syncIntervalMinutes: 30 } } },
      { type: 'backup/import', args: { json: '{}' } },
    ]);
  });

  it('sign-in asks for host access to the backpack first, and stops if refused', async () => {
    const ok = setup();
    await ok.actions.signIn({ kind: 'badgr', baseUrl: 'http://127.0.0.1:8787', username: 'a', password: 'b' });
    expect(ok.log).toEqual(['request http://127.0.0.1/*', 'send hosts/confirm', 'send accounts/sign-in']);
    const no = setup({ grant: false });
    const r = await no.actions.signIn({ kind: 'ob3', baseUrl: 'https://wallet.example' });
    expect(no.log).toEqual(['request https://wallet.example/*']);
    expect(r).toMatchObject({ ok: false, error: { code: 'ERR_HOST_PERMISSION_DENIED' } });
    const bad = setup();
    expect(await bad.actions.signIn({ kind: 'ob3', baseUrl: 'http://wallet.example' })).toMatchObject({ ok: false, error: { code: 'ERR_BAD_URL' } });
    expect(bad.log).toEqual([]);
  });

  it('verify-on-hover never asks for all sites: one site, the current tab’s, from the click (issue 12 point 6)', async () => {
    const on = setup();
    await on.actions.setHoverVerify(true);
    await on.actions.setHoverVerify(false);
    expect(on.log).toEqual(['send settings/set', 'send settings/set']);
    const site = setup({ tab: 'https://blog.example/2026/post?x=1', reply: (type) => ({ ok: true, value: type === 'hover/sites' ? { sites: [] } : {} }) });
    const view = await site.actions.hoverSites();
    expect(view).toEqual({ ok: true, value: { sites: [], current: { pattern: 'https://blog.example/*', host: 'blog.example', granted: false } } });
    await site.actions.setHoverSite('https://blog.example/*', true, false);
    expect(site.log.slice(1)).toEqual(['request https://blog.example/*', 'send hover/site-add', 'send settings/set']);
    expect(site.sent.find((m) => m.type === 'hover/site-add')?.args).toEqual({ pattern: 'https://blog.example/*', addedGrant: true });
    await site.actions.setHoverSite('https://blog.example/*', false, true);
    expect(site.log.at(-1)).toBe('send hover/site-remove');
    const refused = setup({ grant: false });
    expect(await refused.actions.setHoverSite('https://blog.example/*', true, false)).toMatchObject({ ok: false, error: { code: 'ERR_HOST_PERMISSION_DENIED' } });
    expect(refused.log).toEqual(['request https://blog.example/*']);
    const noPage = setup({ reply: () => ({ ok: true, value: { sites: ['https://a.example/*'] } }) });
    expect(await noPage.actions.hoverSites()).toEqual({ ok: true, value: { sites: ['https://a.example/*'] } });
  });

  it('hosts granted for verification are confirmed, so sync may use them even if hover asked first', async () => {
    const a = setup();
    expect(await a.actions.allowHosts(['https://issuer.example/a', 'javascript:alert(1)'])).toBe(true);
    expect(a.sent).toEqual([{ type: 'hosts/confirm', args: { patterns: ['https://issuer.example/*'] } }]);
    const no = setup({ grant: false });
    expect(await no.actions.allowHosts(['https://issuer.example/a'])).toBe(false);
    expect(no.sent).toEqual([]);
  });

  it('downloads save the decoded bytes; export saves the JSON', async () => {
    const { actions, saved } = setup({
      reply: (type) => (type === 'badges/download' ? { ok: true, value: { fileName: 'b.png', mimeType: 'image/png', base64: 'iVBORw==' } } : { ok: true, value: { fileName: 'backup.json', json: '{"v":1}' } }),
    });
    expect(await actions.download('k', 'baked')).toEqual({ ok: true, value: { fileName: 'b.png' } });
    expect(await actions.exportBackup()).toEqual({ ok: true, value: { fileName: 'backup.json' } });
    expect(saved[0]?.name).toBe('b.png');
    expect([...new Uint8Array(await (saved[0]?.data as Blob).arrayBuffer())]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(saved[1]).toEqual({ name: 'backup.json', type: 'application/json', data: '{"v":1}' });
  });

  it('never throws: a send that throws and a clipboard that refuses come back as errors', async () => {
    const { actions } = setup({
      reply: () => {
        throw new TypeError('guard is not a function');
      },
    });
    expect(await actions.getState()).toEqual({ ok: false, error: { code: 'ERR_TRANSPORT', message: 'guard is not a function' } });
    expect(await actions.copy('x')).toEqual({ ok: false, error: { code: 'ERR_CLIPBOARD', message: 'denied' } });
  });
});

describe('hosts', () => {
  it('accepts https, and http only on this machine', () => {
    expect(normalizeBaseUrl('api.eu.badgr.io/')).toBe('https://api.eu.badgr.io');
    expect(normalizeBaseUrl('http://localhost:8787/')).toBe('http://localhost:8787');
    expect(normalizeBaseUrl('http://badgr.example')).toBeUndefined();
    expect(normalizeBaseUrl('https://u:p@badgr.example')).toBeUndefined();
    expect(normalizeBaseUrl('javascript:alert(1)')).toBeUndefined();
    expect(originPattern('https://api.badgr.io/v2')).toBe('https://api.badgr.io/*');
    // Hosts Chromium's parser would keep percent-encoded (the browser test types one into the form).
    expect(normalizeBaseUrl('https://not%20a%20url')).toBeUndefined();
    expect(normalizeBaseUrl('https://bad"host.example')).toBeUndefined();
    expect(normalizeBaseUrl('bücher.example')).toBe('https://xn--bcher-kva.example');
    expect(normalizeBaseUrl('http://[::1]:8787')).toBeUndefined();
    expect(normalizeBaseUrl('https://[2001:db8::1]/')).toBe('https://[2001:db8::1]');
  });
});
