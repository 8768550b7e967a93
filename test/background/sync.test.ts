/** Sync against the test backpack: verdicts, paging, incremental `since`, resuming, and every failure the issue names. */
import { describe, expect, it } from 'vitest';
import type { BadgeRecord } from '../../src/platform/records.ts';
import { badgrSignIn, harness, useBackpack, type Harness } from './harness.ts';

const ctx = useBackpack({ badges: 6 });
const CREDENTIALS = '/ims/ob/v3p0/credentials';

const byKey = (rs: BadgeRecord[]) => Object.fromEntries(rs.map((r) => [r.sourceId, r]));
const ob3Total = () => [...ctx.bp.control.stateForTests.badges.values()].filter((b) => (b.kind === 'ob3-jwt' || b.kind === 'ob3-di') && b.recipientEmail.startsWith('ada')).length;

async function ob3(pageSize = 50): Promise<{ h: Harness; id: string }> {
  const h = await harness({ syncOptions: { pageSize } });
  const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
  return { h, id: view.id };
}

describe('Badgr', () => {
  it('stores every badge with its verdict, the address it was issued to and its baked original; pending for an unverified address', async () => {
    const h = await harness();
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    const s = await h.app.sync.run(id);
    const total = ctx.bp.control.stateForTests.badgesOf('user-ada').filter((b) => b.kind.startsWith('ob2')).length;
    expect(s).toMatchObject({ status: 'idle', done: total, total, failures: 0, lastSyncedAt: expect.any(String) });
    const b = byKey(await h.db.badges.byAccount(id));
    expect(b['ada-programmer']).toMatchObject({ verdict: 'valid', recipient: 'ada@example.org', pending: false, original: { kind: 'png' } });
    expect(b['ada-poetical']).toMatchObject({ verdict: 'valid', recipient: 'ada.lovelace@school.example' });
    expect(b['ada-notes-signed']).toMatchObject({ verdict: 'valid', format: 'ob2.0-signed' });
    expect(b['ada-first-aid-expired']).toMatchObject({ verdict: 'invalid' });
    expect(b['ada-retired-revoked']).toMatchObject({ verdict: 'invalid', meta: { name: 'Retired Course' } });
    expect(b['ada-bernoulli-pending']).toMatchObject({ pending: true, recipient: 'ada@old-job.example', verdict: 'indeterminate', meta: { name: 'Bernoulli Numbers' } });
    expect(b['gen-1']).toMatchObject({ verdict: 'valid' });
    // A second sync finds nothing changed: nothing is fetched again or verified again.
    const before = h.fetched.length;
    await h.app.sync.run(id);
    expect(h.fetched.slice(before).filter((u) => u.includes('/public/'))).toEqual([]);
    expect(await h.db.badges.countByAccount(id)).toBe(total);
  });

  it('makes a pending badge the user’s once its address is verified', async () => {
    const h = await harness();
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    await h.app.sync.run(id);
    ctx.bp.control.verifyEmail('ada@old-job.example');
    try {
      await h.app.sync.run(id);
      expect(await h.db.badges.get(`${id}|ada-bernoulli-pending`)).toMatchObject({ pending: false, recipient: 'ada@old-job.example', verdict: 'valid' });
    } finally {
      ctx.bp.control.stateForTests.emailRecord('ada@old-job.example')!.verified = false;
    }
  });
});

describe('Badgr: a next page Lanyard refuses', () => {
  it('a next page on another site: the badges read up to there are stored, then the run stops and says why', async () => {
    const h = await harness({
      fetch: async (url, init) => {
        const res = await fetch(url, init);
        if (new URL(url).pathname !== '/v2/backpack/assertions') return res;
        const headers = new Headers(res.headers);
        headers.set('link', '<https://elsewhere.example/v2/backpack/assertions?cursor=2>; rel="next"');
        return new Response(await res.arrayBuffer(), { status: res.status, headers });
      },
    });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'PROTOCOL', message: expect.stringMatching(/another site \(https:\/\/elsewhere\.example\)/) } });
    const listed = ctx.bp.control.stateForTests.badgesOf('user-ada').filter((b) => b.kind.startsWith('ob2') && b.acceptance !== 'Rejected').length;
    expect(await h.db.badges.countByAccount(id)).toBe(listed);
    expect(h.fetched.some((u) => u.includes('elsewhere.example'))).toBe(false);
  });
});

