/** Picker pictures from the baked originals (picker-images.ts): within a row's size and the message's budget. */
import { describe, expect, it } from 'vitest';
import { createBakedPictures, PICKER_IMAGES_BUDGET } from '../../src/background/services/picker-images.ts';
import type { BadgeRecord, OriginalRecord } from '../../src/platform/records.ts';
import { buildPng, text } from '../core/input/png-builder.ts';

const row = (key: string, kind: BadgeRecord['original']['kind'], image?: string) => ({ key, contentHash: 'h', original: { kind }, meta: { name: key, tags: [], ...(image ? { image } : {}) } }) as unknown as BadgeRecord;
/** A real PNG of about `n` bytes (a row's picture must read as one: picker-images-unbaked.test.ts); made once per size. */
const made = new Map<number, Uint8Array>();
const sized = (n: number): Uint8Array => made.get(n) ?? (made.set(n, buildPng(text('Comment', 'x'.repeat(Math.max(0, n - 90))))), made.get(n)!);
const store = (entries: Record<string, number>) => async (key: string): Promise<OriginalRecord | undefined> => (key in entries ? { key, bytes: sized(entries[key]!) } : undefined);
const bakedPictures = (rows: BadgeRecord[], original: ReturnType<typeof store>) => createBakedPictures(original)(rows);

describe('bakedPictures', () => {
  it('a PNG or SVG original becomes a data: URL of its type; JSON, JWS and URL originals do not', async () => {
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>');
    const sized10 = store({ p: 10, j: 10, w: 10, u: 10 });
    const out = await bakedPictures([row('p', 'png'), row('s', 'svg'), row('j', 'json'), row('w', 'jws'), row('u', 'url')], async (key) => (key === 's' ? { key, bytes: svg } : sized10(key)));
    expect([...out.keys()]).toEqual(['p', 's']);
    expect(out.get('p')).toBe(`data:image/png;base64,${Buffer.from(sized(10)).toString('base64')}`);
    expect(out.get('s')).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('keeps a row’s own data: picture, skips an original too large for a row, and stops at the message budget', async () => {
    const own = await bakedPictures([row('d', 'png', 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==')], store({ d: 10 }));
    expect(own.size).toBe(0);
    const big = await bakedPictures([row('b', 'png'), row('m', 'png')], store({ b: 90_000, m: 100 }));
    expect([...big.keys()]).toEqual(['m']);
    const many = Array.from({ length: 60 }, (_, i) => row(`k${i}`, 'png'));
    const out = await bakedPictures(many, store(Object.fromEntries(many.map((r) => [r.key, 70_000]))));
    const total = [...out.values()].reduce((n, u) => n + u.length, 0);
    expect(out.size).toBeGreaterThan(10);
    expect(out.size).toBeLessThan(60);
    expect(total).toBeLessThanOrEqual(PICKER_IMAGES_BUDGET);
  });

  it('reads and encodes each picture once across keystrokes, and again when the badge’s content changed', async () => {
    const read: string[] = [];
    const inner = store({ p: 10, q: 10 });
    const pictures = createBakedPictures(async (key) => (read.push(key), inner(key)));
    const first = await pictures([row('p', 'png'), row('q', 'png')]);
    const again = await pictures([row('p', 'png')]);
    expect(again.get('p')).toBe(first.get('p'));
    expect(read.sort()).toEqual(['p', 'q']);
    await pictures([{ ...row('p', 'png'), contentHash: 'changed' } as BadgeRecord]);
    expect(read.filter((k) => k === 'p')).toHaveLength(2);
  });
});

