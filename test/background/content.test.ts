/** What content scripts may ask: pickers, cards, LinkedIn links and hover verification; and settings. */
import { beforeAll, describe, expect, it } from 'vitest';
import { pngWithoutBadge } from '../../src/core/input/png.ts';
import { createRouter } from '../../src/background/router.ts';
import { contentHandlers, popupHandlers } from '../../src/background/handlers.ts';
import { guards, isReply } from '../../src/messaging/validate.ts';
import { badgrSignIn, harness, useBackpack, type Harness } from './harness.ts';
import { fakeI18n } from '../content/support/runtime.ts';
import { pickerHandle } from '../../src/background/services/picker-handles.ts';
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import type { Messages } from '../../src/popup/i18n.ts';

const ctx = useBackpack();

/** Runs `fn` with the French messages as the browser's (the background reads its i18n at each call: platform/i18n.ts). */
async function inFrench(fn: () => Promise<void>): Promise<void> {
  const g = globalThis as { chrome?: unknown };
  const before = g.chrome;
  g.chrome = { i18n: fakeI18n(fr as Messages) };
  try {
    await fn();
  } finally {
    g.chrome = before;
  }
}
let h: Harness;
let id: string;

beforeAll(async () => {
  h = await harness();
  id = (await badgrSignIn(h, ctx.bp.baseUrl)).id;
  await h.app.sync.run(id);
  // Hover checks against the confirmed addresses: Ada's school address counts once her backpack is trusted.
  await h.app.accounts.setTrust(id, true);
});

