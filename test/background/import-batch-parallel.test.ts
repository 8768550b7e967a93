/**
 * A batch of pasted links is checked a few at a time (import-batch.ts BATCH_PARALLEL), its outcomes
 * taken in the list's order. Checked one after another, each link allowed up to 15 s (host-access.ts),
 * a list of 100 kept the popup waiting up to 25 minutes. A counting fake fetch shows the bound: no
 * more than 4 requests at once, and more than one (it was 1).
 */
import { describe, expect, it } from 'vitest';
import { BATCH_PARALLEL, settleInOrder } from '../../src/background/services/import-batch.ts';
import { failure, harness } from './harness.ts';

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

describe('a batch of pasted links', () => {
  it('is checked at most 4 at a time, and the first refusal said is the first link\'s, not the first to answer', async () => {
    let inFlight = 0;
    let most = 0;
    const h = await harness({
      fetch: async (url: string) => {
        inFlight++;
        most = Math.max(most, inFlight);
        // The first link answers last: its refusal must still be the one said.
        for (let i = 0; i < (url.endsWith('/0') ? 20 : 2); i++) await tick();
        inFlight--;
        return new Response('', { status: url.endsWith('/0') ? 404 : 503 });
      },
      permissions: { contains: async () => true, request: async () => false },
    } as never);
    const links = Array.from({ length: 10 }, (_, i) => `https://badges.example/a/${i}`);
    const f = await failure(h.app.library.import({ kind: 'text', text: JSON.stringify(links) }));
    expect(f).toMatchObject({ code: 'ERR_HTTP_STATUS', message: expect.stringContaining('HTTP 404') });
    expect(BATCH_PARALLEL).toBe(4);
    expect(most).toBe(BATCH_PARALLEL);
    expect(await h.db.badges.count()).toBe(0);
  });

  it('settleInOrder keeps the items\' order, whatever finishes first, and never runs more than asked at once', async () => {
    let running = 0;
    let most = 0;
    const out = await settleInOrder([5, 1, 3, 0, 2, 4], async (n) => {
      running++;
      most = Math.max(most, running);
      for (let i = 0; i < n; i++) await tick();
      running--;
      if (n === 3) throw new Error('three');
      return n * 10;
    }, 2);
    expect(most).toBe(2);
    expect(out.map((o) => (o.ok ? o.value : (o.error as Error).message))).toEqual([50, 10, 'three', 0, 20, 40]);
  });
});
