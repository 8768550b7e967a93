/**
 * A picker row's picture goes into the page's document (a data: URL in an <img>, in the page's
 * renderer). A baked PNG carries its whole credential (OB 2.0 §Baking PNG, OB 3.0 §5.3.1.1: the
 * assertion or credential, and in it whom it was issued to, often an e-mail address) in a text
 * chunk: every row of a picker list sent it, for up to 100 badges, where the page only draws the
 * picture. The picture is now sent without its badge chunks (and nothing after IEND).
 */
import { describe, expect, it } from 'vitest';
import { createBakedPictures } from '../../src/background/services/picker-images.ts';
import { pngWithoutBadge, readBakedPng } from '../../src/core/input/png.ts';
import type { BadgeRecord, OriginalRecord } from '../../src/platform/records.ts';
import { buildPng, chunk, concat, itxt, text, ztxt } from '../core/input/png-builder.ts';

const ASSERTION = JSON.stringify({ type: 'Assertion', recipient: { type: 'email', hashed: false, identity: 'ada@home.example' } });
const row = (key: string) => ({ key, contentHash: 'h', original: { kind: 'png' }, meta: { name: key, tags: [] } }) as unknown as BadgeRecord;
const bytesOf = (url: string) => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');

describe('picker pictures carry the picture, not the credential', () => {
  it('a baked PNG goes out without its badge chunks, its other chunks as they were', async () => {
    const comment = text('Comment', 'drawn by hand');
    const baked = concat(buildPng(comment, itxt('openbadges', ASSERTION), text('openbadges', 'https://b.example/a'), ztxt('openbadgecredential', ASSERTION)), text('openbadges', ASSERTION));
    const original = async (key: string): Promise<OriginalRecord> => ({ key, bytes: baked });
    const out = await createBakedPictures(original)([row('p')]);
    const sent = bytesOf(out.get('p')!);
    expect(sent.includes(Buffer.from('ada@home.example'))).toBe(false);
    expect(sent.includes(Buffer.from('openbadge'))).toBe(false);
    expect(Buffer.from(sent).equals(Buffer.from(buildPng(comment)))).toBe(true);
    await expect(readBakedPng(sent)).rejects.toMatchObject({ code: 'ERR_PARSE_NOT_BAKED' });
  });

  it('a PNG that cannot be read as one is not sent at all', async () => {
    const broken = concat(buildPng(itxt('openbadges', ASSERTION)).subarray(0, 40));
    const out = await createBakedPictures(async (key) => ({ key, bytes: broken }))([row('p')]);
    expect(out.has('p')).toBe(false);
    expect(() => pngWithoutBadge(chunk('IEND', new Uint8Array(0)))).toThrow();
  });
});
