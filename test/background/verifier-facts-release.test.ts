/**
 * The stored facts' memory copy is let go when verifications have been idle for the engine's idle
 * time (src/background/services/verifier.ts; issue 14 sw_heap_mb_1000), and read again from the
 * `results` store by the next verification, which still finds the facts learnt before.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createVerifier } from '../../src/background/services/verifier.ts';
import { openDb, type Store } from '../../src/platform/db.ts';
import type { ResultRecord } from '../../src/platform/records.ts';
import { loadEngine } from '../support/engine.ts';
import { fakeTimers } from '../support/fake-timers.ts';

const SIGNED = readFileSync(path.resolve(import.meta.dirname, '../fixtures/real/dcc-vc-test-fixtures/v1_ed25519_didKey_legacy-noStatus-noExpiry-stringIssuerId.json'), 'utf8');
const IDLE = 30_000;

it('reads the stored facts again after an idle spell, and only then', async () => {
  const db = await openDb({ name: `verifier-facts-release-${Date.now()}` });
  let reads = 0;
  const results: Store<ResultRecord> = { ...db.results, all: () => (reads++, db.results.all()) };
  const { timers, pass } = fakeTimers();
  const verifier = createVerifier({ engine: loadEngine, fetch: async () => new Response('', { status: 500 }), results, now: () => new Date('2026-06-01T00:00:00Z'), factsIdleMs: IDLE, timers });
  const signature = async () => (await verifier.verify(SIGNED, [])).checks.find((c) => c.id === 'signature')?.outcome;

  expect(await signature()).toBe('pass');
  expect(reads).toBe(1);
  const stored = (await db.results.all()).filter((r) => r.key.startsWith('fact:sig:'));
  expect(stored.length).toBeGreaterThan(0);

  // Within the idle time: the copy in memory is used.
  pass(IDLE - 1);
  expect(await signature()).toBe('pass');
  expect(reads).toBe(1);

  // Idle for the whole time since the last verification ended: let go, read again.
  pass(IDLE);
  expect(await signature()).toBe('pass');
  expect(reads).toBe(2);
  // The facts read again are the ones learnt before: nothing new was written.
  expect((await db.results.all()).filter((r) => r.key.startsWith('fact:sig:')).map((r) => r.key)).toEqual(stored.map((r) => r.key));
});
