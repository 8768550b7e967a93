/**
 * Budgets (issue 12 point 10): one verification has a deadline (the caller's AbortSignal) and a
 * cap on fetches; past either, the checks that needed a document are `indeterminate`, saying why.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes, FetchError } from '../../../src/core/errors.ts';
import { checkEndorsements } from '../../../src/core/proofs/endorsement.ts';
import { createContext, DEFAULT_MAX_BYTES, DEFAULT_MAX_FETCHES, type Fetch } from '../../../src/core/verify/context.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, ISSUER, makeIssuer, NOW } from '../formats/ob2-fixtures.ts';
import { credential } from '../proofs/support.ts';

const HOSTED = 'https://issuer.test/assertions/1.json';

/** A fetch that never answers and ignores its signal (the worst server and the worst client). */
const hang = (): Promise<Response> => new Promise<Response>(() => undefined);

describe('verification deadline', () => {
  it('a hanging issuer ends the verification when the deadline passes: the checks that needed it are indeterminate', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' } });
    web.json(HOSTED, a);
    const asked: string[] = [];
    const fetch: Fetch = (url, init) => {
      asked.push(url);
      return url === ISSUER ? hang() : web.fetch(url, init);
    };
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), 30);
    const r = await verify(JSON.stringify(a), { fetch, now: NOW, signal: deadline.signal });
    clearTimeout(timer);
    expect(asked).toContain(ISSUER);
    expect(r.verdict).toBe('indeterminate');
    const stuck = r.checks.filter((c) => /ran out of time/.test(c.message));
    expect(stuck.length).toBeGreaterThan(0);
    expect(stuck.every((c) => c.outcome === 'indeterminate')).toBe(true);
    expect(stuck[0]?.message).toContain(ISSUER);
  });

  it('passes the signal to the fetch, so a real fetch is aborted too', async () => {
    let seen: AbortSignal | undefined;
    const fetch: Fetch = (_url, init) => {
      seen = init?.signal;
      return hang();
    };
    const deadline = new AbortController();
    const ctx = createContext({ fetch, now: NOW, signal: deadline.signal });
    const p = ctx.fetchJson('https://slow.test/doc.json');
    deadline.abort();
    await expect(p).rejects.toMatchObject({ code: ErrorCodes.BUDGET_EXCEEDED });
    expect(seen).toBe(deadline.signal);
  });

  it('fetches nothing once the deadline has passed', async () => {
    let calls = 0;
    const ctx = createContext({ fetch: async () => (calls++, new Response('{}')), now: NOW, signal: AbortSignal.abort() });
    await expect(ctx.fetchJson('https://issuer.test/x')).rejects.toBeInstanceOf(FetchError);
    expect(calls).toBe(0);
  });

  it('a fetch that ends the deadline as it starts, then fails, leaves no unhandled rejection behind', async () => {
    const unhandled: unknown[] = [];
    const note = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', note);
    try {
      const deadline = new AbortController();
      const fetch: Fetch = () => (deadline.abort(), Promise.reject(new TypeError('network down')));
      const ctx = createContext({ fetch, now: NOW, signal: deadline.signal });
      await expect(ctx.fetchJson('https://issuer.test/y')).rejects.toMatchObject({ code: ErrorCodes.BUDGET_EXCEEDED });
      await new Promise((r) => setTimeout(r, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', note);
    }
  });
});

describe('fetch cap', () => {
  it('fetches at most DEFAULT_MAX_FETCHES distinct documents; the rest fail with a clear message; memoised reads are free', async () => {
    let calls = 0;
    const fetch: Fetch = async () => (calls++, new Response('{"ok":true}', { headers: { 'content-type': 'application/json' } }));
    const ctx = createContext({ fetch, now: NOW });
    const results = await Promise.allSettled(Array.from({ length: 1000 }, (_, i) => ctx.fetchJson(`https://issuer.test/doc/${i}`)));
    expect(calls).toBe(DEFAULT_MAX_FETCHES);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(DEFAULT_MAX_FETCHES);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(1000 - DEFAULT_MAX_FETCHES);
    expect(refused[0]?.reason).toMatchObject({ code: ErrorCodes.BUDGET_EXCEEDED, message: expect.stringMatching(/the most one verification may/) });
    await ctx.fetchJson('https://issuer.test/doc/0');
    expect(calls).toBe(DEFAULT_MAX_FETCHES);
  });

  it('a credential with 1000 endorsements, each naming its own key URL, costs at most the cap and still gets a report', async () => {
    const endorsement = (i: number) => ({
      ...credential(`https://endorser-${i}.test/profile`),
      type: ['VerifiableCredential', 'EndorsementCredential'],
      credentialSubject: { id: 'https://issuer.example/1', type: ['EndorsementSubject'], endorsementComment: `Endorsement ${i}` },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2024-01-01T00:00:00Z', proofPurpose: 'assertionMethod', verificationMethod: `https://endorser-${i}.test/keys/${i}#key`, proofValue: 'z3FXQjecWufY46yg5abdVZsXqLhxhueuSoZgNSARiKBk9czhSePTFehP8c3PGfb6a22gkfUKods5D2UAUL5n2Brbx' },
    });
    const asked = new Set<string>();
    const fetch: Fetch = async (url) => (asked.add(url), new Response('{}', { status: 404 }));
    const c = credential('https://issuer.example/1', { endorsement: Array.from({ length: 1000 }, (_, i) => endorsement(i)) });
    const r = await checkEndorsements(c, createContext({ fetch, now: NOW, maxFetches: 10 }));
    expect(asked.size).toBeLessThanOrEqual(10);
    expect(r?.outcome).toBe('warning');
    expect(r?.message).toMatch(/endorsements do not verify/);
  });
});

