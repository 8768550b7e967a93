/**
 * "Forgot your password?" can be cancelled (accounts/password-reset-cancel, naming the request's
 * `attempt`): a backpack that does not answer held the form busy with nothing to press until the
 * request's timeout. A Cancel before the backpack answers ends the reply at once, saying the backpack may
 * have received it; once it answered 200, the e-mail is on its way and a Cancel finds nothing to cancel.
 */
import { describe, expect, it } from 'vitest';
import { failure, harness, useBackpack } from './harness.ts';
import { until } from './held-fetch.ts';

const ctx = useBackpack();
const PATH = '/v1/user/forgot-password';
const asked = () => ctx.bp.control.requests.filter((r) => r.path === PATH);

describe('cancelling a password reset', () => {
  it('while the backpack holds its answer: cancelled at once, said as maybe received', async () => {
    const h = await harness();
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    ctx.bp.control.failNext({ path: PATH, hold });
    try {
      const reset = h.app.passwordReset.request(ctx.bp.baseUrl, 'ada@example.org', 'r1');
      await until(() => h.fetched.some((u) => u.endsWith(PATH)));
      await new Promise((r) => setTimeout(r, 50));
      const started = Date.now();
      expect(h.app.passwordReset.cancel('r1')).toEqual({ cancelled: true });
      expect(await failure(reset)).toMatchObject({ code: 'ERR_CANCELLED', message: expect.stringContaining('may have received') });
      expect(Date.now() - started).toBeLessThan(1000);
      expect(h.app.passwordReset.cancel('r1')).toEqual({ cancelled: false });
    } finally {
      release();
      ctx.bp.control.clearFaults();
    }
  });

  it('after the backpack answered 200, before its body: not cancelled, the reply says sent', async () => {
    const h = await harness();
    let release!: () => void;
    const holdBody = new Promise<void>((r) => (release = r));
    ctx.bp.control.failNext({ path: PATH, holdBody });
    try {
      // Another address than the first test's: Badgr answers one address once in five minutes.
      const before = asked().length;
      const reset = h.app.passwordReset.request(ctx.bp.baseUrl, 'grace@example.org', 'r2');
      await until(() => asked().slice(before).some((r) => r.status === 200));
      await new Promise((r) => setTimeout(r, 150));
      expect(h.app.passwordReset.cancel('r2')).toEqual({ cancelled: false });
      release();
      expect(await reset).toEqual({ sent: true });
    } finally {
      release();
      ctx.bp.control.clearFaults();
    }
  });

  it('a Cancel before the request reaches the worker ends it as it starts: nothing sent', async () => {
    const h = await harness();
    const before = asked().length;
    expect(h.app.passwordReset.cancel('r3')).toEqual({ cancelled: true });
    expect(await failure(h.app.passwordReset.request(ctx.bp.baseUrl, 'ada@example.org', 'r3'))).toMatchObject({ code: 'ERR_CANCELLED', message: expect.stringContaining('nothing was sent') });
    expect(asked().length).toBe(before);
  });
});
