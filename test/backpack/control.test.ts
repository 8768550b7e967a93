/** The fault controls (delay, pause, injected failures), the clock, state changes, load generation and the CLI. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { auth, badgrLogin, useBackpack } from './helpers.ts';
import { startBackpack } from './server.ts';

const ctx = useBackpack();
const url = (path: string): string => `${ctx.bp.baseUrl}${path}`;

describe('slowing and pausing', () => {
  it('delays every answer by delayMs', async () => {
    ctx.bp.control.setDelay(150);
    const t = Date.now();
    await fetch(url('/ims/ob/v3p0/discovery'));
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    ctx.bp.control.setDelay(0);
  });

  it('holds requests while paused and answers them on resume', async () => {
    ctx.bp.control.pause();
    expect(ctx.bp.control.paused).toBe(true);
    let done = false;
    const p = fetch(url('/ims/ob/v3p0/discovery')).then((r) => {
      done = true;
      return r.status;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(done).toBe(false);
    ctx.bp.control.resume();
    expect(await p).toBe(200);
  });
});

describe('injected failures', () => {
  it('answers the next request 500, then normally', async () => {
    ctx.bp.control.failNext(500);
    expect((await fetch(url('/ims/ob/v3p0/discovery'))).status).toBe(500);
    expect((await fetch(url('/ims/ob/v3p0/discovery'))).status).toBe(200);
  });

  it('answers 401 with DRF\'s body and 429 with Retry-After, only on matching paths', async () => {
    const t = await badgrLogin(ctx.bp.baseUrl);
    ctx.bp.control.failNext({ status: 401, path: '/v2/' });
    expect((await fetch(url('/ims/ob/v3p0/discovery'))).status).toBe(200);
    const r401 = await fetch(url('/v2/backpack/assertions'), { headers: auth(t.access_token) });
    expect(r401.status).toBe(401);
    expect(await r401.json()).toEqual({ detail: 'Authentication credentials were not provided.' });
    ctx.bp.control.failNext({ status: 429, path: /assertions/, retryAfter: 7, count: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await fetch(url('/v2/backpack/assertions'), { headers: auth(t.access_token) });
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('7');
    }
    expect((await fetch(url('/v2/backpack/assertions'), { headers: auth(t.access_token) })).status).toBe(200);
  });

  it('answers 429 without Retry-After when retryAfter is null', async () => {
    ctx.bp.control.failNext({ status: 429, path: '/ims/ob/v3p0/discovery', retryAfter: null });
    const r = await fetch(url('/ims/ob/v3p0/discovery'));
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBeNull();
  });

  it('onRequest changes the provider as a matching request arrives, then answers it as usual; deleteBadge takes a badge out of every list', async () => {
    const t = await badgrLogin(ctx.bp.baseUrl);
    const list = async () => ((await (await fetch(url('/v2/backpack/assertions'), { headers: auth(t.access_token) })).json()) as { result: { entityId: string }[] }).result.map((a) => a.entityId);
    const before = await list();
    expect(before).toContain('ada-poetical');
    ctx.bp.control.onRequest({ path: '/v2/backpack/assertions', skip: 1 }, () => ctx.bp.control.deleteBadge('ada-poetical'));
    expect(await list()).toEqual(before); // skipped: nothing happened yet
    const after = await list(); // the action ran as this request arrived: it sees the badge gone
    expect(after).not.toContain('ada-poetical');
    expect(after).toHaveLength(before.length - 1);
    expect(() => ctx.bp.control.deleteBadge('ada-poetical')).toThrow(/no such badge/);
  });

  it('lets `skip` matching requests through first, then fails the next', async () => {
    ctx.bp.control.failNext({ status: 503, path: '/ims/ob/v3p0/discovery', skip: 2 });
    expect((await fetch(url('/ims/ob/v3p0/discovery'))).status).toBe(200);
    expect((await fetch(url('/ims/ob/v3p0/discovery'))).status).toBe(200);
    expect((await fetch(url('/ims/ob/v3p0/discovery'))).status).toBe(503);
    expect((await fetch(url('/ims/ob/v3p0/discovery'))).status).toBe(200);
  });

  it('a planned pause holds the matching request itself and every later one until resume', async () => {
    ctx.bp.control.failNext({ pause: true, path: '/ims/ob/v3p0/discovery', skip: 1 });
    expect((await fetch(url('/ims/ob/v3p0/discovery'))).status).toBe(200);
    expect(ctx.bp.control.paused).toBe(false);
    let done = false;
    const p = fetch(url('/ims/ob/v3p0/discovery')).then((r) => {
      done = true;
      return r.status;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(ctx.bp.control.paused).toBe(true);
    expect(done).toBe(false);
    ctx.bp.control.resume();
    expect(await p).toBe(200);
  });

  it('drops the connection', async () => {
    ctx.bp.control.failNext({ drop: true });
    await expect(fetch(url('/ims/ob/v3p0/discovery'))).rejects.toThrow();
    expect(ctx.bp.control.requests.at(-1)).toMatchObject({ path: '/ims/ob/v3p0/discovery', status: 0 });
  });
});

describe('state changes', () => {
  it('issues a new badge now, which since= then finds', async () => {
    const t = await badgrLogin(ctx.bp.baseUrl);
    const before = new Date(ctx.bp.control.now() - 1000).toISOString();
    const id = ctx.bp.control.issueBadge();
    const list = await (await fetch(url('/v2/backpack/assertions'), { headers: auth(t.access_token) })).json();
    expect(list.result.map((a: { entityId: string }) => a.entityId)).toContain(id);
    expect((await fetch(url(`/public/assertions/${id}`))).status).toBe(200);
    ctx.bp.control.revokeBadge(id);
    expect((await (await fetch(url(`/public/assertions/${id}`), { headers: { accept: 'application/ld+json' } })).json()).revoked).toBe(true);
    expect(before < new Date(ctx.bp.control.now()).toISOString()).toBe(true);
  });
});

describe('load', () => {
  it('starts with 1,000 generated badges in a few seconds and lists them all', async () => {
    const t = Date.now();
    const big = await startBackpack({ port: 0, badges: 1000 });
    try {
      expect(Date.now() - t).toBeLessThan(5000);
      const tok = await badgrLogin(big.baseUrl);
      const list = await (await fetch(`${big.baseUrl}/v2/backpack/assertions`, { headers: auth(tok.access_token) })).json();
      expect(list.result).toHaveLength(1003);
      const a = await (await fetch(`${big.baseUrl}/public/assertions/gen-1000`, { headers: { accept: 'application/ld+json' } })).json();
      expect(a.badge).toBe(`${big.baseUrl}/public/badges/bc-gen-1000`);
    } finally {
      await big.close();
    }
  });
});

describe('npm run backpack', () => {
  it('prints its base URL and serves', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/backpack/main.ts', '--port', '0', '--badges', '3'], { stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      const base = chunk.toString().trim().split('\n')[0]!;
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${base}/ims/ob/v3p0/discovery`)).status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 20_000);

  it('refuses bad arguments with exit status 2', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/backpack/main.ts', '--port', 'x'], { stdio: 'ignore' });
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(2);
  }, 20_000);
});
