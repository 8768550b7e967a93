/**
 * What one verification got from the network: how many documents it was answered, and which it
 * could not reach. The engine codes every failed fetch alike (ERR_FETCH_FAILED for an unreachable
 * server, a body too large or a redirect to another site; NO_KEY, ISSUER_UNRESOLVED or
 * STATUS_UNAVAILABLE in the checks built on them: core/verify/fetch-once.ts, core/formats/*), so
 * its checks cannot say whether the network was at fault. The fetch can: the host fetch marks a
 * request that got no answer at all (offline, refused, reset, DNS, timed out) as unreachable
 * (host-access.ts), and this log, around what the engine calls, counts those, 5xx, 408 and 429
 * answers as not reached. Anything else, an answer of any other status or a refusal of Lanyard's own
 * (no host permission, too large, a redirect), means the verification learned something.
 * A badge keeps its last complete result only when nothing was learned (last-complete.ts).
 */
import type { Fetch } from '../../core/verify/context.ts';

const unanswered = new WeakSet<object>();

/**
 * Marks what a request that got no answer at all (no connection, a reset, the host fetch's own time
 * limit) threw, as it is: its name and message, which callers and the engine's checks quote, stay.
 */
export function unreachable(e: unknown): unknown {
  const error = typeof e === 'object' && e !== null ? e : new Error(String(e));
  unanswered.add(error);
  return error;
}

export const isUnreachable = (e: unknown): boolean => typeof e === 'object' && e !== null && unanswered.has(e);

const refusals = new WeakMap<object, string>();

/** Marks an error as Lanyard's own refusal to read `origin` for want of a host permission (host-access.ts HostPermissionError). */
export function refusedOrigin<E extends object>(e: E, origin: string): E {
  refusals.set(e, origin);
  return e;
}

export interface Unreached {
  url: string;
  /** ISO 8601, when it failed. */
  at: string;
}

export interface NetworkLog {
  /** Requests answered (any status but 5xx, 408, 429), from the network or a cache, or refused by Lanyard itself. */
  answered: number;
  unreached: Unreached[];
  /**
   * Origins Lanyard itself refused to read for want of a host permission, as the host fetch said so
   * (never read from a check's text, which an issuer's URLs can make say anything): the hover card
   * names the first (content.ts).
   */
  refused?: string[];
  /** Hosts (host[:port]) on a local or private network that the hover fetch refused to reach (private-hosts.ts), as it said so. */
  privateHosts?: string[];
  /**
   * Answers the host fetch did not read, as it said so (host-access.ts): a redirect to another scheme
   * (file:, data:, javascript:; `scheme` when the redirect's Location could be seen), a body over its limit.
   */
  notRead?: NotRead[];
}

export type NotRead = { url: string; scheme: string } | { url: string; maxBytes: number };

const notReads = new WeakMap<object, NotRead>();

/** Marks an error as the host fetch's refusal to read an answer (notRead). */
export function refusedRead<E extends object>(e: E, why: NotRead): E {
  notReads.set(e, why);
  return e;
}

export const createNetworkLog = (): NetworkLog => ({ answered: 0, unreached: [] });

/** RFC 9110 §15.6 (5xx), §15.5.9 (408), RFC 6585 §4 (429): the server could not answer now, which says nothing of the badge. */
const transient = (status: number): boolean => status >= 500 || status === 408 || status === 429;

const privateRefusals = new WeakMap<object, string>();

/** Marks an error as Lanyard's own refusal to reach `host` on a local or private network (private-hosts.ts). */
export function refusedPrivate<E extends object>(e: E, host: string): E {
  privateRefusals.set(e, host);
  return e;
}

/**
 * `inner`, logging each request in `log`; `settle()` (when the verification ends) counts a request
 * still waiting as unreached: the engine's deadline gave up on it (core/verify/context.ts).
 */
export function loggingFetch(inner: Fetch, log: NetworkLog, now: () => Date): { fetch: Fetch; settle(): void } {
  const pending = new Map<object, string>();
  let settled = false;
  const note = (url: string, reached: boolean) => {
    if (settled) return;
    if (reached) log.answered++;
    else log.unreached.push({ url, at: now().toISOString() });
  };
  const fetch: Fetch = async (url, init) => {
    const id = {};
    pending.set(id, url);
    try {
      const res = await inner(url, init);
      note(url, !transient(res.status));
      return res;
    } catch (e) {
      note(url, !isUnreachable(e));
      const origin = typeof e === 'object' && e !== null ? refusals.get(e) : undefined;
      if (origin !== undefined && !settled) (log.refused ??= []).push(origin);
      const host = typeof e === 'object' && e !== null ? privateRefusals.get(e) : undefined;
      if (host !== undefined && !settled) (log.privateHosts ??= []).push(host);
      const notRead = typeof e === 'object' && e !== null ? notReads.get(e) : undefined;
      if (notRead !== undefined && !settled) (log.notRead ??= []).push(notRead);
      throw e;
    } finally {
      pending.delete(id);
    }
  };
  return {
    fetch,
    settle() {
      for (const url of pending.values()) note(url, false);
      settled = true;
      pending.clear();
    },
  };
}
