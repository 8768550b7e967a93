/**
 * Two copies of one badge (the same id) added at once, the genuine one and a tampered one: the
 * rule that a copy with a worse verdict never replaces a different stored copy (library.ts RANK)
 * must hold against the stored record as it is when the copy is written, not as it was when the
 * import read it before verifying.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCAL } from '../../src/background/services/identities.ts';
import { harness } from './harness.ts';
import { afterRead } from './interleave.ts';

const text = (t: string) => ({ kind: 'text' as const, text: t });
const good = readFileSync('test/fixtures/conformance/dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json', 'utf8');
const bad = readFileSync('test/fixtures/conformance/dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry-tampered.json', 'utf8');

describe('importing two copies of one badge at once', () => {
  it('the genuine copy stored while the tampered one was being checked stays; the tampered one is kept beside it', async () => {
    const h = await harness();
    const key = `${LOCAL}|id:${(JSON.parse(good) as { id: string }).id}`;
    const genuine = afterRead(h.db.badges, key, async () => expect(await h.app.library.import(text(good))).toMatchObject({ key, verdict: 'valid' }));
    const b = await h.app.library.import(text(bad));
    expect(genuine.ran()).toBe(true);
    expect(b.verdict).toBe('invalid');
    expect(b.key).not.toBe(key);
    expect(await h.db.badges.get(key)).toMatchObject({ verdict: 'valid' });
    expect(new TextDecoder().decode((await h.db.originals.get(key))!.bytes)).toBe(good.trim());
    expect((await h.app.library.list()).map((v) => v.verdict).sort()).toEqual(['invalid', 'valid']);
  });
});