describe('Badgr without the v1 address API', () => {
  it('a server that answers 404 for /v1/user/emails (v1 is legacy, openedx/openedx-platform#27181) syncs with the addresses of /v2/users/self', async () => {
    const h = await harness();
    ctx.bp.control.failNext({ status: 404, path: '/v1/user/emails', count: 10 });
    try {
      const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
      const s = await h.app.sync.run(id);
      expect(s).toMatchObject({ status: 'idle', failures: 0 });
      expect((await h.db.accounts.get(id))!.addresses.map((a) => [a.email, a.verified])).toEqual([
        ['ada@example.org', true],
        ['ada.lovelace@school.example', true],
        ['ada@old-job.example', false],
      ]);
      expect(await h.db.badges.get(`${id}|ada-poetical`)).toMatchObject({ verdict: 'valid' });
    } finally {
      ctx.bp.control.clearFaults();
    }
  });
});

describe('Badgr: case variants of an address', () => {
  it('a badge hashed to a case variant Badgr registered for a verified address (v1 `variants`) is the user’s, not someone else’s', async () => {
    // badgr-server lists a badge whose recipient is any of the user's emails or their variants, by the exact
    // spelling (BadgeUser.all_verified_recipient_identifiers); the hash is of that spelling.
    const rec = ctx.bp.control.stateForTests.emailRecord('ada.lovelace@school.example')!;
    rec.variants.push('Ada.Lovelace@School.example');
    const badgeId = ctx.bp.control.issueBadge('Ada.Lovelace@School.example');
    try {
      const h = await harness();
      const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
      expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
      expect(await h.db.badges.get(`${id}|${badgeId}`)).toMatchObject({ verdict: 'valid', recipient: 'Ada.Lovelace@School.example', pending: false });
      // The addresses the popup lists stay one per address.
      expect((await h.app.emails.list(id)).map((e) => e.email)).toEqual(['ada@example.org', 'ada.lovelace@school.example', 'ada@old-job.example']);
      expect((await h.db.accounts.get(id))!.addresses.find((a) => a.id === '2')).toMatchObject({ variants: ['Ada.Lovelace@School.example'] });
    } finally {
      rec.variants.pop();
      ctx.bp.control.deleteBadge(badgeId);
    }
  });
});

describe('OB 3.0: paging and incremental sync', () => {
  it('follows Link rel="next" page by page, with n of m progress, and stores each credential once', async () => {
    const { h, id } = await ob3(3);
    const s = await h.app.sync.run(id);
    const total = ob3Total();
    expect(s).toMatchObject({ status: 'idle', done: total, total });
    const pages = h.fetched.filter((u) => u.includes(CREDENTIALS));
    expect(pages.length).toBe(Math.ceil(total / 3));
    // Each next page is asked from one badge early, one longer: its first must be the last one read (sync-anchor.ts).
    expect(pages.slice(1).map((u) => new URL(u).searchParams.get('offset'))).toEqual(pages.slice(1).map((_, i) => String((i + 1) * 3 - 1)));
    expect(pages.slice(1).map((u) => new URL(u).searchParams.get('limit'))).toEqual(pages.slice(1).map(() => '4'));
    const records = await h.db.badges.byAccount(id);
    expect(records).toHaveLength(total);
    expect(byKey(records)[`${ctx.bp.baseUrl}/ob3/credentials/ob3-ada-jwt-eddsa`]).toMatchObject({ verdict: 'valid', original: { kind: 'jws' } });
    expect(byKey(records)[`${ctx.bp.baseUrl}/ob3/credentials/ob3-ada-jwt-revoked`]).toMatchObject({ verdict: 'invalid' });
  });

  it('asks only for what changed since the last good sync', async () => {
    const h = await harness();
    const { id } = await h.app.accounts.signIn({ kind: 'badge-connect', baseUrl: ctx.bp.baseUrl });
    const first = await h.app.sync.run(id);
    expect(h.fetched.find((u) => u.includes('/ims/ob/v2p1/assertions'))).not.toContain('since=');
    const newId = ctx.bp.control.issueBadge('ada@example.org');
    const before = h.fetched.length;
    const second = await h.app.sync.run(id);
    const asked = new URL(h.fetched.slice(before).find((u) => u.includes('/ims/ob/v2p1/assertions'))!);
    expect(asked.searchParams.get('since')).toBe(first.since);
    expect(second.done).toBeLessThan(first.done);
    expect(await h.db.badges.get(`${id}|${ctx.bp.baseUrl}/public/assertions/${newId}`)).toMatchObject({ verdict: 'valid' });
    expect(await h.db.badges.countByAccount(id)).toBe(first.done + 1);
  });
});