describe('pickers', () => {
  it('lists the user’s badges by name, issuer or tag: not pending, not invalid', async () => {
    const all = await h.app.content.pickerList('');
    expect(all.map((b) => b.name).sort()).toEqual(['Analytical Engine Programmer', 'Notes on the Engine', 'Poetical Science']);
    expect((await h.app.content.pickerList('analytical')).map((b) => b.name).sort()).toEqual(['Analytical Engine Programmer', 'Notes on the Engine']);
    expect(await h.app.content.pickerList('guild')).toEqual([expect.objectContaining({ name: 'Poetical Science', issuerName: 'Difference Engine Guild' })]);
    for (const b of all) expect(Object.keys(b).every((k) => ['key', 'name', 'image', 'issuerName', 'issuedOn', 'expires', 'verdict', 'publicUrl', 'credentialId'].includes(k))).toBe(true);
  });

  it('finds a badge without a name by the words the picker shows for it, in the browser’s language', async () => {
    const base = (await h.db.badges.get(`${id}|ada-programmer`))!;
    await inFrench(async () => {
      // A record of this version (no name, its reason) and one an older version stored with English words.
      await h.db.badges.put({ ...base, key: `${id}|nameless-new`, meta: { ...base.meta, name: '', noName: 'untitled' } });
      await h.db.badges.put({ ...base, key: `${id}|nameless-old`, meta: { ...base.meta, name: 'Unreadable badge' } });
      expect((await h.app.content.pickerList('sans titre')).map((b) => b.key)).toEqual([await pickerHandle(`${id}|nameless-new`)]);
      expect((await h.app.content.pickerList('ILLISIBLE')).map((b) => b.key)).toEqual([await pickerHandle(`${id}|nameless-old`)]);
      // Not by the English words the French picker does not show.
      expect(await h.app.content.pickerList('unreadable')).toEqual([]);
      await h.db.badges.delete(`${id}|nameless-new`);
      await h.db.badges.delete(`${id}|nameless-old`);
    });
  });

  it('a badge kept as its baked image shows that picture in the picker, from the message (no request the page could see)', async () => {
    const rows = await h.app.content.pickerList('');
    const stored = await Promise.all((await h.db.badges.all()).map(async (r) => ({ r, handle: await pickerHandle(r.key) })));
    const baked = stored.filter(({ r, handle }) => r.original.kind === 'png' && rows.some((b) => b.key === handle));
    expect(baked.length).toBeGreaterThan(0);
    for (const { r, handle } of baked) {
      const bytes = (await h.db.originals.get(r.key))!.bytes;
      // The picture, without the credential it carries (picker-images-unbaked.test.ts).
      const picture = pngWithoutBadge(bytes);
      expect(picture.length).toBeLessThan(bytes.length);
      expect(rows.find((b) => b.key === handle)?.image).toBe(`data:image/png;base64,${Buffer.from(picture).toString('base64')}`);
    }
    // Both sides of the messaging accept the rows as they are.
    expect(guards.content.reply['picker/list'](rows)).toBe(true);
  });

  it('builds an escaped card and a LinkedIn link with the organization id from settings', async () => {
    const key = await pickerHandle(`${id}|ada-programmer`);
    const card = await h.app.content.card(key);
    expect(card.html).toContain('Analytical Engine Programmer');
    expect(card.url).toBe(`${ctx.bp.baseUrl}/public/assertions/ada-programmer`);
    expect(card.text).toContain('Analytical Society');
    const issuerId = (await h.db.badges.get(`${id}|ada-programmer`))!.meta.issuerId!;
    await h.app.settings.set({ linkedInOrgIds: { [issuerId]: '1337' } });
    const u = new URL((await h.app.content.linkedInUrl(key)).url);
    expect(u.origin + u.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(u.searchParams)).toMatchObject({ name: 'Analytical Engine Programmer', organizationId: '1337', issueYear: '2026', issueMonth: '3', certId: 'ada-programmer' });
    // The test backpack is on 127.0.0.1: LinkedIn is given no link its readers cannot open (core/share/linkedin.ts linkedInLink).
    expect(u.searchParams.has('certUrl')).toBe(false);
    const record = (await h.db.badges.get(`${id}|ada-programmer`))!;
    const publicUrl = 'https://badges.example/public/assertions/ada-programmer';
    await h.db.badges.put({ ...record, key: `${id}|ada-public`, meta: { ...record.meta, publicUrl } });
    expect(new URL((await h.app.content.linkedInUrl(await pickerHandle(`${id}|ada-public`))).url).searchParams.get('certUrl')).toBe(publicUrl);
    // A LinkedIn post's sentence carries no link on a private network either: LinkedIn cannot preview it, nor its readers open it.
    const post = await h.app.content.card(key, true);
    expect(post.url).toBeUndefined();
    expect(post.text).toMatch(/^I earned the badge “Analytical Engine Programmer” from Analytical Society\.$/);
    expect(post.html).not.toContain(card.url);
    expect((await h.app.content.card(await pickerHandle(`${id}|ada-public`), true)).url).toBe(publicUrl);
    await h.db.badges.delete(`${id}|ada-public`);
    await expect(h.app.content.card('nope')).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
  });

  it('writes the card and sentence content scripts insert in the browser’s language (English without an extension)', async () => {
    const key = await pickerHandle(`${id}|ada-programmer`);
    const english = await h.app.content.card(key);
    expect(english.html).toContain('View and verify this badge');
    expect(english.text).toMatch(/^I earned the badge “Analytical Engine Programmer” from Analytical Society\./);
    await inFrench(async () => {
      const french = await h.app.content.card(key);
      expect(french.html).toContain('Voir et vérifier ce badge');
      expect(french.html).toContain('Délivré par Analytical Society');
      expect(french.html).toMatch(/mars 2026/);
      expect(french.html).not.toContain('View and verify');
      expect(french.text).toContain('Analytical Engine Programmer');
      expect(french.text).not.toContain('I earned');
    });
  });

  it('a badge stored without a name (or with the English words older versions stored) is shared as an Open Badge, in the browser’s language', async () => {
    const base = (await h.db.badges.get(`${id}|ada-programmer`))!;
    await inFrench(async () => {
      for (const [key, meta] of [[`${id}|nameless-new`, { name: '', noName: 'untitled' as const }], [`${id}|nameless-old`, { name: 'Untitled badge' }]] as const) {
        await h.db.badges.put({ ...base, key, meta: { ...base.meta, ...meta } });
        const card = await h.app.content.card(await pickerHandle(key));
        expect(card.html, key).toContain('Open Badge');
        expect(card.text, key).toMatch(/^J’ai obtenu un Open Badge délivré par Analytical Society\./);
        for (const s of [card.html, card.text]) expect(s, key).not.toMatch(/Untitled|sans titre/);
        expect(new URL((await h.app.content.linkedInUrl(await pickerHandle(key))).url).searchParams.get('name'), key).toBe('Open Badge');
        await h.db.badges.delete(key);
      }
    });
  });
});

