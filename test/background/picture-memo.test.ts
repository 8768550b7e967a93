/**
 * Review 36: every `badges/list` (each popup open) and picker open read every badge's data: SVG
 * again (svg-use-clones.ts, unbaked.ts). Now each picture is read once while it stays the same
 * (picture-memo.ts), read again once the badge's picture changes, and the answer is still the one
 * the picture gets read afresh (a bomb is never drawn because another picture was fine).
 */
import { describe, expect, it, vi } from 'vitest';
import { useBomb } from '../support/svg-bomb.ts';

const spies = vi.hoisted(() => ({ drawable: [] as string[], counted: [] as string[] }));
vi.mock('../../src/background/services/svg-use-clones.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/background/services/svg-use-clones.ts')>();
  return {
    ...real,
    drawableImage: (image: string | undefined) => (image !== undefined && spies.drawable.push(image), real.drawableImage(image)),
    tooManyClones: (svg: string) => (spies.counted.push(svg), real.tooManyClones(svg)),
  };
});

const { badgeView, pickerBadge } = await import('../../src/background/services/views.ts');
const { memoByText } = await import('../../src/background/services/picture-memo.ts');
import type { BadgeRecord } from '../../src/platform/records.ts';

const base64 = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
/** A record as IndexedDB gives it at each read: its picture a new string of the same text. */
const record = (image: string): BadgeRecord =>
  ({
    key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind: 'json' }, contentHash: 'h', format: 'ob3.0', verdict: 'valid',
    checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z',
    meta: { name: 'Pictured', tags: [], evidence: [], alignments: [], claimedRecipients: [], image: [...image].join('') },
  }) as unknown as BadgeRecord;

const FINE = base64('<svg xmlns="http://www.w3.org/2000/svg"><defs><circle id="c" r="4"/></defs><use href="#c"/><use href="#c" x="9"/></svg>');
const BOMB = base64(useBomb(7));

describe('a data: picture is read once while it stays the same', () => {
  it('popup list: counted once for two lists, again after the badge changes, with the right verdict', () => {
    spies.drawable.length = 0;
    expect(badgeView(record(FINE), []).image).toBe(FINE);
    expect(badgeView(record(FINE), []).image).toBe(FINE);
    expect(spies.drawable).toHaveLength(1);
    expect(badgeView(record(BOMB), []).image).toBeUndefined();
    expect(badgeView(record(BOMB), []).image).toBeUndefined();
    expect(spies.drawable).toHaveLength(2);
    expect(badgeView(record(FINE), []).image).toBe(FINE);
    expect(spies.drawable).toHaveLength(2);
  });

  it('picker: counted once for two opens, again after the badge changes', () => {
    spies.counted.length = 0;
    const fine = base64('<svg xmlns="http://www.w3.org/2000/svg"><defs><rect id="r" width="3"/></defs><use href="#r"/></svg>');
    expect(pickerBadge(record(fine)).image).toBe(fine);
    expect(pickerBadge(record(fine)).image).toBe(fine);
    expect(spies.counted).toHaveLength(1);
    expect(pickerBadge(record(BOMB)).image).toBeUndefined();
    expect(pickerBadge(record(BOMB)).image).toBeUndefined();
    expect(spies.counted).toHaveLength(2);
  });

  it('keeps at most its characters, the least recently used out first', () => {
    const read: string[] = [];
    const memo = memoByText((s: string) => (read.push(s), s.length > 3 ? s : undefined), 40);
    const [a, b, c] = ['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10)];
    for (const s of [a, b, c, a, b, c]) memo(s);
    expect(read).toEqual([a, b, c]);
    memo('d'.repeat(10)); // 40 characters: all four kept
    memo('e'.repeat(10)); // a, the least recently used, out
    memo(b);
    memo(a);
    expect(read).toEqual([a, b, c, 'd'.repeat(10), 'e'.repeat(10), a]);
    // Longer than a quarter of the bound: read each time, never kept.
    const long = 'f'.repeat(11);
    memo(long);
    memo(long);
    expect(read.filter((s) => s === long)).toHaveLength(2);
  });
});