describe('OB 3.0: `since` is the issuance date', () => {
  it('a credential issued long ago and added to the backpack after the last sync is found by the next one', async () => {
    // OB 3.0 getCredentials: since = "Only include OpenBadgeCredentials issued after this timestamp" (ob_v3p0.lines).
    const all = ctx.bp.control.stateForTests.badges;
    const late = all.get('ob3-ada-jwt-eddsa')!;
    all.delete(late.entityId);
    try {
      const { h, id } = await ob3();
      const first = await h.app.sync.run(id);
      expect(first).toMatchObject({ status: 'idle', failures: 0 });
      const key = `${id}|${ctx.bp.baseUrl}/ob3/credentials/ob3-ada-jwt-eddsa`;
      expect(await h.db.badges.get(key)).toBeUndefined();
      // The user adds it to the backpack now (upsertCredential); it keeps its issuance date of the seed.
      all.set(late.entityId, { ...late, updatedAt: new Date(ctx.bp.control.now()).toISOString() });
      expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle', failures: 0 });
      expect(await h.db.badges.get(key)).toMatchObject({ verdict: 'valid' });
    } finally {
      all.set(late.entityId, late);
    }
  });
});

describe('interruptions', () => {
  it('resumes a run whose worker was killed mid-way: nothing lost, nothing duplicated', async () => {
    let hang = true;
    const h1 = await harness({
      // The page at the link's offset 6 is asked from offset 5 (the overlap, sync-anchor.ts).
      fetch: (url, init) => (hang && url.includes(CREDENTIALS) && url.includes('offset=5') ? new Promise<Response>(() => undefined) : fetch(url, init)),
      syncOptions: { pageSize: 3, sleep: async () => undefined },
    });
    const { id } = await h1.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    void h1.app.sync.run(id);
    let state;
    for (let i = 0; i < 200 && (state = await h1.db.syncState.get(id))?.run?.cursor?.includes('offset=6') !== true; i++) await new Promise((r) => setTimeout(r, 10));
    // The worker dies here, holding a request; its run is left in syncState.
    expect(state).toMatchObject({ status: 'syncing', done: 6, run: { doneBeforePage: 6 } });
    expect(await h1.db.badges.countByAccount(id)).toBe(6);
    hang = false;
    const h2 = await h1.restart();
    const before = h2.fetched.length;
    const s = await h2.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', done: ob3Total(), total: ob3Total() });
    expect(h2.fetched.slice(before).filter((u) => u.includes(CREDENTIALS)).every((u) => !/offset=0\b|offset=2\b/.test(u) && /offset=\d/.test(u))).toBe(true);
    const records = await h2.db.badges.byAccount(id);
    expect(records).toHaveLength(ob3Total());
    expect(new Set(records.map((r) => r.key)).size).toBe(records.length);
  });

  it('a save that fails ends the run only once every save started has ended; the next run loses and duplicates nothing', async () => {
    const { h, id } = await ob3(4);
    const save = h.db.saveBadges.bind(h.db);
    let calls = 0;
    let settled = 0;
    h.db.saveBadges = async (badges, sync) => {
      const n = ++calls;
      try {
        if (n === 2) throw new Error('disk full');
        await new Promise((r) => setTimeout(r, 20)); // a slow write still running when the failure comes
        return await save(badges, sync);
      } finally {
        settled++;
      }
    };
    const failed = await h.app.sync.run(id);
    expect(failed).toMatchObject({ status: 'error', error: { message: 'disk full' } });
    expect(settled).toBe(calls); // no write outlives the run's recorded failure
    const after = calls;
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(after);
    h.db.saveBadges = save;
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', done: ob3Total(), total: ob3Total() });
    const records = await h.db.badges.byAccount(id);
    expect(records).toHaveLength(ob3Total());
    expect(new Set(records.map((r) => r.key)).size).toBe(records.length);
  });

  it('retries a 500 with backoff, and a dropped connection (timeout)', async () => {
    const { h, id } = await ob3();
    ctx.bp.control.failNext({ status: 500, path: CREDENTIALS });
    ctx.bp.control.failNext({ drop: true, path: CREDENTIALS });
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', done: ob3Total() });
    expect(h.waits).toHaveLength(2);
    expect(h.waits[1]!).toBeGreaterThan(h.waits[0]!);
  });

  it('after repeated 500s leaves every cached badge in place, keeps the run, schedules a retry, and then completes without duplicates', async () => {
    const { h, id } = await ob3(3);
    await h.app.sync.run(id);
    const cached = (await h.db.badges.byAccount(id)).map((r) => r.key).sort();
    ctx.bp.control.issueBadge('ada@example.org');
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never }); // a full listing again
    ctx.bp.control.failNext({ status: 500, path: CREDENTIALS, count: 4 });
    const failed = await h.app.sync.run(id);
    expect(failed).toMatchObject({ status: 'error', error: { code: 'SERVER_ERROR' }, failures: 1, run: { id: expect.any(String) } });
    expect(failed.retryAt).toBeGreaterThan(Date.now());
    expect(h.platform.alarms.scheduled.get(`sync-retry:${id}`)).toBe(failed.retryAt);
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'idle', failures: 0 });
    expect(h.platform.alarms.scheduled.has(`sync-retry:${id}`)).toBe(false);
    expect(await h.db.badges.countByAccount(id)).toBe(cached.length);
  });

  it('a 5xx without Retry-After backs off: the periodic sync waits for the retry time (kept across a restart), and each failure in a row waits longer, up to a bound', async () => {
    const { h, id } = await ob3();
    await h.app.sync.run(id);
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    ctx.bp.control.failNext({ status: 500, path: CREDENTIALS, count: 100 });
    const asked = () => ctx.bp.control.requests.filter((r) => r.path === CREDENTIALS).length;
    const first = await h.app.sync.run(id);
    expect(first).toMatchObject({ status: 'error', failures: 1, error: { code: 'SERVER_ERROR' } });
    const wait1 = first.retryAt! - Date.now();
    expect(wait1).toBeGreaterThan(45_000);
    expect(wait1).toBeLessThanOrEqual(72_000);
    // The periodic alarm (runAll) before the retry time, in a restarted worker: the server is left alone.
    const h2 = await h.restart();
    const before = asked();
    const [held] = await h2.app.sync.runAll();
    expect(asked()).toBe(before);
    expect(held).toMatchObject({ status: 'error', failures: 1, retryAt: first.retryAt });
    // Past it, the periodic run goes, fails again, and waits about twice as long.
    h2.clock.offsetMs = wait1 + 1000;
    const [second] = await h2.app.sync.runAll();
    expect(asked()).toBeGreaterThan(before);
    expect(second).toMatchObject({ status: 'error', failures: 2 });
    expect(second!.retryAt! - (Date.now() + h2.clock.offsetMs)).toBeGreaterThan(wait1);
    ctx.bp.control.clearFaults();
  });

  it('checking every badge again (a trust change) while a failed sync waits keeps its error and its retry time', async () => {
    const { h, id } = await ob3();
    await h.app.sync.run(id);
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    ctx.bp.control.failNext({ status: 500, path: CREDENTIALS, count: 100 });
    const failed = await h.app.sync.run(id);
    expect(failed).toMatchObject({ status: 'error', retryAt: expect.any(Number) });
    await h.app.library.verify();
    expect(await h.db.syncState.get(id)).toMatchObject({ status: 'error', error: failed.error, retryAt: failed.retryAt, failures: 1 });
    const asked = ctx.bp.control.requests.filter((r) => r.path === CREDENTIALS).length;
    await h.app.sync.runAll();
    expect(ctx.bp.control.requests.filter((r) => r.path === CREDENTIALS).length).toBe(asked);
    ctx.bp.control.clearFaults();
  });

  it('after a 401 refreshes the token once and carries on', async () => {
    const { h, id } = await ob3();
    const old = h.platform.session.map.get(id)!.accessToken;
    ctx.bp.control.failNext({ status: 401, path: CREDENTIALS });
    const s = await h.app.sync.run(id);
    expect(s.status).toBe('idle');
    expect(h.platform.session.map.get(id)!.accessToken).not.toBe(old);
    expect(ctx.bp.control.isTokenLive(old)).toBe(false);
  });

  it('waits out a short 429 (Retry-After), and stops for a long one with the retry at the time the server gave', async () => {
    const { h, id } = await ob3();
    ctx.bp.control.failNext({ status: 429, retryAfter: 2, path: CREDENTIALS });
    expect((await h.app.sync.run(id)).status).toBe('idle');
    expect(h.waits).toEqual([2000]);
    const cached = await h.db.badges.countByAccount(id);
    ctx.bp.control.failNext({ status: 429, retryAfter: 3600, path: CREDENTIALS });
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'THROTTLED' } });
    expect(s.retryAt! - Date.now()).toBeGreaterThan(3590_000);
    expect(await h.db.badges.countByAccount(id)).toBe(cached);
  });

  it('a 429 without Retry-After is not hammered: the run stops where it was, keeps every cached badge, and goes on in 30 minutes (OB 3.0 / 2.1 "Retry Behavior")', async () => {
    const { h, id } = await ob3(3);
    await h.app.sync.run(id);
    const cached = (await h.db.badges.byAccount(id)).map((r) => r.key).sort();
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never }); // a full listing again
    const asked = () => ctx.bp.control.requests.filter((r) => r.path === CREDENTIALS).length;
    ctx.bp.control.failNext({ status: 429, retryAfter: null, path: CREDENTIALS, skip: 1 });
    const before = asked();
    const s = await h.app.sync.run(id);
    expect(asked() - before).toBe(2); // the first page, then the throttled second: not asked again in place
    expect(h.waits).toEqual([]);
    expect(s).toMatchObject({ status: 'error', failures: 1, error: { code: 'THROTTLED', message: expect.stringMatching(/slow down: your badges stay as they are, and the sync goes on where it stopped/) }, run: { cursor: expect.stringContaining('offset=3') } });
    expect(s.retryAt! - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(s.retryAt! - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    expect(h.platform.alarms.scheduled.get(`sync-retry:${id}`)).toBe(s.retryAt);
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
    // The view the popup gets says when.
    expect((await h.app.accounts.list()).find((a) => a.id === id)!.sync).toMatchObject({ status: 'error', retryAt: new Date(s.retryAt!).toISOString() });
    // Throttled again at the retry: 30 minutes again (not the 5-minute step of other failures).
    ctx.bp.control.failNext({ status: 429, retryAfter: null, path: CREDENTIALS });
    const again = await h.app.sync.run(id);
    expect(again).toMatchObject({ status: 'error', failures: 2, error: { code: 'THROTTLED' } });
    expect(again.retryAt! - Date.now()).toBeGreaterThan(29 * 60_000);
    const resumed = await h.app.sync.run(id);
    expect(resumed).toMatchObject({ status: 'idle', failures: 0 });
    expect((await h.db.badges.byAccount(id)).map((r) => r.key).sort()).toEqual(cached);
  });

  it('a 503 with Retry-After: a short one waited out in place, a long one ends the run with the retry at that time, every badge kept', async () => {
    const { h, id } = await ob3();
    await h.app.sync.run(id);
    const cached = await h.db.badges.countByAccount(id);
    await h.db.syncState.put({ ...(await h.db.syncState.get(id))!, since: undefined as never });
    ctx.bp.control.failNext({ status: 503, retryAfter: 3, path: CREDENTIALS });
    expect(await h.app.sync.run(id)).toMatchObject({ status: 'idle' });
    expect(h.waits).toEqual([3000]);
    ctx.bp.control.failNext({ status: 503, retryAfter: 1200, path: CREDENTIALS });
    const s = await h.app.sync.run(id);
    expect(h.waits).toEqual([3000]); // not waited in place, nor retried at once
    expect(s).toMatchObject({ status: 'error', error: { code: 'SERVER_ERROR' } });
    expect(s.retryAt! - Date.now()).toBeGreaterThan(1190_000);
    expect(await h.db.badges.countByAccount(id)).toBe(cached);
  });

  it('stops, without a retry, when the backpack’s host is no longer allowed', async () => {
    const { h, id } = await ob3();
    await h.app.sync.run(id);
    const cached = await h.db.badges.countByAccount(id);
    h.granted.clear();
    const s = await h.app.sync.run(id);
    expect(s).toMatchObject({ status: 'error', error: { code: 'ERR_HOST_PERMISSION', message: expect.stringContaining('allow access') } });
    expect(s.retryAt).toBeUndefined();
    expect(await h.db.badges.countByAccount(id)).toBe(cached);
  });

  it('runs one sync per account at a time, and start() reports whether it started one', async () => {
    const { h, id } = await ob3();
    const a = h.app.sync.run(id);
    expect(h.app.sync.run(id)).toBe(a);
    expect(await h.app.sync.start(id)).toEqual({ started: false });
    await a;
    expect(await h.app.sync.start()).toEqual({ started: true });
  });
});

