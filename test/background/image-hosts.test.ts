/**
 * Hostile review (session 11): a badge's picture on the user's local network. Anyone can issue a
 * badge to the user's address; a backpack lists it and sync brings it in. Its `image` was handed to
 * the popup (list, badge page) and to the pickers on LinkedIn and web mail, which load it with an
 * <img>: `http://192.168.1.1/cgi-bin/…` made the browser send a GET into the user's network every
 * time it was shown (in Firefox, and from the popup, nothing stops it). Now such a picture is
 * dropped, as hover verification refuses those hosts, except on the user's own backpacks' origins.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { reachableImage } from '../../src/background/services/image-hosts.ts';
import { badgrSignIn, harness, useBackpack, type Harness } from './harness.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';
import { pickerHandle } from '../../src/background/services/picker-handles.ts';

describe('reachableImage', () => {
  it('drops an http(s) picture on a local or private host, however it is spelled', () => {
    for (const bad of [
      'http://192.168.1.1/cgi-bin/reboot.cgi',
      'http://10.0.0.1/x.png',
      'http://localhost:8080/admin/delete?all=1',
      'http://127.0.0.1:8787/x.png',
      'http://0x7f.1/x.png',
      'http://2130706433/x.png',
      'http://[::ffff:127.0.0.1]/x.png',
      'http://[::1]:631/jobs',
      'https://router.lan/x.png',
      'http://printer/x.png',
      'http://169.254.169.254/latest/meta-data/',
      ' ht\ttp://10.0.0.1/x.png',
      'HTTP://192.168.0.1/x.png',
    ]) {
      expect(reachableImage(bad, []), bad).toBeUndefined();
    }
  });

  it('keeps public pictures, data: pictures, and pictures on the user’s own backpacks', () => {
    for (const ok of ['https://badges.example.org/b.png', 'data:image/png;base64,iVBORw0KGgo=', 'data:image/svg+xml,%3Csvg%3E']) expect(reachableImage(ok, [])).toBe(ok);
    expect(reachableImage('http://127.0.0.1:8787/public/assertions/a/image', ['http://127.0.0.1:8787'])).toBe('http://127.0.0.1:8787/public/assertions/a/image');
    // Another port of the same address is another origin.
    expect(reachableImage('http://127.0.0.1:8080/x.png', ['http://127.0.0.1:8787'])).toBeUndefined();
    expect(reachableImage(undefined, [])).toBeUndefined();
  });
});

describe('what the popup and the pickers are given', () => {
  const ctx = useBackpack();
  let h: Harness;
  let planted: BadgeRecord;
  const LAN = 'http://192.168.1.1/cgi-bin/apply.cgi?action=reboot';

  beforeAll(async () => {
    h = await harness();
    const id = (await badgrSignIn(h, ctx.bp.baseUrl)).id;
    await h.app.sync.run(id);
    // A badge as a hostile issuer would write it: a valid record whose picture is on the user's network.
    const some = (await h.db.badges.all()).find((r) => r.verdict === 'valid')!;
    planted = { ...some, key: 'local:lan-picture', meta: { ...some.meta, name: 'LAN picture', image: LAN } };
    await h.db.badges.put(planted);
  });

  it('the list, the badge page and the picker get no picture on the user’s network; the backpack’s own pictures stay in the popup', async () => {
    const list = await h.app.library.list();
    expect(list.find((b) => b.key === planted.key)).toBeDefined();
    expect(list.find((b) => b.key === planted.key)?.image).toBeUndefined();
    expect((await h.app.library.list(1000)).find((b) => b.key === planted.key)?.image).toBeUndefined();
    expect((await h.app.library.get(planted.key)).image).toBeUndefined();
    const picker = await h.app.content.pickerList('LAN picture');
    expect(picker.map((b) => b.key)).toEqual([await pickerHandle(planted.key)]);
    expect(picker[0]?.image).toBeUndefined();
    // The test backpack is at http://127.0.0.1:<port>, a loopback origin: the user's own, so its pictures are shown.
    const own = list.filter((b) => b.key !== planted.key && b.image?.startsWith(ctx.bp.baseUrl));
    expect(own.length).toBeGreaterThan(0);
  });

  it('a picker row carries a picture only when the message holds it (data:), never a URL the page would request', async () => {
    // The picker is in the page's document: the page's service worker would see every picture URL (picker-leak.test.ts).
    const rows = await h.app.content.pickerList('');
    expect(rows.length).toBeGreaterThan(1);
    expect(rows.filter((b) => b.image !== undefined && !b.image.startsWith('data:image/'))).toEqual([]);
    const some = (await h.db.badges.all()).find((r) => r.verdict === 'valid' && r.key !== planted.key)!;
    // A 1×1 PNG: a picture the pickers show must read as one (picker-images-unbaked.test.ts).
    const small = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    await h.db.badges.put({ ...some, key: 'local:data-picture', meta: { ...some.meta, name: 'Data picture', image: small } });
    await h.db.badges.put({ ...some, key: 'local:huge-picture', meta: { ...some.meta, name: 'Huge picture', image: `data:image/png;base64,${'A'.repeat(200_000)}` } });
    expect((await h.app.content.pickerList('Data picture'))[0]?.image).toBe(small);
    expect((await h.app.content.pickerList('Huge picture'))[0]?.image).toBeUndefined();
  });

  it('a card for a mail or a post carries no picture on a private host, not even the backpack’s own', async () => {
    const card = await h.app.content.card(await pickerHandle(planted.key));
    expect(card.html).not.toContain('192.168.1.1');
    expect(card.html).not.toContain('<img');
    // One the pickers list (content-picker-only.test.ts: a badge that failed or is pending is not given to a page).
    const ownKey = (await h.db.badges.all()).find((r) => r.key !== planted.key && !r.pending && r.verdict !== 'invalid' && r.meta.image?.startsWith(ctx.bp.baseUrl))!.key;
    // Its readers' networks are not the user's: a loopback picture would point at their own machines.
    expect((await h.app.content.card(await pickerHandle(ownKey))).html).not.toContain('<img');
  });
});
