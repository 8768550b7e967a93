/**
 * An answer whose headers came in time and whose body did not: the request's timeout (http.ts send)
 * ends the body's read. That is the backpack not answering in time, said as such, and not an answer
 * "cut off" (a connection dropped mid-body, which stays so).
 */
import { describe, expect, it } from 'vitest';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { readText, send } from '../../src/backpack/http.ts';
import { useBackpack } from '../backpack/helpers.ts';

const ctx = useBackpack();

describe('a body the request timeout cuts', () => {
  it('is "did not answer in time", UNREACHABLE, not "cut off"', async () => {
    let release!: () => void;
    const holdBody = new Promise<void>((r) => (release = r));
    ctx.bp.control.failNext({ path: '/terms', holdBody });
    try {
      const res = await send({ fetch, timeoutMs: 300 }, `${ctx.bp.baseUrl}/terms`);
      expect(res.status).toBe(200);
      const e = await readText(res, 'The terms').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(BackpackError);
      expect(e).toMatchObject({ code: C.UNREACHABLE, message: expect.stringContaining('did not answer in time') });
      expect((e as Error).message).not.toContain('cut off');
    } finally {
      release();
      ctx.bp.control.clearFaults();
    }
  });
});