describe('a badge that cannot be verified', () => {
  it('is kept as indeterminate with what went wrong, and the run goes on to the others', async () => {
    const h = await harness({
      wrapVerifier: (v) => ({
        matchRecipient: v.matchRecipient,
        verify: (input, ids, o) => (typeof input === 'string' ? input : new TextDecoder().decode(input)).includes('ada-poetical') ? Promise.reject(new Error('boom')) : v.verify(input, ids, o),
      }),
    });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    const s = await h.app.sync.run(id);
    const total = ctx.bp.control.stateForTests.badgesOf('user-ada').filter((b) => b.kind.startsWith('ob2')).length;
    expect(s).toMatchObject({ status: 'idle', done: total, failures: 0 });
    const b = byKey(await h.db.badges.byAccount(id));
    expect(b['ada-poetical']).toMatchObject({ verdict: 'indeterminate', contentHash: '', checks: [{ outcome: 'indeterminate', message: expect.stringContaining('boom') }] });
    expect(b['ada-programmer']).toMatchObject({ verdict: 'valid' });
    expect(b['gen-6']).toMatchObject({ verdict: 'valid' });
  });

  it('a badge whose issuer never answers holds the run no longer than its deadline: the run goes on to the others (issue 12 point 10)', async () => {
    let seen: AbortSignal | undefined;
    // The per-badge deadline's timer is the test's: it fires when the hanging verification has started, not by the clock.
    const deadlines: AbortController[] = [];
    const h = await harness({
      syncOptions: {
        // One item at a time, so that the last deadline made is the hanging badge's own.
        concurrency: 1,
        badgeTimeoutMs: 50,
        timeout: () => {
          const c = new AbortController();
          deadlines.push(c);
          return c.signal;
        },
      },
      wrapVerifier: (v) => ({
        matchRecipient: v.matchRecipient,
        verify: (input, ids, o) => {
          if (!(typeof input === 'string' ? input : new TextDecoder().decode(input)).includes('ada-poetical')) return v.verify(input, ids, o);
          seen = o?.signal;
          setTimeout(() => deadlines.at(-1)?.abort(), 0);
          return new Promise(() => undefined); // never settles, ignores its signal
        },
      }),
    });
    const { id } = await badgrSignIn(h, ctx.bp.baseUrl);
    const s = await h.app.sync.run(id);
    const total = ctx.bp.control.stateForTests.badgesOf('user-ada').filter((b) => b.kind.startsWith('ob2')).length;
    expect(s).toMatchObject({ status: 'idle', done: total, failures: 0 });
    expect(seen?.aborted).toBe(true);
    const b = byKey(await h.db.badges.byAccount(id));
    expect(b['ada-poetical']).toMatchObject({ verdict: 'indeterminate', contentHash: '', checks: [{ message: expect.stringMatching(/took longer than/) }] });
    expect(b['gen-6']).toMatchObject({ verdict: 'valid' });
  });
});