/** A hover script's sender: the top frame of a page on a hover site. */
const FROM = { id: 'pakfgahhhefpnaajfclapgchhifablpl', url: 'https://blog.example/2026/my-badges', tab: { id: 7 }, frameId: 0 };

describe('hover verification', () => {
  it('is off until the user turns it on; then verifies, and reuses the verdict for a while', async () => {
    const target = `${ctx.bp.baseUrl}/public/assertions/ada-poetical`;
    await expect(h.app.content.hoverVerify(target, FROM)).rejects.toMatchObject({ code: 'ERR_DISABLED' });
    await h.app.settings.set({ hoverVerify: true });
    await expect(h.app.content.hoverVerify(target, FROM)).rejects.toMatchObject({ code: 'ERR_FORBIDDEN_SENDER' });
    await h.app.hoverSites.add('https://blog.example/*', true);
    h.granted.add('https://blog.example/*');
    // Past the second of the two refusals (they count against the tab's rate too).
    h.clock.offsetMs += 1000;
    const v = await h.app.content.hoverVerify(target, FROM);
    // issuerSite: where the checks place the issuer (its id's host), beside the name it gives itself.
    expect(v).toEqual({ verdict: 'valid', name: 'Poetical Science', issuerName: 'Difference Engine Guild', issuerSite: new URL(ctx.bp.baseUrl).host, issuedOn: '2026-04-10T09:30:00Z', message: 'Verified: issued by Difference Engine Guild' });
    const before = h.fetched.length;
    expect(await h.app.content.hoverVerify(target, FROM)).toEqual(v);
    expect(h.fetched.length).toBe(before);
    const revoked = await h.app.content.hoverVerify(`${ctx.bp.baseUrl}/public/assertions/ada-retired-revoked`, FROM);
    expect(revoked).toMatchObject({ verdict: 'invalid', message: expect.stringContaining('Revoked') });
  });

  it('says whether a badge is genuine, never whose it is: someone else’s genuine badge is valid', async () => {
    // Before: checked against Ada's confirmed addresses, Grace's genuine badge on her own blog was "invalid: issued to someone else",
    // and a page could host badges made out to guessed addresses and read which one was "issued to you".
    const grace = `${ctx.bp.baseUrl}/public/assertions/grace-compiler`;
    const v = await h.app.content.hoverVerify(grace, { ...FROM, tab: { id: 9 } });
    expect(v).toMatchObject({ verdict: 'valid', name: 'Compiler Pioneer' });
    expect(v).not.toHaveProperty('issuedToYou');
  });
});

describe('hover verification and private networks', () => {
  it('does not reach a private host a page points at, unless it is one of the user’s backpacks', async () => {
    const fresh = await harness();
    await fresh.app.settings.set({ hoverVerify: true });
    await fresh.app.hoverSites.add('https://blog.example/*', true);
    fresh.granted.add('https://blog.example/*');
    const v = await fresh.app.content.hoverVerify(`${ctx.bp.baseUrl}/public/assertions/ada-poetical`, FROM);
    expect(v).toMatchObject({ verdict: 'indeterminate', message: expect.stringContaining('is on a local or private network') });
    expect(fresh.fetched).toEqual([]);
  });
});

