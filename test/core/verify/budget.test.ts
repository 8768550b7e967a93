/**
 * Budgets (issue 12 point 10): one verification has a deadline (the caller's AbortSignal) and a
 * cap on fetches; past either, the checks that needed a document are `indeterminate`, saying why.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes, FetchError } from '../../../src/core/errors.ts';
import { checkEndorsements } from '../../../src/core/proofs/endorsement.ts';
import { createContext, DEFAULT_MAX_FETCHES, type Fetch } from '../../../src/core/verify/context.ts';
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
