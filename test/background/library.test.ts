/** The local backpack: import (URL, PNG, SVG, JSON, JWS), list, detail, remove, verify again, downloads, and the backup round trip. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../src/background/services/base64.ts';
import { parseMessage } from '../../src/messaging/validate.ts';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack();
const url = (p: string) => `${ctx.bp.baseUrl}${p}`;
const bytes = async (p: string) => new Uint8Array(await (await fetch(url(p))).arrayBuffer());
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64');
const text = (t: string) => ({ kind: 'text' as const, text: t });
const file = (name: string, u: Uint8Array) => ({ kind: 'file' as const, name, base64: b64(u) });
/** The PNG without its chunks of one type (PNG §5.3: length, type, data, CRC). */
function withoutChunk(png: Uint8Array, type: string): Uint8Array {
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  for (let at = 8; at < png.length; ) {
    const length = new DataView(png.buffer, png.byteOffset + at).getUint32(0);
    const end = at + 12 + length;
    if (new TextDecoder().decode(png.subarray(at + 4, at + 8)) !== type) parts.push(png.subarray(at, end));
    at = end;
  }
  return Buffer.concat(parts);
}

describe('import', () => {
  it('verifies and stores each kind of input with its original bytes', async () => {
    const h = await harness();
    const png = await bytes('/public/assertions/ada-programmer/baked');
    const jws = await (await fetch(url('/ob3/credentials/ob3-ada-jwt-eddsa'))).text();
    const json = await (await fetch(url('/ob3/credentials/ob3-ada-di'))).text();
    const svg = new Uint8Array(readFileSync('test/fixtures/conformance/baking/ob30_simple-json.svg'));
    const views = [
      await h.app.library.import(text(url('/public/assertions/ada-poetical'))),
      await h.app.library.import(file('programmer.png', png)),
      await h.app.library.import(text(jws)),
      await h.app.library.import(file('di.json', new TextEncoder().encode(json))),
      await h.app.library.import(file('simple.svg', svg)),
    ];
    expect(views.slice(0, 4).map((v) => v.verdict)).toEqual(['valid', 'valid', 'valid', 'valid']);
    expect(views.every((v) => v.accountId === 'local')).toBe(true);
    const kinds = await Promise.all(views.map(async (v) => (await h.db.badges.get(v.key))!.original.kind));
    expect(kinds).toEqual(['url', 'png', 'jws', 'json', 'svg']);
    expect((await h.db.originals.get(views[1]!.key))!.bytes).toEqual(png);
    expect((await h.app.library.list()).map((v) => v.key).sort()).toEqual(views.map((v) => v.key).sort());
  });

  it('lists newest first, and with a limit only the newest (the first screen)', async () => {
    const h = await harness();
    for (const id of ['ada-programmer', 'ada-poetical', 'ada-first-aid-expired', 'ada-retired-revoked']) await h.app.library.import(text(url(`/public/assertions/${id}`)));
    const all = await h.app.library.list();
    expect(all).toHaveLength(4);
    const times = all.map((v) => Date.parse(v.issuedOn!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all[0]!.name).toBe((await h.app.library.get(all[0]!.key)).name);
    const two = await h.app.library.list(2);
    expect(two.map((v) => v.key)).toEqual(all.slice(0, 2).map((v) => v.key));
    expect(await h.app.library.list(10)).toEqual(all);
  });

  it('adds a W3C badge secured as an SD-JWT (RFC 9901), and refuses an SD-JWT that is no W3C credential, adding nothing', async () => {
    const h = await harness();
    const sdJwt = readFileSync('test/fixtures/real/waltid-identity/exchange-examples_w3c-sd-jwt.txt', 'utf8').trim();
    const view = await h.app.library.import(text(sdJwt));
    expect(view.name).toBe('JFF x vc-edu PlugFest 3 Interoperability');
    expect(await h.app.library.list()).toHaveLength(1);
    // An IETF SD-JWT VC (`vct`, typ dc+sd-jwt): read, not verified, not added.
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const vc = `${b64({ alg: 'ES256', typ: 'dc+sd-jwt' })}.${b64({ iss: 'https://issuer.test', vct: 'https://credentials.test/badge', _sd: [] })}.c2ln~`;
    const refused = h.app.library.import(text(vc));
    await expect(refused).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_CREDENTIAL' });
    await expect(refused).rejects.toThrow(/cannot add this credential yet.*SD-JWT/);
    expect(await h.app.library.list()).toHaveLength(1);
  });

  it('names a link it could not read in the browser\'s language (a French popup showed "Badge at 127.0.0.1:9")', async () => {
    const h = await harness();
    const g = globalThis as { chrome?: unknown };
    const before = g.chrome;
    g.chrome = { i18n: { getMessage: (key: string, subs: string[] = []) => (key === 'badgeAtHost' ? `Badge sur ${subs[0]}` : '') } };
    try {
      const view = await h.app.library.import(text('http://127.0.0.1:9/badges/1'));
      expect(view.name).toBe('Badge sur 127.0.0.1:9');
    } finally {
      g.chrome = before;
    }
  });

  it('refuses what is not a badge', async () => {
    const h = await harness();
    // With the engine's code for what it found, which the popup says in the reader's language (ReplyError `reason`).
    await expect(h.app.library.import(text('hello there'))).rejects.toMatchObject({ code: 'ERR_NOT_A_BADGE', reason: expect.stringMatching(/^ERR_PARSE_/) });
    await expect(h.app.library.import(file('x.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2])))).rejects.toMatchObject({ code: 'ERR_NOT_A_BADGE', reason: expect.stringMatching(/^ERR_PARSE_/) });
    expect(await h.db.badges.count()).toBe(0);
  });

  it('says when a picture carries no badge data, and what to fetch instead (a plain image is the commonest wrong file)', async () => {
    const h = await harness();
    // A sound PNG and SVG with no openbadges chunk or element: pictures, not baked badges.
    const png = new Uint8Array(readFileSync('test/fixtures/conformance/baking/ob30_simple-json.png'));
    const plainPng = withoutChunk(png, 'iTXt');
    const plainSvg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>');
    for (const [name, bytes] of [['picture.png', plainPng], ['picture.svg', plainSvg]] as const) {
      const refused = h.app.library.import(file(name, bytes));
      await expect(refused).rejects.toMatchObject({ code: 'ERR_NOT_BAKED' });
      await expect(refused).rejects.toThrow(/no badge data/);
    }
    expect(await h.db.badges.count()).toBe(0);
  });

  it('says when a PNG carries its badge only after its end (IEND), where no reader looks: not the plain-picture sentence', async () => {
    const h = await harness();
    const png = new Uint8Array(readFileSync('test/fixtures/conformance/baking/ob30_simple-json.png'));
    // The badge chunk moved past IEND, as a baker that appends to the file writes it.
    const at = (type: string) => {
      for (let i = 8; i < png.length; ) {
        const length = new DataView(png.buffer, png.byteOffset + i).getUint32(0);
        if (new TextDecoder().decode(png.subarray(i + 4, i + 8)) === type) return png.subarray(i, i + 12 + length);
        i += 12 + length;
      }
      throw new Error(type);
    };
    const appended = Buffer.concat([withoutChunk(png, 'iTXt'), at('iTXt')]);
    const refused = h.app.library.import(file('appended.png', appended));
    await expect(refused).rejects.toMatchObject({ code: 'ERR_BAKED_AFTER_END' });
    await expect(refused).rejects.toThrow(/only after the image's end \(its IEND chunk\)/);
    expect(await h.db.badges.count()).toBe(0);
  });

  it('says the same of a JPEG, GIF or WebP picture (the badge picture saved from a profile), which no badge is baked into', async () => {
    const h = await harness();
    const pictures: [string, number[]][] = [
      ['badge.jpg', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]],
      ['badge.gif', [...new TextEncoder().encode('GIF89a'), 1, 0, 1, 0, 0, 0, 0]],
      ['badge.webp', [...new TextEncoder().encode('RIFF'), 4, 0, 0, 0, ...new TextEncoder().encode('WEBPVP8 ')]],
    ];
    for (const [name, bytes] of pictures) {
      await expect(h.app.library.import(file(name, Uint8Array.from(bytes)))).rejects.toMatchObject({ code: 'ERR_NOT_BAKED' });
    }
    // Bytes that are no picture at all are still "not a badge".
    await expect(h.app.library.import(file('x.bin', Uint8Array.of(0, 1, 2, 0xff, 0xfe)))).rejects.toMatchObject({ code: 'ERR_NOT_A_BADGE' });
    expect(await h.db.badges.count()).toBe(0);
  });

  it('reads a compressed SVG (SVGZ, gzip) as the SVG it holds, and keeps that SVG; a gzip bomb is refused', async () => {
    const h = await harness();
    const svg = new Uint8Array(readFileSync('test/fixtures/conformance/baking/ob30_simple-json.svg'));
    const view = await h.app.library.import(file('simple.svgz', new Uint8Array(gzipSync(svg))));
    const stored = (await h.db.badges.get(view.key))!;
    expect(stored.original.kind).toBe('svg');
    // What is kept (downloaded, drawn in a picker) is the SVG itself, not its compressed bytes.
    expect((await h.db.originals.get(view.key))!.bytes).toEqual(svg);
    expect(view.name).toBe((await h.app.library.import(file('simple.svg', svg))).name);
    // 64 MiB of nothing in 64 KiB: refused at the cap, nothing kept.
    const bomb = new Uint8Array(gzipSync(new Uint8Array(64 * 1024 * 1024), { level: 9 }));
    await expect(h.app.library.import(file('bomb.svgz', bomb))).rejects.toMatchObject({ code: 'ERR_NOT_A_BADGE' });
    expect(await h.db.badges.count()).toBe(1);
  });

  it('stores one copy of a badge imported twice, keeping the baked image', async () => {
    const h = await harness();
    const png = await bytes('/public/assertions/ada-programmer/baked');
    const a = await h.app.library.import(file('a.png', png));
    const b = await h.app.library.import(text(url('/public/assertions/ada-programmer')));
    expect(b.key).toBe(a.key);
    // The reply says the badge was there already, so the popup does not say "Added" a second time.
    expect(a.alreadyHeld).toBeUndefined();
    expect(b.alreadyHeld).toBe(true);
    expect(await h.db.badges.count()).toBe(1);
    expect((await h.db.badges.get(a.key))!.original.kind).toBe('png');
  });

  it('keeps a verified badge when a tampered copy with the same id is imported: both are kept', async () => {
    const h = await harness();
    const good = readFileSync('test/fixtures/conformance/dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json', 'utf8');
    const bad = readFileSync('test/fixtures/conformance/dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry-tampered.json', 'utf8');
    const a = await h.app.library.import(text(good));
    const b = await h.app.library.import(text(bad));
    expect([a.verdict, b.verdict]).toEqual(['valid', 'invalid']);
    expect(b.key).not.toBe(a.key);
    expect((await h.app.library.get(a.key)).verdict).toBe('valid');
    expect((await h.app.library.list()).length).toBe(2);
  });

  it('keeps a badge that could not be fully checked when a copy with the same id that fails is imported: its original is not lost', async () => {
    const h = await harness();
    const good = readFileSync('test/fixtures/conformance/dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json', 'utf8');
    const bad = readFileSync('test/fixtures/conformance/dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry-tampered.json', 'utf8');
    const a = await h.app.library.import(text(good));
    // Stored while a document it needed could not be read (a status list's host down, no access yet): indeterminate.
    const stored = (await h.db.badges.get(a.key))!;
    await h.db.badges.put({ ...stored, verdict: 'indeterminate' });
    const originalBefore = (await h.db.originals.get(a.key))!.bytes;
    const b = await h.app.library.import(text(bad));
    expect(b.verdict).toBe('invalid');
    expect(b.key).not.toBe(a.key);
    expect((await h.db.badges.get(a.key))!.verdict).toBe('indeterminate');
    expect((await h.db.originals.get(a.key))!.bytes).toEqual(originalBefore);
    expect((await h.app.library.list()).length).toBe(2);
  });

  it('gives a badge whose id (or link) is very long a key the popup can still ask for: it can be opened and removed', async () => {
    // The long link answers a badge (another assertion's copy): a link that answers 404 is not added (import-link-status.test.ts).
    const h = await harness({ fetch: (u: string, init?: RequestInit) => fetch(u.includes('x'.repeat(600)) ? url('/public/assertions/ada-poetical') : u, init) } as never);
    const json = JSON.parse(readFileSync('test/fixtures/conformance/dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json', 'utf8')) as { id: string };
    json.id = `urn:uuid:${'7'.repeat(600)}`;
    const long = await h.app.library.import(text(JSON.stringify(json)));
    const link = await h.app.library.import(text(url(`/public/assertions/${'x'.repeat(600)}`)));
    for (const v of [long, link]) {
      // The popup's guard (src/messaging/validate.ts) refused every message naming a key past 512 characters.
      expect(parseMessage('popup', { type: 'badges/remove', args: { key: v.key } }).ok).toBe(true);
      expect((await h.app.library.get(v.key)).key).toBe(v.key);
    }
    // The same badge imported again is still one badge.
    expect((await h.app.library.import(text(JSON.stringify(json)))).key).toBe(long.key);
    expect(await h.app.library.remove(long.key)).toEqual({ removed: true });
  });

  it('refuses a link with a user name or password in it, which no fetch may send, and stores nothing of it', async () => {
    const h = await harness();
    const secret = url('/public/assertions/ada-poetical').replace('http://', 'http://ada:hunter2@');
    // Fetch §"Request" constructor: a URL that includes credentials is a TypeError. It was stored as
    // a link that could never be checked (indeterminate, "could not be reached"), the password kept with it.
    const refused = h.app.library.import(text(secret));
    await expect(refused).rejects.toMatchObject({ code: 'ERR_LINK_CREDENTIALS' });
    await expect(refused).rejects.toThrow(/user name or password/);
    expect(await h.db.badges.count()).toBe(0);
    expect(h.fetched.some((u) => u.includes('hunter2'))).toBe(false);
  });

  it('checks the recipient against the addresses of every account', async () => {
    const h = await harness();
    await h.app.accounts.signIn({ kind: 'badgr', baseUrl: ctx.bp.baseUrl, username: 'grace@example.org', password: 'lanyard-demo-2' });
    const v = await h.app.library.import(text(url('/public/assertions/ada-programmer')));
    expect(v).toMatchObject({ verdict: 'invalid', recipient: null });
    const grace = await h.app.library.import(text(url('/public/assertions/grace-compiler')));
    expect(grace).toMatchObject({ verdict: 'valid', recipient: 'grace@example.org' });
  });

  it('without access to the issuer’s host, stores the badge as indeterminate with how to allow it', async () => {
    const h = await harness();
    h.granted.clear();
    const v = await h.app.library.import(text(url('/public/assertions/ada-programmer')));
    expect(v.verdict).toBe('indeterminate');
    const d = await h.app.library.get(v.key);
    expect(d.checks.find((c) => c.outcome === 'indeterminate')?.message).toMatch(/allow Lanyard to access 127\.0\.0\.1/);
    h.granted.add('http://127.0.0.1/*');
    expect(await h.app.library.verify(v.key)).toEqual({ verified: 1 });
    expect((await h.app.library.get(v.key)).verdict).toBe('valid');
  });
});

describe('detail, remove, verify all, download', () => {
  it('works on stored badges', async () => {
    const h = await harness();
    const png = await h.app.library.import(file('p.png', await bytes('/public/assertions/ada-notes-signed/baked')));
    const jws = await h.app.library.import(text(await (await fetch(url('/ob3/credentials/ob3-ada-jwt-es256'))).text()));
    const hosted = await h.app.library.import(text(url('/public/assertions/ada-poetical')));
    const d = await h.app.library.get(png.key);
    expect(d).toMatchObject({ name: 'Notes on the Engine', originalKind: 'png', issuerName: 'Analytical Society', credentialText: expect.stringMatching(/^ey/) });
    expect(d.checks.map((c) => c.id)).toContain('signature');
    // The popup offers "Badge image (with its data)" only for a badge that has one: known before any click.
    expect(d.bakedImage).toBe('kept');
    expect((await h.app.library.get(jws.key)).bakedImage).toBeUndefined();
    expect((await h.app.library.get(hosted.key)).bakedImage).toBeUndefined();

    const baked = await h.app.library.download(png.key, 'baked');
    expect(baked).toMatchObject({ fileName: 'notes-on-the-engine.png', mimeType: 'image/png' });
    expect(fromBase64(baked.base64)).toEqual((await h.db.originals.get(png.key))!.bytes);
    expect(await h.app.library.download(jws.key, 'json')).toMatchObject({ fileName: 'punch-card-programming.jws', mimeType: 'application/jwt' });
    await expect(h.app.library.download(jws.key, 'baked')).rejects.toMatchObject({ code: 'ERR_NO_BAKED_IMAGE' });
    const hostedJson = await h.app.library.download(hosted.key, 'json');
    expect(JSON.parse(new TextDecoder().decode(fromBase64(hostedJson.base64)))).toMatchObject({ type: 'Assertion' });

    expect(await h.app.library.verify()).toEqual({ verified: 3 });
    expect(await h.db.syncState.get('local')).toMatchObject({ status: 'idle', done: 3, total: 3 });
    expect(await h.app.library.remove(jws.key)).toEqual({ removed: true });
    expect(await h.app.library.remove(jws.key)).toEqual({ removed: false });
    await expect(h.app.library.get(jws.key)).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
  });

  it('downloads a hosted baked image by what its bytes are, never by the type its server claims', async () => {
    const h = await harness();
    const assertion = async (p: string) => new Uint8Array(await (await fetch(url(p), { headers: { accept: 'application/ld+json' } })).arrayBuffer());
    const png = await h.app.library.importInput(await assertion('/public/assertions/ada-poetical'), { bakedUrl: url('/public/assertions/ada-programmer/baked') });
    // Fetched at the click: the popup says so before it.
    expect((await h.app.library.get(png.key)).bakedImage).toBe('link');
    expect(await h.app.library.download(png.key, 'baked')).toMatchObject({ fileName: expect.stringMatching(/\.png$/), mimeType: 'image/png' });
    // A "baked image" link that answers something else (JSON here; HTML from a hostile host) was
    // saved under the server's content type with a .png name: it is not a baked image.
    const other = await h.app.library.importInput(await assertion('/public/assertions/ada-first-aid-expired'), { bakedUrl: url('/public/assertions/ada-first-aid-expired') });
    await expect(h.app.library.download(other.key, 'baked')).rejects.toMatchObject({ code: 'ERR_NO_BAKED_IMAGE' });
  });
});

describe('backup', () => {
  it('exports every badge’s original and imports it into an empty install: nothing lost, duplicates skipped', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    await h.app.sync.run(id);
    await h.app.library.import(file('p.png', await bytes('/public/assertions/ada-programmer/baked')));
    await h.app.library.import(text(url('/public/assertions/ada-poetical')));
    const all = await h.db.badges.all();
    const { fileName, json } = await h.app.backup.export();
    expect(fileName).toMatch(/^lanyard-backup-\d{4}-\d{2}-\d{2}\.json$/);

    const fresh = await harness();
    expect(await fresh.app.backup.import(json)).toEqual({ imported: all.length, skipped: 0 });
    const restored = await fresh.db.badges.all();
    expect(restored.map((r) => r.key).sort()).toEqual(all.map((r) => r.key).sort());
    for (const r of all) {
      const back = restored.find((x) => x.key === r.key)!;
      expect((await fresh.db.originals.get(r.key))!.bytes).toEqual((await h.db.originals.get(r.key))!.bytes);
      expect(back.original).toEqual(r.original);
      // Verified again here (with no account, so against no address).
      expect(back.verifiedAt! >= r.verifiedAt!).toBe(true);
      expect(back.checks.find((c) => c.id === 'signature')?.outcome).toBe(r.checks.find((c) => c.id === 'signature')?.outcome);
      expect(back.accountId).toBe('local'); // the account is not signed in here
    }
    expect(await fresh.app.backup.import(json)).toEqual({ imported: 0, skipped: all.length });
    expect(await fresh.db.badges.count()).toBe(all.length);
  });

  it('keeps what was known of each badge, even one whose hosted copy can no longer be read', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'badgr', baseUrl: ctx.bp.baseUrl, username: 'ada@example.org', password: 'lanyard-demo' });
    await h.app.sync.run(id);
    const before = await h.app.library.list();
    expect(before.length).toBeGreaterThan(3);
    const { json } = await h.app.backup.export();
    const fresh = await harness();
    await fresh.app.backup.import(json);
    const after = await fresh.app.library.list();
    const names = (l: typeof before) => l.map((b) => `${b.key} ${b.name} ${b.issuerName ?? ''}`).sort();
    expect(names(after)).toEqual(names(before));
    expect(after.some((b) => b.name.startsWith('Badge at '))).toBe(false);
  });

  it('refuses a file that is not a backup', async () => {
    const h = await harness();
    await expect(h.app.backup.import('not json')).rejects.toMatchObject({ code: 'ERR_BAD_BACKUP' });
    await expect(h.app.backup.import('{"format":"other","badges":[]}')).rejects.toMatchObject({ code: 'ERR_BAD_BACKUP' });
    await expect(h.app.backup.import('{"format":"lanyard-backup","version":99,"badges":[]}')).rejects.toMatchObject({ code: 'ERR_BAD_BACKUP' });
  });
});
