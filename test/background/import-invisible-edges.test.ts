/**
 * Texts as they are copied or saved around a badge (adversarial review of the import, session 19):
 * zero-width spaces and word joiners a web page puts in a long token, a NUL a C string leaves, the
 * quoted-printable soft line breaks of a mail's source (RFC 2045 §6.7), and a link saved as UTF-16.
 * Each was refused as "neither JSON, a compact JWS nor an http(s) URL"; a UTF-16 link with a password
 * in it passed the check that keeps such links out (import-source.ts linkWithCredentials).
 */
import { describe, expect, it } from 'vitest';
import { failure, harness } from './harness.ts';
import { vcJwt } from './vc-jwt.ts';

const file = (name: string, t: string | Buffer) => ({ kind: 'file' as const, name, base64: Buffer.from(t).toString('base64') });
const text = (t: string) => ({ kind: 'text' as const, text: t });


describe('invisible characters and mail encodings around a badge', () => {
  it('a JWS with zero-width spaces or joiners around and inside it, or a NUL after it, is that badge, held once', async () => {
    const h = await harness();
    const jws = await vcJwt('urn:uuid:1');
    expect(await h.app.library.import(text(`\u200b${jws}\u2060`))).toMatchObject({ verdict: 'valid' });
    const inside = `${jws.slice(0, 40)}\u200b${jws.slice(40, 90)}\u200d${jws.slice(90)}`;
    expect(await h.app.library.import(text(inside))).toMatchObject({ verdict: 'valid', alreadyHeld: true });
    expect(await h.app.library.import(file('badge.jwt', `${jws}\n\0`))).toMatchObject({ verdict: 'valid', alreadyHeld: true });
    expect(await h.db.badges.count()).toBe(1);
  });

  it('a JWS from a mail\'s quoted-printable source (soft line breaks) is that badge', async () => {
    const h = await harness();
    const jws = await vcJwt('urn:uuid:2');
    expect(await h.app.library.import(text(jws.replace(/(.{75})/g, '$1=\r\n')))).toMatchObject({ verdict: 'valid' });
  });

  it('a link with a password, saved as UTF-16 or behind a zero-width space, is refused as any such link', async () => {
    const fetched: string[] = [];
    const h = await harness({ fetch: async (u: string) => { fetched.push(String(u)); return new Response('', { status: 404 }); } } as never);
    const link = 'https://ada:secret@example.org/assertion';
    for (const source of [file('link.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(link, 'utf16le')])), file('link.txt', Buffer.from(link, 'utf16le')), file('link.txt', `\u200b${link}`), text(`\u200b${link}\u200b`)]) {
      expect(await failure(h.app.library.import(source))).toMatchObject({ code: 'ERR_LINK_CREDENTIALS' });
    }
    expect(fetched).toEqual([]);
    expect(await h.db.badges.count()).toBe(0);
  });
});

describe('a badge saved in another encoding', () => {
  it('as Latin-1 is refused saying that its JSON must be UTF-8, not as "neither a PNG nor text"', async () => {
    const h = await harness();
    const latin1 = Buffer.from('{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/a","narrative":"caf\u00e9"}', 'latin1');
    expect(await failure(h.app.library.import(file('badge.json', latin1)))).toMatchObject({ code: 'ERR_NOT_A_BADGE', message: expect.stringContaining('RFC 8259 §8.1') });
    expect(await h.db.badges.count()).toBe(0);
  });
});

describe('a JWS copied with its quotes', () => {
  it('from a JSON document or a developer tool is that badge (RFC 8259 §2: a JSON text may be a string)', async () => {
    const h = await harness();
    expect(await h.app.library.import(text(`"${await vcJwt('urn:uuid:4')}"`))).toMatchObject({ verdict: 'valid' });
    // A quoted string that is no token is still no badge.
    expect(await failure(h.app.library.import(text('"hello"')))).toMatchObject({ code: 'ERR_NOT_A_BADGE' });
  });
});
