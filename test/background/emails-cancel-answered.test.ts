/**
 * A Cancel that reaches the worker after the backpack has answered the change (its status and headers
 * came) but before the answer's body was read: the backpack has made the change, so the change is not
 * "cancelled". Before, the change counted as answered only once its body was read: the Cancel aborted
 * that read and the popup was told ERR_CANCELLED (and said nothing) while Badgr had added, removed or
 * made primary the address. Now a 2xx answer's headers make it answered: the Cancel finds nothing to
 * cancel, the answer is read and the list read again, as for a change answered whole.
 */
import { describe, expect, it } from 'vitest';
import { badgrSignIn, failure, harness, useBackpack } from './harness.ts';
import { until } from './held-fetch.ts';

const ctx = useBackpack({ badges: 1 });

const addresses = () => {
  const state = ctx.bp.control.stateForTests;
  return state.emailsOf(state.emailRecord('ada@example.org')!.userId);
};

const CHANGES = [
  { op: 'makePrimary', method: 'PUT', path: '/v1/user/emails/2', made: () => addresses().find((e) => e.primary)?.email === 'ada.lovelace@school.example' },
  { op: 'remove', method: 'DELETE', path: '/v1/user/emails/3', made: () => !addresses().some((e) => e.email === 'ada@old-job.example') },
  { op: 'add', method: 'POST', path: '/v1/user/emails', made: () => addresses().some((e) => e.email === 'ada@new.example') },
] as const;

describe('a Cancel after the answer\'s headers, before its body', () => {
  it.each(CHANGES)('$op: not reported cancelled; the change is said made and the list shows it', async ({ op, method, path, made }) => {
    const h = await harness();
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    await until(() => !h.app.sync.isRunning(id));
    let release!: () => void;
    const holdBody = new Promise<void>((r) => (release = r));
    ctx.bp.control.failNext({ path, holdBody });
    const answered = () => ctx.bp.control.requests.some((r) => r.method === method && r.path === path && r.status < 300);
    try {
      const change = op === 'add' ? h.app.emails.add(id, 'ada@new.example') : h.app.emails[op](id, op === 'makePrimary' ? '2' : '3');
      const outcome = change.then((v) => ({ ok: true as const, v }), (e: { code?: string }) => ({ ok: false as const, code: e.code }));
      await until(answered);
      // The headers travel to the client.
      await new Promise((r) => setTimeout(r, 150));
      expect(made()).toBe(true);
      expect(h.app.emails.cancel(id)).toEqual({ cancelled: false });
      release();
      const r = await outcome;
      expect(r).toMatchObject({ ok: true });
      const listed = r.ok ? r.v.map((e) => e.email) : [];
      if (op === 'remove') expect(listed).not.toContain('ada@old-job.example');
      if (op === 'add') expect(listed).toContain('ada@new.example');
      if (op === 'makePrimary') expect(r.ok && r.v.find((e) => e.primary)?.email).toBe('ada.lovelace@school.example');
    } finally {
      release();
      ctx.bp.control.clearFaults();
    }
  });
});

describe('a Cancel after the change was sent, before any answer', () => {
  it('is cancelled, said as maybe made (reason ERR_MAYBE_MADE); a change waiting behind it sent nothing, said so', async () => {
    const h = await harness();
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    await until(() => !h.app.sync.isRunning(id));
    let release!: () => void;
    const hold = new Promise<void>((r) => (release = r));
    ctx.bp.control.failNext({ path: '/v1/user/emails/', hold });
    try {
      const first = h.app.emails.resend(id, '3');
      const second = h.app.emails.makePrimary(id, '2');
      await new Promise((r) => setTimeout(r, 200));
      expect(h.app.emails.cancel(id)).toEqual({ cancelled: true });
      const [a, b] = [(await failure(first)) as { code: string; reason?: string }, (await failure(second)) as { code: string; reason?: string }];
      expect(a).toMatchObject({ code: 'ERR_CANCELLED', reason: 'ERR_MAYBE_MADE' });
      expect(b.code).toBe('ERR_CANCELLED');
      expect(b.reason).toBeUndefined();
    } finally {
      release();
      ctx.bp.control.clearFaults();
    }
  });
});

describe('a change made whose list cannot be read after it', () => {
  it('is said made (reason ERR_CHANGE_MADE), not as the change failing; the address is at the backpack', async () => {
    const h = await harness();
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    await until(() => !h.app.sync.isRunning(id));
    // The add (POST /v1/user/emails) goes through; the list read after it (GET, same path) fails.
    ctx.bp.control.failNext({ path: '/v1/user/emails', status: 503, skip: 1, count: 5 });
    try {
      const e = (await failure(h.app.emails.add(id, 'ada@listless.example'))) as { code: string; reason?: string; message: string };
      expect(e).toMatchObject({ code: 'SERVER_ERROR', reason: 'ERR_CHANGE_MADE' });
      expect(e.message).toMatch(/made the change/);
      expect(addresses().some((a) => a.email === 'ada@listless.example')).toBe(true);
    } finally {
      ctx.bp.control.clearFaults();
    }
  });
});
