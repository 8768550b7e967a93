/**
 * A text file of several signed badges, one compact JWS (or SD-JWT) a line, as a list of VC-JWTs is
 * saved or mailed: each line is added as itself (import-batch.ts tokenLines), judged on its own. It was
 * refused whole ("neither JSON, a compact JWS nor an http(s) URL"). One JWS wrapped across lines (an
 * e-mail at 76 columns) is still one badge (adversarial review of the import, session 19).
 */
import { describe, expect, it } from 'vitest';
import { failure, harness } from './harness.ts';
import { vcJwt } from './vc-jwt.ts';

const file = (name: string, t: string | Buffer) => ({ kind: 'file' as const, name, base64: Buffer.from(t).toString('base64') });
const text = (t: string) => ({ kind: 'text' as const, text: t });

/** The same token with its signature's last characters changed: a forgery. */
const forged = (jws: string) => `${jws.slice(0, -3)}${jws.endsWith('AAA') ? 'BBB' : 'AAA'}`;

describe('a text of several JWS lines', () => {
  it('adds each line as its own badge, a forged one invalid beside a genuine one valid, each with its own issuer', async () => {
    const h = await harness();
    const view = await h.app.library.import(file('badges.txt', `${await vcJwt('urn:uuid:1', { name: 'One', issuerName: 'Issuer One' })}\r\n\r\n${forged(await vcJwt('urn:uuid:2', { name: 'Two', issuerName: 'Issuer Two' }))}\n`));
    expect(view.batch).toEqual({ total: 2, added: 2, held: 0, refused: 0 });
    const all = (await h.app.library.list()).map((b) => [b.name, b.verdict, b.issuerName]).sort();
    expect(all).toEqual([['One', 'valid', 'Issuer One'], ['Two', 'invalid', 'Issuer Two']]);
  });

  it('saved as UTF-16 (Windows "Unicode" text) is read the same', async () => {
    const h = await harness();
    const lines = `${await vcJwt('urn:uuid:3', { name: 'Three', issuerName: 'Issuer Three' })}\r\n${await vcJwt('urn:uuid:4', { name: 'Four', issuerName: 'Issuer Four' })}`;
    const view = await h.app.library.import(file('badges.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines, 'utf16le')])));
    expect(view.batch).toEqual({ total: 2, added: 2, held: 0, refused: 0 });
  });

  it('one JWS wrapped at 76 columns is one badge, not a batch', async () => {
    const h = await harness();
    const view = await h.app.library.import(text((await vcJwt('urn:uuid:5', { name: 'Five', issuerName: 'Issuer Five' })).replace(/(.{76})/g, '$1\r\n')));
    expect(view.batch).toBeUndefined();
    expect(view).toMatchObject({ name: 'Five', verdict: 'valid' });
  });

  it('more than 100 lines is refused whole with its sentence, adding none', async () => {
    const h = await harness();
    const one = await vcJwt('urn:uuid:6', { name: 'Six', issuerName: 'Issuer Six' });
    expect(await failure(h.app.library.import(file('many.txt', Array.from({ length: 101 }, () => one).join('\n'))))).toMatchObject({ code: 'ERR_TOO_MANY_BADGES', message: expect.stringContaining('holds 101 badges') });
    expect(await h.db.badges.count()).toBe(0);
  });
});
