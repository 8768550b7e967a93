/** What a web page cannot make the background do through hover verification: grow storage without limit, reach private hosts. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createContent, hoverKey, MAX_HOVER_RESULTS } from '../../src/background/services/content.ts';
import { MAX_RUNNING, MAX_RUNNING_PER_SITE, MAX_RUNNING_PER_TAB } from '../../src/background/services/hover-rate.ts';
import type { SettingsService } from '../../src/background/services/settings.ts';
import { loadFacts, MAX_FACTS } from '../../src/background/services/facts.ts';
import type { Verifier, VerifyCallOptions } from '../../src/background/services/verifier.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { openDb } from '../../src/platform/db.ts';
import { matchRecipient } from '../../src/core/verify/recipient-match.ts';

let n = 0;
const RESULT: VerifyResult = { verdict: 'indeterminate', format: 'unknown', checks: [], recipient: null, badge: null, input: { kind: 'url', size: 0, sha256: '' } };

async function setup(accounts: string[] = []) {
  const db = await openDb({ name: `content-limits-${n++}` });
  for (const [i, baseUrl] of accounts.entries()) await db.accounts.put({ id: `a${i}`, kind: 'badgr', providerName: 'B', baseUrl, user: 'u', userId: 'u', addresses: [], needsSignIn: false, createdAt: '' });
  const calls: { input: unknown; ids: readonly string[]; options: VerifyCallOptions | undefined }[] = [];
  const verifier: Verifier = { matchRecipient, verify: async (input, ids, options) => (calls.push({ input, ids, options }), RESULT) };
  const settings = { get: async () => ({ hoverVerify: true }) } as unknown as SettingsService;
  let tab = 0;
  let t = 1_000_000;
  const content = createContent({ db, verifier, settings, now: () => (t += 1) });
  // A new tab for each request: the per-tab rate limit is tested in hover-verify.test.ts.
  const verifyFrom = (url: string) => content.hoverVerify(url, { url: 'https://blog.example/p', tab: { id: tab++ }, frameId: 0 });
  return { db, content, calls, verifyFrom };
}

describe('hover verification limits', () => {
  it(`runs at most ${MAX_RUNNING_PER_TAB} verifications at once for a tab and ${MAX_RUNNING} in all: a page cannot pile up slow ones in the worker`, async () => {
    const db = await openDb({ name: `content-limits-${n++}` });
    const waiting: (() => void)[] = [];
    const verifier: Verifier = { matchRecipient, verify: () => new Promise((resolve) => waiting.push(() => resolve(RESULT))) };
    const settings = { get: async () => ({ hoverVerify: true }) } as unknown as SettingsService;
    let t = 1_000_000;
    const content = createContent({ db, verifier, settings, now: () => (t += 400) });
    const from = (tab: number) => ({ url: 'https://blog.example/p', tab: { id: tab }, frameId: 0 });
    const running: Promise<unknown>[] = [];
    for (let i = 0; i < MAX_RUNNING_PER_TAB; i++) running.push(content.hoverVerify(`https://slow.example/${i}`, from(1)));
    await expect(content.hoverVerify('https://slow.example/more', from(1))).rejects.toMatchObject({ code: 'ERR_RATE_LIMITED', retryAfterSeconds: 1 });
    // The same URL again joins the one running: nothing more runs.
    running.push(content.hoverVerify('https://slow.example/0', from(1)));
    // Other tabs, each on a site of its own (one site has at most MAX_RUNNING_PER_SITE: tested below).
    const elsewhere = (tab: number) => ({ ...from(tab), url: `https://site${tab}.example/p` });
    for (let tab = 2; running.length < MAX_RUNNING + 1; tab++) running.push(content.hoverVerify(`https://slow.example/tab${tab}`, elsewhere(tab)));
    await expect(content.hoverVerify('https://slow.example/other-tab', elsewhere(99))).rejects.toMatchObject({ code: 'ERR_RATE_LIMITED' });
    await new Promise((r) => setTimeout(r, 20));
    expect(waiting).toHaveLength(MAX_RUNNING);
    for (const done of waiting.splice(0)) done();
    await Promise.all(running);
    // Done: room again.
    const next = content.hoverVerify('https://slow.example/after', from(1));
    await new Promise((r) => setTimeout(r, 20));
    waiting.splice(0).forEach((done) => done());
    await expect(next).resolves.toMatchObject({ verdict: 'indeterminate' });
  });

  it(`gives one site at most ${MAX_RUNNING_PER_SITE} of the ${MAX_RUNNING} slots, however many tabs it has open: a page answering slowly cannot stop hover in other sites' tabs`, async () => {
    const db = await openDb({ name: `content-limits-${n++}` });
    const waiting: { url: string; done: () => void }[] = [];
    const verifier: Verifier = { matchRecipient, verify: (url) => new Promise((resolve) => waiting.push({ url: String(url), done: () => resolve(RESULT) })) };
    const settings = { get: async () => ({ hoverVerify: true }) } as unknown as SettingsService;
    let t = 1_000_000;
    const content = createContent({ db, verifier, settings, now: () => (t += 400) });
    const on = (site: string, tab: number) => ({ url: `${site}/p`, tab: { id: tab }, frameId: 0 });
    // The store's reads before a verification starts settle in a few turns of the event loop (no timer waited for).
    const settle = async () => {
      for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
    };
    const slow: Promise<unknown>[] = [];
    // The hostile site, open in three tabs, asks for as many as each tab may.
    const refused: string[] = [];
    for (const tab of [1, 2, 3]) {
      for (let i = 0; i < MAX_RUNNING_PER_TAB; i++) {
        const p = content.hoverVerify(`https://slow.evil.example/${tab}/${i}`, on('https://evil.example', tab));
        slow.push(p.catch((e: { code: string }) => void refused.push(e.code)));
      }
    }
    await settle();
    expect(waiting).toHaveLength(MAX_RUNNING_PER_SITE);
    expect(new Set(refused)).toEqual(new Set(['ERR_RATE_LIMITED']));
    // Another site's tab still verifies, while the hostile site's are still waiting.
    const mine = content.hoverVerify('https://issuer.example/badge.json', on('https://blog.example', 7));
    await settle();
    expect(waiting.map((w) => w.url)).toContain('https://issuer.example/badge.json');
    for (const w of waiting.splice(0)) w.done();
    await expect(mine).resolves.toMatchObject({ verdict: 'indeterminate' });
    await Promise.all(slow);
  });

  it('answers a verdict it keeps while the tab\'s slots are busy: only a new verification waits for one', async () => {
    const db = await openDb({ name: `content-limits-${n++}` });
    const waiting: (() => void)[] = [];
    let slow = false;
    const verifier: Verifier = { matchRecipient, verify: () => (slow ? new Promise((resolve) => waiting.push(() => resolve(RESULT))) : Promise.resolve(RESULT)) };
    const settings = { get: async () => ({ hoverVerify: true }) } as unknown as SettingsService;
    let t = 1_000_000;
    const content = createContent({ db, verifier, settings, now: () => (t += 400) });
    const from = { url: 'https://blog.example/p', tab: { id: 1 }, frameId: 0 };
    await content.hoverVerify('https://fast.example/kept', from);
    slow = true;
    const running = Array.from({ length: MAX_RUNNING_PER_TAB }, (_, i) => content.hoverVerify(`https://slow.example/${i}`, from));
    await expect(content.hoverVerify('https://fast.example/kept', from)).resolves.toMatchObject({ verdict: 'indeterminate' });
    await expect(content.hoverVerify('https://slow.example/new', from)).rejects.toMatchObject({ code: 'ERR_RATE_LIMITED' });
    await new Promise((r) => setTimeout(r, 20));
    waiting.splice(0).forEach((done) => done());
    await Promise.all(running);
  });

  it('counts a refused request against the tab’s rate too: a tab on a site where hover is off cannot make the worker read its store at will', async () => {
    const db = await openDb({ name: `content-limits-${n++}` });
    let reads = 0;
    const settings = { get: async () => (reads++, { hoverVerify: false }) } as unknown as SettingsService;
    const content = createContent({ db, verifier: { matchRecipient, verify: async () => RESULT }, settings, now: () => 5_000_000 });
    const codes: string[] = [];
    for (let i = 0; i < 50; i++) codes.push(await content.hoverVerify(`https://issuer.example/${i}.json`, { url: 'https://blog.example/p', tab: { id: 1 }, frameId: 0 }).then(() => 'ok', (e: { code: string }) => e.code));
    expect(codes.slice(0, 3)).toEqual(['ERR_DISABLED', 'ERR_DISABLED', 'ERR_DISABLED']);
    expect(new Set(codes.slice(3))).toEqual(new Set(['ERR_RATE_LIMITED']));
    expect(reads).toBe(3);
  });

  it('asks the verifier to refuse private hosts, but for the user’s own backpacks', async () => {
    const { verifyFrom, calls } = await setup(['http://127.0.0.1:8787', 'https://api.badgr.io/']);
    await verifyFrom('https://issuer.example/badges/a.json');
    expect(calls[0]!.options).toEqual({ blockPrivate: true, allowOrigins: ['http://127.0.0.1:8787', 'https://api.badgr.io'], site: 'https://blog.example', log: { answered: 0, unreached: [] } });
    // And without the user's addresses: the verdict says whether a badge is genuine, never whose it is (content.ts).
    expect(calls[0]!.ids).toEqual([]);
  });

  it('verifies again a kept verdict that is not of this version’s exact shape (one an older version kept, with its issuedToYou), rather than answering what the router would refuse', async () => {
    const { db, verifyFrom, calls } = await setup();
    const url = 'https://issuer.example/badges/old.json';
    await db.results.put({ key: hoverKey('https://blog.example', [], url), value: { verdict: 'valid', name: 'Old', issuedToYou: true, message: 'Verified' }, expiresAt: Number.MAX_SAFE_INTEGER });
    expect(await verifyFrom(url)).toEqual({ verdict: 'indeterminate', name: 'Not a readable badge', message: 'This badge could not be verified', noBadge: true, noBadgeKind: 'unreadable' });
    expect(calls).toHaveLength(1);
  });

  it('keeps at most MAX_HOVER_RESULTS verdicts, however many URLs a page hovers', async () => {
    const { db, verifyFrom } = await setup();
    for (let i = 0; i < MAX_HOVER_RESULTS + 60; i++) await verifyFrom(`https://issuer.example/badges/${i}.json`);
    const hovers = (await db.results.all()).filter((r) => r.key.startsWith('hover:'));
    expect(hovers.length).toBeLessThanOrEqual(MAX_HOVER_RESULTS + 25);
    expect(hovers.map((r) => r.key)).not.toContain(hoverKey('https://blog.example', [], 'https://issuer.example/badges/0.json'));
    expect(hovers.map((r) => r.key)).toContain(hoverKey('https://blog.example', [], `https://issuer.example/badges/${MAX_HOVER_RESULTS + 59}.json`));
  });
});

describe('the fact cache', () => {
  it('keeps at most MAX_FACTS, least recently used out first, and drops expired ones when loaded', async () => {
    const db = await openDb({ name: `content-limits-${n++}` });
    let now = 5_000;
    await db.results.put({ key: 'fact:old', value: 1, expiresAt: 4_000 });
    await db.results.put({ key: 'hover:https://x.example/a.json', value: {}, expiresAt: 9_000 });
    const facts = await loadFacts(db.results, () => now);
    expect(facts.get('old')).toBeUndefined();
    facts.set('first', true);
    for (let i = 0; i < MAX_FACTS; i++) facts.set(`k${i}`, i);
    expect(facts.get('first')).toBeUndefined();
    expect(facts.get(`k${MAX_FACTS - 1}`)).toBe(MAX_FACTS - 1);
    await new Promise((r) => setTimeout(r, 50));
    const stored = (await db.results.all()).filter((r) => r.key.startsWith('fact:'));
    expect(stored.length).toBe(MAX_FACTS);
    expect(stored.every((r) => (r.expiresAt ?? 0) > now)).toBe(true);
    now += 10_000;
    const again = await loadFacts(db.results, () => now);
    expect(again.get('k0')).toBe(0);
  }, 60_000); // MAX_FACTS writes to fake-indexeddb: seconds on a loaded 2-core machine
});
