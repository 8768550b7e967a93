/**
 * The background's services over fakes of the platform (fake-indexeddb, in-memory session and
 * storage.local, recorded alarms, granted or refused host permissions, a launchWebAuthFlow that
 * drives the test backpack's authorization page over HTTP) and the real test backpack in-process.
 */
import { loadEngine } from '../support/engine.ts';
import { loadBackpack } from '../support/backpack.ts';
import 'fake-indexeddb/auto';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type Platform } from '../../src/background/wiring.ts';
import type { Alarms } from '../../src/platform/alarms.ts';
import { openDb, type Db } from '../../src/platform/db.ts';
import type { Identity } from '../../src/platform/identity.ts';
import { memoryLocalStore, memorySessionStore } from '../../src/platform/memory.ts';
import { submitAuthorizationForm } from '../backpack/helpers.ts';
import { ADA } from '../backpack/seed-data.ts';
import { startBackpack, type Backpack, type BackpackOptions } from '../backpack/server.ts';

export const REDIRECT_ORIGIN = 'https://pakfgahhhefpnaajfclapgchhifablpl.chromiumapp.org';

export function fakeAlarms(): Alarms & { readonly scheduled: Map<string, number>; readonly periodic: Map<string, number> } {
  const scheduled = new Map<string, number>();
  const periodic = new Map<string, number>();
  return {
    scheduled,
    periodic,
    ensurePeriodic: async (name, minutes) => void periodic.set(name, minutes),
    at: async (name, when) => void scheduled.set(name, when),
    clear: async (name) => {
      scheduled.delete(name);
      periodic.delete(name);
    },
    onAlarm: () => undefined,
  };
}

/** What the browser's sign-in window would do: show the page, fill the form, follow to the redirect. */
export function formIdentity(user = ADA.username, password = ADA.password): Identity & { launched: string[]; tamper?: (url: string) => string } {
  const id: Identity & { launched: string[]; tamper?: (url: string) => string } = {
    launched: [],
    redirectUrl: (path) => `${REDIRECT_ORIGIN}/${path}`,
    async launchWebAuthFlow(url) {
      id.launched.push(url);
      const r = await submitAuthorizationForm(url, user, password);
      if (!r.location?.startsWith(REDIRECT_ORIGIN)) throw new Error('The user closed the sign-in window');
      return id.tamper ? id.tamper(r.location) : r.location;
    },
  };
  return id;
}

let dbSeq = 0;
export interface Harness {
  app: Awaited<ReturnType<typeof buildApp>>;
  db: Db;
  platform: Platform & { alarms: ReturnType<typeof fakeAlarms>; session: ReturnType<typeof memorySessionStore>; identity: ReturnType<typeof formIdentity> };
  granted: Set<string>;
  /** The backoff waits sync asked for (not waited). */
  waits: number[];
  /** Every URL fetched, in order. */
  fetched: string[];
  clock: { offsetMs: number };
  /** The same database, new services: what a restarted worker sees. */
  restart(): Promise<Harness>;
}

export async function harness(overrides: Partial<Platform> = {}, dbName = `lanyard-bg-${Date.now()}-${dbSeq++}`): Promise<Harness> {
  const { syncOptions, ...rest } = overrides;
  const db = await openDb({ name: dbName });
  const granted = new Set<string>(['http://127.0.0.1/*']);
  const waits: number[] = [];
  const fetched: string[] = [];
  const clock = { offsetMs: 0 };
  const platform = {
    version: '0.1.0',
    alarms: fakeAlarms(),
    session: memorySessionStore(),
    identity: formIdentity(),
    local: memoryLocalStore(),
    permissions: {
      contains: async (url: string) => granted.has(`${new URL(url).protocol}//${new URL(url).hostname}/*`),
      request: async () => false,
    },
    fetch: (url: string, init?: RequestInit) => {
      fetched.push(url);
      return fetch(url, init);
    },
    openDb: async () => db,
    engine: loadEngine,
    backpack: loadBackpack,
    now: () => new Date(Date.now() + clock.offsetMs),
    syncOptions: { sleep: async (ms: number) => void waits.push(ms), pageSize: 50, ...syncOptions },
    ...rest,
  } as Harness['platform'];
  const app = await buildApp(platform);
  return { app, db, platform, granted, waits, fetched, clock, restart: () => harness({ ...rest, session: platform.session, local: platform.local, ...(syncOptions ? { syncOptions } : {}) }, dbName) };
}

/** A test backpack for the file (started before its tests, closed after). */
export function useBackpack(opts: BackpackOptions = {}): { bp: Backpack } {
  const ctx = {} as { bp: Backpack };
  beforeAll(async () => {
    ctx.bp = await startBackpack({ port: 0, ...opts });
  });
  afterAll(async () => {
    await ctx.bp?.close();
  });
  return ctx;
}

export const badgrSignIn = (h: Harness, baseUrl: string, username = ADA.username, password = ADA.password) =>
  h.app.accounts.signIn({ kind: 'badgr', baseUrl, username, password });

/** A fresh harness signed in to the test backpack as Ada (Badgr's password grant), its first sync done. */
export async function syncedBadgr(baseUrl: string): Promise<{ h: Harness; id: string }> {
  const h = await harness();
  const id = (await badgrSignIn(h, baseUrl)).id;
  await h.app.sync.run(id);
  return { h, id };
}

/** The test backpack's paths for each kind of API a sign-in uses: its profile, its badge list and its token endpoint. */
export const API_KINDS = [
  { kind: 'badgr', profile: '/v2/users/self', list: '/v2/backpack/assertions', token: '/o/token' },
  { kind: 'ob3', profile: '/ims/ob/v3p0/profile', list: '/ims/ob/v3p0/credentials', token: '/oauth/token' },
  { kind: 'badge-connect', profile: '/ims/ob/v2p1/profile', list: '/ims/ob/v2p1/assertions', token: '/oauth/token' },
] as const;

/** A fresh harness signed in to the test backpack by `kind` (Badgr: Ada's password grant), its first sync idle, and the keys it cached. */
export async function syncedAs(kind: 'badgr' | 'ob3' | 'badge-connect', baseUrl: string): Promise<{ h: Harness; id: string; cached: string[] }> {
  const h = await harness();
  const { id } = kind === 'badgr' ? await badgrSignIn(h, baseUrl) : await h.app.accounts.signIn({ kind, baseUrl });
  const run = await h.app.sync.run(id);
  if (run.status !== 'idle') throw new Error(`the first sync of ${kind} ended ${run.status}`);
  const cached = (await h.db.badges.byAccount(id)).map((r) => r.key).sort();
  if (!cached.length) throw new Error(`the first sync of ${kind} cached nothing`);
  return { h, id, cached };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; retryAfterSeconds?: number }> {
  try {
    await p;
  } catch (e) {
    return e as { code: string; message: string; retryAfterSeconds?: number };
  }
  throw new Error('expected the call to fail');
}
