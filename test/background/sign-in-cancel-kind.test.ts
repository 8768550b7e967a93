/**
 * A Cancel ends the sign-in it is the Cancel of. Two holes (review32):
 * - a popup opened again joins a sign-in by its backpack and kind (accounts/sign-in-wait, ccbb671c), but its
 *   Cancel named the backpack only: with a Badgr and an OB 3.0 sign-in to one server at once (Canvas
 *   Credentials serves both), cancelling the joined Badgr one ended the OB 3.0 one too (its form shows
 *   ERR_CANCELLED as nothing, its OAuth window signs in to nothing). The Cancel now names the kind too.
 * - a Cancel naming its own sign-in's `attempt` looked the attempt up among the MAX_ATTEMPTS remembered as
 *   started: once that many others had been tried since (each refused, ERR_SIGN_IN_UNDER_WAY, is remembered),
 *   a sign-in still running was taken for one not started yet, kept as cancelled early, and never cancelled.
 */
import { describe, expect, it } from 'vitest';
import { createSignIns, MAX_ATTEMPTS } from '../../src/background/services/sign-in-run.ts';

const at = 'https://canvas.example';

/** A sign-in held until aborted: it settles with the abort's reason. */
const held = (signIns: ReturnType<typeof createSignIns>, kind: 'badgr' | 'ob3', attempt?: string) =>
  signIns
    .run({ kind, baseUrl: at, ...(kind === 'badgr' ? { username: 'ada@example.org' } : {}), ...(attempt ? { attempt } : {}) }, (s) => s.until(new Promise<never>(() => {})))
    .then(
      () => 'stored',
      (e: { code?: string }) => e.code,
    );

describe('a Cancel', () => {
  it('of a joined sign-in ends the one of its kind only, not another kind’s to the same backpack', async () => {
    const signIns = createSignIns(fetch);
    const badgr = held(signIns, 'badgr');
    const ob3 = held(signIns, 'ob3');
    expect(signIns.cancel(at, undefined, 'badgr')).toEqual({ cancelled: true });
    expect(await badgr).toBe('ERR_CANCELLED');
    expect(signIns.list().map((r) => r.kind)).toEqual(['ob3']);
    // Without a kind, as before: every one to that backpack.
    expect(signIns.cancel(at)).toEqual({ cancelled: true });
    expect(await ob3).toBe('ERR_CANCELLED');
  });

  it('naming a kind but no backpack ends that kind’s only (review35: it ended every sign-in)', async () => {
    const signIns = createSignIns(fetch);
    const badgr = held(signIns, 'badgr');
    let ob3: string | undefined;
    void held(signIns, 'ob3').then((o) => (ob3 = o));
    expect(signIns.cancel(undefined, undefined, 'badgr')).toEqual({ cancelled: true });
    expect(await badgr).toBe('ERR_CANCELLED');
    await new Promise((r) => setTimeout(r, 0));
    expect(ob3).toBeUndefined();
    expect(signIns.list().map((r) => r.kind)).toEqual(['ob3']);
    expect(signIns.cancel()).toEqual({ cancelled: true });
  });

  it(`of its own attempt ends it while it runs, even after ${MAX_ATTEMPTS} other attempts were tried`, async () => {
    const signIns = createSignIns(fetch);
    const mine = held(signIns, 'ob3', 'mine');
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await expect(signIns.run({ kind: 'ob3', baseUrl: at, attempt: `again${i}` }, async () => 'ran')).rejects.toMatchObject({ code: 'ERR_SIGN_IN_UNDER_WAY' });
    }
    let outcome: string | undefined;
    void mine.then((o) => (outcome = o));
    expect(signIns.cancel(at, 'mine')).toEqual({ cancelled: true });
    // Before: kept as a cancel of an attempt not started yet, the run held on (it never settled).
    await new Promise((r) => setTimeout(r, 0));
    expect(outcome).toBe('ERR_CANCELLED');
    expect(signIns.list()).toEqual([]);
  });
});
