/**
 * A file or paste holding several badges (a wallet's presentation of several credentials, a JSON list
 * of badges): each is added as if on its own (import-batch.ts). It was refused whole ("holds 2
 * credentials… check each on its own"), which the user could not do without a tool.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guards } from '../../src/messaging/validate.ts';
import { failure, harness } from './harness.ts';

const DCC = 'test/fixtures/conformance/dcc';
const A = JSON.parse(readFileSync(`${DCC}/v2_ed25519_didKey_legacy-noStatus-noExpiry.json`, 'utf8')) as object;
const B = JSON.parse(readFileSync(`${DCC}/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-identityHash.json`, 'utf8')) as object;
const text = (t: string) => ({ kind: 'text' as const, text: t });
const file = (name: string, t: string) => ({ kind: 'file' as const, name, base64: Buffer.from(t).toString('base64') });
const vp = (...vcs: unknown[]) => JSON.stringify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: vcs });

describe('several badges in one presentation or list', () => {
  it('a presentation of two credentials adds both, each verified as itself; the reply counts them', async () => {
    const h = await harness();
    const view = await h.app.library.import(text(vp(A, B)));
    expect(view.batch).toEqual({ total: 2, added: 2, held: 0, refused: 0 });
    const all = await h.app.library.list();
    expect(all).toHaveLength(2);
    expect(all.every((b) => b.verdict === 'valid')).toBe(true);
    expect(guards.popup.reply['badges/import'](view)).toBe(true);
    // Added again as a list file: both held already, none added twice.
    const again = await h.app.library.import(file('export.json', JSON.stringify([A, B])));
    expect(again.batch).toEqual({ total: 2, added: 0, held: 2, refused: 0 });
    expect(await h.db.badges.count()).toBe(2);
  });

  it('one nested too deep to write back (JSON.stringify recurses) is refused as too deep, the others added (hostile review, session 17)', async () => {
    const h = await harness();
    const deep = `{"type":["VerifiableCredential"],"evidence":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    const view = await h.app.library.import(text(`[${JSON.stringify(A)},${deep}]`));
    expect(view.batch).toEqual({ total: 2, added: 1, held: 0, refused: 1 });
    expect(await h.db.badges.count()).toBe(1);
  });

  it('one that is not a badge is counted as refused, the others added; all refused is the first refusal', async () => {
    const h = await harness();
    const view = await h.app.library.import(text(JSON.stringify([A, { hello: 'world' }, 'not a badge'])));
    expect(view.batch).toEqual({ total: 3, added: 1, held: 0, refused: 2 });
    expect(await h.db.badges.count()).toBe(1);
    expect(await failure(h.app.library.import(text(JSON.stringify([{ hello: 1 }, 'nope']))))).toMatchObject({ code: 'ERR_NOT_A_BADGE' });
    expect(await h.db.badges.count()).toBe(1);
  });

  it('more than 100 is refused whole, with its own code and sentence, adding none', async () => {
    const h = await harness();
    const e = await failure(h.app.library.import(text(JSON.stringify(Array.from({ length: 101 }, () => A)))));
    expect(e).toMatchObject({ code: 'ERR_TOO_MANY_BADGES', message: expect.stringContaining('holds 101 badges') });
    expect(await h.db.badges.count()).toBe(0);
  });

  it('one credential in a presentation, or a list of one, is the single badge as before (no batch)', async () => {
    const h = await harness();
    const view = await h.app.library.import(text(vp(A)));
    expect(view.batch).toBeUndefined();
    expect(view.verdict).toBe('valid');
    // A list of one was refused as "a list of 1 item, not one badge".
    const listed = await h.app.library.import(file('one.json', JSON.stringify([B])));
    expect(listed.batch).toBeUndefined();
    expect(listed).toMatchObject({ verdict: 'valid', accountId: 'local' });
    expect(await h.db.badges.count()).toBe(2);
  });
});