describe('byte budget', () => {
  const MB = 1024 * 1024;
  const big = (size: number): Fetch => async () => new Response(`{"pad":"${'x'.repeat(size - 10)}"}`, { headers: { 'content-type': 'application/json' } });

  it('reads at most maxBytes in all, however many documents: past it, what is left is refused naming the limit, and a read document stays free', async () => {
    let calls = 0;
    const inner = big(MB);
    const fetch: Fetch = (url, init) => (calls++, inner(url, init));
    const ctx = createContext({ fetch, now: NOW, maxBytes: 3 * MB });
    const results: PromiseSettledResult<unknown>[] = [];
    // One after another: each read is counted when it is done.
    for (let i = 0; i < 10; i++) results.push(await ctx.fetchDocument(`https://issuer.test/doc/${i}`).then((value) => ({ status: 'fulfilled' as const, value }), (reason: unknown) => ({ status: 'rejected' as const, reason })));
    const read = results.filter((r): r is PromiseFulfilledResult<{ bytes: Uint8Array }> => r.status === 'fulfilled');
    expect(read.reduce((n, r) => n + r.value.bytes.length, 0)).toBeLessThanOrEqual(3 * MB);
    expect(read.length).toBeGreaterThan(0);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.reason).toMatchObject({ code: ErrorCodes.BUDGET_EXCEEDED, message: expect.stringMatching(/3 MB, the most one verification reads/) });
    // Once spent, nothing more is fetched at all.
    expect(calls).toBeLessThanOrEqual(read.length + 1);
    await expect(ctx.fetchDocument('https://issuer.test/doc/0')).resolves.toMatchObject({ status: 200 });
  });

  it(`reads at most DEFAULT_MAX_BYTES (${DEFAULT_MAX_BYTES / MB} MB) when the caller names no budget`, async () => {
    const ctx = createContext({ fetch: big(4 * MB), now: NOW, maxFetches: 1000 });
    let read = 0;
    for (let i = 0; i < DEFAULT_MAX_BYTES / (4 * MB) + 5; i++) read += await ctx.fetchDocument(`https://issuer.test/doc/${i}`).then((d) => d.bytes.length, () => 0);
    expect(read).toBeLessThanOrEqual(DEFAULT_MAX_BYTES);
    expect(read).toBeGreaterThan(DEFAULT_MAX_BYTES - 5 * MB);
  });

  it('a badge whose issuer answers more than the budget is indeterminate, never invalid, and says which limit stopped it', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' } });
    web.json(HOSTED, a);
    const fetch: Fetch = async (url, init) => {
      if (url !== ISSUER) return web.fetch(url, init);
      const profile = (await (await web.fetch(url, init)).json()) as Record<string, unknown>;
      return new Response(JSON.stringify({ ...profile, description: 'x'.repeat(2 * MB) }), { headers: { 'content-type': 'application/ld+json' } });
    };
    const r = await verify(JSON.stringify(a), { fetch, now: NOW, maxBytes: MB });
    expect(r.verdict).toBe('indeterminate');
    const stopped = r.checks.filter((c) => /the most one verification reads/.test(c.message));
    expect(stopped.length).toBeGreaterThan(0);
    expect(stopped.every((c) => c.outcome === 'indeterminate')).toBe(true);
    expect(r.checks.some((c) => c.outcome === 'fail')).toBe(false);
  });
});
