/**
 * The store-only fact cache (src/background/services/facts.ts storedFacts), for an engine that
 * mirrors its facts (Chromium's offscreen engine): it holds nothing in memory, lists what is in
 * date from the store (newest MAX_FACTS, the rest deleted), and writes each new fact through; the
 * verifier gives it to such an engine instead of the in-memory cache.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { MAX_FACTS, storedFacts } from '../../src/background/services/facts.ts';
import { createVerifier } from '../../src/background/services/verifier.ts';
import type { VerifyOptions } from '../../src/core/verify/context.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { openDb } from '../../src/platform/db.ts';

let n = 0;
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('storedFacts', () => {
  it('lists the stored facts in date, oldest first, and keeps no more than MAX_FACTS', async () => {
    const db = await openDb({ name: `facts-${n++}` });
    const now = 10_000;
    await db.results.put({ key: 'fact:expired', value: true, expiresAt: 9_000 });
    for (let i = 0; i < MAX_FACTS + 3; i++) await db.results.put({ key: `fact:k${i}`, value: true, expiresAt: 20_000 + i });
    await db.results.put({ key: 'hover:https://x.example/a.json', value: {}, expiresAt: 30_000 });
    const facts = storedFacts(db.results, () => now);
    const listed = [...(await facts.entries())];
    expect(listed).toHaveLength(MAX_FACTS);
    expect(listed[0]![0]).toBe('k3');
    expect(listed.at(-1)![0]).toBe(`k${MAX_FACTS + 2}`);
    await settle();
    const keys = (await db.results.all()).map((r) => r.key);
    expect(keys).not.toContain('fact:expired');
    expect(keys).not.toContain('fact:k0');
    expect(keys).toContain('hover:https://x.example/a.json');
  }, 60_000);

  it('writes new facts through and answers nothing itself', async () => {
    const db = await openDb({ name: `facts-${n++}` });
    const facts = storedFacts(db.results, () => 1_000);
    facts.set('sig:abc', true);
    await settle();
    expect(facts.get('sig:abc')).toBeUndefined();
    expect([...(await facts.entries())]).toEqual([['sig:abc', true]]);
    expect((await db.results.get('fact:sig:abc'))?.expiresAt).toBeGreaterThan(1_000);
  });

  it('is what the verifier gives an engine that mirrors its facts, and the in-memory cache to one that does not', async () => {
    const db = await openDb({ name: `facts-${n++}` });
    await db.results.put({ key: 'fact:known', value: true, expiresAt: Date.now() + 60_000 });
    const seen: VerifyOptions[] = [];
    const spy = (mirrorsFacts: boolean) => async () => ({ mirrorsFacts, verify: (input: Uint8Array | string, o: VerifyOptions) => (seen.push(o), verify(input, o)) });
    const fetch = async () => new Response('{}');
    await createVerifier({ engine: spy(true), fetch, results: db.results }).verify('{}', []);
    await createVerifier({ engine: spy(false), fetch, results: db.results }).verify('{}', []);
    expect(seen[0]!.keyCache!.get('known')).toBeUndefined();
    expect([...(await (seen[0]!.keyCache as unknown as { entries(): Promise<Iterable<[string, unknown]>> }).entries())]).toEqual([['known', true]]);
    expect(seen[1]!.keyCache!.get('known')).toBe(true);
  });
});