describe('settings', () => {
  it('keeps settings in storage.local and moves the sync alarm with the interval', async () => {
    expect(await h.app.settings.set({ syncIntervalMinutes: 30 })).toMatchObject({ syncIntervalMinutes: 30 });
    expect(h.platform.alarms.periodic.get('sync')).toBe(30);
    expect(await h.app.settings.get()).toMatchObject({ hoverVerify: true, syncIntervalMinutes: 30 });
  });
});

describe('the router over the real services', () => {
  const ID = 'pakfgahhhefpnaajfclapgchhifablpl';
  const route = () =>
    createRouter({ extensionId: ID, extensionOrigin: `chrome-extension://${ID}/`, handlers: { popup: popupHandlers({ version: '0.1.0', app: async () => h.app }), content: contentHandlers({ version: '0.1.0', app: async () => h.app }) } });
  const content = { id: ID, url: 'https://www.linkedin.com/in/ada/', tab: { id: 4 } };
  const popup = { id: ID, url: `chrome-extension://${ID}/src/popup/index.html` };

  it('answers content scripts with badge facts only, never a token, and refuses them popup messages', async () => {
    const tokens = [...h.platform.session.map.values()].map((t) => t.accessToken);
    const refresh = (await h.db.secrets.all()).map((s) => (s.kind === 'refresh' ? s.refreshToken : s.clientSecret));
    const r = route();
    await h.app.hoverSites.add('https://www.linkedin.com/*', false);
    h.granted.add('https://www.linkedin.com/*');
    const replies = [
      await r({ type: 'picker/list', args: { query: '' } }, content),
      await r({ type: 'picker/card', args: { key: await pickerHandle(`${id}|ada-programmer`) } }, content),
      await r({ type: 'picker/linkedin-url', args: { key: await pickerHandle(`${id}|ada-programmer`) } }, content),
      await r({ type: 'hover/verify', args: { url: `${ctx.bp.baseUrl}/public/assertions/ada-poetical` } }, content),
    ];
    expect(replies.every((x) => x.ok)).toBe(true);
    expect(isReply(replies[0], guards.content.reply['picker/list'])).toBe(true);
    expect(isReply(replies[1], guards.content.reply['picker/card'])).toBe(true);
    expect(isReply(replies[3], guards.content.reply['hover/verify'])).toBe(true);
    const text = JSON.stringify(replies);
    for (const secret of [...tokens, ...refresh]) expect(text).not.toContain(secret);
    expect(text).not.toContain('ada@example.org');
    for (const type of ['state/get', 'emails/list', 'backup/export', 'badges/get']) {
      expect(await r({ type, args: {} }, content)).toMatchObject({ ok: false, error: { code: 'ERR_UNKNOWN_MESSAGE' } });
    }
  });

  it('answers the popup, and its replies pass the popup guards', async () => {
    const r = route();
    const state = await r({ type: 'state/get', args: {} }, popup);
    expect(isReply(state, guards.popup.reply['state/get'])).toBe(true);
    expect(state).toMatchObject({ ok: true, value: { badgeCount: expect.any(Number), identities: expect.arrayContaining(['ada@example.org']) } });
    const list = await r({ type: 'badges/list', args: {} }, popup);
    expect(isReply(list, guards.popup.reply['badges/list'])).toBe(true);
    const detail = await r({ type: 'badges/get', args: { key: `${id}|ada-programmer` } }, popup);
    expect(isReply(detail, guards.popup.reply['badges/get'])).toBe(true);
    expect(await r({ type: 'badges/get', args: { key: 'missing' } }, popup)).toMatchObject({ ok: false, error: { code: 'ERR_NOT_FOUND' } });
    expect(JSON.stringify(state)).not.toContain(h.platform.session.map.get(id)!.accessToken);
  });
});
