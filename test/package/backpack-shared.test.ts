/**
 * backpack.js as vite.config.ts builds it takes the error classes from the worker
 * (src/background/backpack-shared.ts): an error its clients throw is `instanceof` the worker's
 * BackpackError and ServiceError, as the background's checks need (errors.ts explain, tokens.ts,
 * retry.ts…). Built here, then evaluated beside this test's own modules in the role of the worker's.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BACKPACK, iife } from '../../vite.config.ts';
import { SHARED_GLOBAL } from '../../src/background/backpack-shared.ts';
import { BACKPACK_GLOBAL, type BackpackKit } from '../../src/background/services/backpack-kit.ts';
import * as backpackErrors from '../../src/backpack/errors.ts';
import * as serviceErrors from '../../src/background/services/errors.ts';
import * as coreErrors from '../../src/core/errors.ts';
import * as httpDate from '../../src/core/http-date.ts';
import type { AccountRecord } from '../../src/platform/records.ts';

const scope = globalThis as unknown as Record<string, unknown>;
afterEach(() => {
  delete scope[BACKPACK_GLOBAL];
  delete scope[SHARED_GLOBAL];
});

/** Evaluates a build of backpack.js as a classic script does, with the worker's modules on the shared global. */
async function load(shared: Record<string, string>): Promise<BackpackKit> {
  const code = await iife(BACKPACK.entry, BACKPACK.fileName, 'chrome120', shared);
  scope[SHARED_GLOBAL] = { backpackErrors, serviceErrors, coreErrors, httpDate };
  (0, eval)(code);
  return scope[BACKPACK_GLOBAL] as BackpackKit;
}

const refused = async () => new Response(JSON.stringify({ error: 'invalid_grant' }), { status: 401, headers: { 'content-type': 'application/json' } });
const noService = { id: 'ob3-x', kind: 'ob3', baseUrl: 'https://backpack.example', providerName: 'x', user: 'u', userId: 'u', addresses: [], createdAt: '', needsSignIn: false } as unknown as AccountRecord;

describe('backpack.js and the worker’s error classes', () => {
  it('its clients throw the worker’s BackpackError and ServiceError', { timeout: 60_000 }, async () => {
    const kit = await load(BACKPACK.shared);
    const signIn = await kit.badgrClient('https://backpack.example', refused).signIn('ada@example.org', 'wrong').catch((e: unknown) => e);
    expect(signIn).toBeInstanceOf(backpackErrors.BackpackError);
    expect(backpackErrors.isBackpackError(signIn)).toBe(true);
    const noDescription = await kit.createProviders(refused, { get: async () => undefined } as never).for(noService).catch((e: unknown) => e);
    expect(noDescription).toBeInstanceOf(serviceErrors.ServiceError);
    expect((noDescription as serviceErrors.ServiceError).code).toBe('ERR_NOT_FOUND');
  });

  it('its HTTP-date reading is the worker’s (core/http-date.ts, not carried twice): a Retry-After date is read', { timeout: 60_000 }, async () => {
    const kit = await load(BACKPACK.shared);
    const throttled = async () => new Response('{}', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': 'Thu, 01 Jan 2026 00:01:00 GMT', date: 'Thu, 01 Jan 2026 00:00:00 GMT' } });
    const e = await kit.badgrClient('https://backpack.example', throttled).signIn('ada@example.org', 'pw').catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'THROTTLED', retryAfterSeconds: 60 });
  });

  it('built with a copy of its own, they would not be (what the sharing prevents)', { timeout: 60_000 }, async () => {
    const kit = await load({});
    const signIn = await kit.badgrClient('https://backpack.example', refused).signIn('ada@example.org', 'wrong').catch((e: unknown) => e);
    expect(signIn).toBeInstanceOf(Error);
    expect(backpackErrors.isBackpackError(signIn)).toBe(false);
  });
});
