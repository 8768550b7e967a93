/**
 * A fixed-seed slice of the differential JSON-LD fuzzer (issue 11; `npm run fuzz:jsonld` runs any
 * number): 2,000 mutated credentials through one engine context set, each compared byte for byte
 * (or refusal for refusal) with jsonld.canonize in safe mode.
 */
import { describe, expect, it } from 'vitest';
import { runFuzz } from './fuzz.ts';

describe('differential fuzzer, fixed seed', () => {
  it('2,000 cases: the engine and jsonld.canonize agree on every one', { timeout: 900_000 }, async () => {
    const { counts, examples } = await runFuzz({ n: 2000, seed: 11, maxExamples: 3 });
    console.log(`fuzz slice: ${JSON.stringify(counts)}`);
    expect(examples.map((e) => `${e.seed} (${e.applied.join(', ')}): ${e.input}\n${e.detail}`)).toEqual([]);
    expect(counts.cases).toBe(2000);
    expect(counts.differences).toBe(0);
    // The slice must exercise both paths and refusals, not only one of them.
    expect(counts.fastPath).toBeGreaterThan(200);
    expect(counts.fallback).toBeGreaterThan(100);
    expect(counts.bothRefused).toBeGreaterThan(100);
  });
});
