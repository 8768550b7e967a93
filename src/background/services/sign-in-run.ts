/** One sign-in's cancellable part, and the sign-ins under way (accounts.ts signIn, cancelSignIn; state.ts). */
import type { Fetch } from '../../backpack/http.ts';
import type { SignInUnderWay } from '../../messaging/protocol.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';

/** What a sign-in runs with. */
export interface SignInRun {
  fetch: Fetch;
  /** Aborted by a cancel: what `fetch` carries, and what a wait is given (sign-in-tokens.ts). */
  readonly signal: AbortSignal;
  until<T>(p: Promise<T>): Promise<T>;
  commit(): void;
  /** What it does now, as the popup says it (state.ts): only while it really waits for a sign-out, `finishing-sign-out`. */
  phase(p: SignInUnderWay['phase']): void;
}

/** `fetch` whose every request carries `signal` too (a sign-in's, an address change's Cancel). */
export const signalled = (fetch: Fetch, signal: AbortSignal): Fetch => (url, init) => fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, signal]) : signal });

/**
 * `fetch` under `signal` until the answer's headers come; a POST's answer is then read whole whatever the
 * signal: what the request made at the backpack (a token answer's session, a registered client) is in its
 * body, and a Cancel that aborted the body's read lost it unseen, a session never revoked (RFC 7009). Read,
 * the sign-in ends it as any cancelled after the tokens came (session-end.ts keepOrEnd). Other requests
 * stay aborted at once.
 */
export const answeredWhole = (fetch: Fetch, signal: AbortSignal): Fetch => async (url, init) => {
  if ((init?.method ?? 'GET').toUpperCase() !== 'POST') return signalled(fetch, signal)(url, init);
  signal.throwIfAborted();
  const untilAnswered = new AbortController();
  const onAbort = () => untilAnswered.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, untilAnswered.signal]) : untilAnswered.signal });
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
};

/**
 * Every request through `fetch` carries the run's signal (a POST's only until it is answered: answeredWhole), and `until` stops waiting for anything
 * else (the browser's sign-in window). `commit()` is the point of no return, just before the account
 * and its tokens are stored: a cancel that comes earlier leaves nothing stored; one that comes later
 * finds nothing to cancel (the run leaves `inFlight`), and the sign-in completes whole.
 */
export function signInRun(fetch: Fetch, inFlight: Set<AbortController>, shown?: SignInUnderWay): SignInRun & { controller: AbortController } {
  const controller = new AbortController();
  const { signal } = controller;
  inFlight.add(controller);
  return {
    controller,
    signal,
    fetch: answeredWhole(fetch, signal),
    until: <T>(p: Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason);
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
        p.then(resolve, reject);
      }),
    commit: () => {
      signal.throwIfAborted();
      inFlight.delete(controller);
    },
    phase: (p) => {
      if (shown) shown.phase = p;
    },
  };
}

/**
 * The sign-ins under way, one per account-to-be (its kind of API and its backpack's address: an
 * account's id is its kind, address and user, accounts.ts idOf, so a Badgr and an OB 3.0 sign-in to one
 * server, as Canvas Credentials serves both, are two accounts and run at once): a second of the same
 * kind to the same backpack while the first runs is refused before it sends anything
 * (ERR_SIGN_IN_UNDER_WAY), the first untouched. Two at
 * once raced to store the same account: the later one's tokens replaced the earlier's, whose session
 * stayed live at the provider, never revoked. A popup opened again during one waits for it (`wait`)
 * and gets the same reply as the popup that started it.
 */
/** A backpack as one key, however its address was written (host case, default port, trailing slashes). */
const keyOf = (baseUrl: string): string => {
  try {
    return new URL(baseUrl).href.replace(/\/+$/, '');
  } catch {
    return baseUrl;
  }
};

/**
 * How many attempts (SignInRequest `attempt`) are remembered as started, and as cancelled before they
 * started: the oldest go first. A cancel kept for a sign-in that never comes (its host permission refused
 * in the popup) is never matched again (each attempt's id is new), so only the bound keeps it from staying.
 */
export const MAX_ATTEMPTS = 32;
const remember = (set: Set<string>, id: string): void => {
  set.delete(id);
  set.add(id);
  if (set.size > MAX_ATTEMPTS) set.delete(set.values().next().value!);
};

export function createSignIns(fetch: Fetch) {
  /** Each sign-in until it starts storing its account: what a cancel aborts. */
  const inFlight = new Set<AbortController>();
  /** Each sign-in from its request to its reply. */
  const runs = new Map<string, { url: string; shown: SignInUnderWay; done: Promise<unknown>; controller: AbortController; attempt?: string | undefined }>();
  /**
   * The popup sends its Cancel beside the sign-in, which it sends only once the host permission prompt is
   * answered: a Cancel pressed during the prompt reaches the worker first. It found nothing to cancel and the
   * sign-in then ran whole. Such a cancel (of an attempt not seen start) is kept, and ends that sign-in as it starts.
   */
  const cancelledEarly = new Set<string>();
  const started = new Set<string>();
  /** The runs to this backpack, of `kind` when named. */
  const to = (baseUrl: string, kind?: SignInUnderWay['kind']) => [...runs.values()].filter((r) => r.url === keyOf(baseUrl) && (kind === undefined || r.shown.kind === kind));
  return {
    async run<T>({ attempt, ...who }: Omit<SignInUnderWay, 'id' | 'phase'> & { attempt?: string | undefined }, body: (s: SignInRun & { controller: AbortController }) => Promise<T>): Promise<T> {
      const url = keyOf(who.baseUrl);
      const key = `${who.kind} ${url}`;
      if (attempt !== undefined) {
        remember(started, attempt);
        if (cancelledEarly.delete(attempt)) throw new ServiceError(E.CANCELLED, `The sign-in to ${new URL(who.baseUrl).host} was cancelled: nothing was sent`);
      }
      if (runs.has(key)) {
        throw new ServiceError(E.SIGN_IN_UNDER_WAY, `A sign-in to ${new URL(who.baseUrl).host} is under way already: wait for it or cancel it. Nothing was sent`);
      }
      const shown: SignInUnderWay = { ...who, id: crypto.randomUUID(), phase: 'signing-in' };
      const s = signInRun(fetch, inFlight, shown);
      const done = body(s);
      runs.set(key, { url, shown, done, controller: s.controller, attempt });
      try {
        // The reply ends at the Cancel (which aborts only before commit): a POST's answer still being read
        // (answeredWhole) goes on behind it, and what it made is ended there (session-end.ts).
        return await s.until(done);
      } finally {
        inFlight.delete(s.controller);
        runs.delete(key);
      }
    },
    /** The reply of the sign-in of `kind` under way to this backpack, when one runs. */
    wait: (baseUrl: string, kind: SignInUnderWay['kind']): Promise<unknown> | undefined => to(baseUrl, kind)[0]?.done,
    /** Whether a sign-in is under way, until it starts storing its account (state.ts). */
    signingIn: (): boolean => inFlight.size > 0,
    /** The sign-ins under way, as the popup shows them (copies). */
    list: (): SignInUnderWay[] => [...runs.values()].map((r) => ({ ...r.shown })),
    /**
     * Cancels the sign-in in flight to `baseUrl` (the popup's Cancel, in that sign-in's form), or every one when
     * none is named; `cancelled` is false when none was left to cancel. Two backpacks' sign-ins run at once, each
     * in its own form: a Cancel that aborted all ended the other's too, whose form shows a cancel as nothing.
     * With `attempt`, only the sign-in it names; one not started yet ends as it starts (`cancelledEarly`). With
     * `kind`, only that kind's (a joined sign-in's Cancel: a Badgr and an OB 3.0 sign-in to one server run at once),
     * to `baseUrl` or, without one, to any backpack.
     */
    cancel(baseUrl?: string, attempt?: string, kind?: SignInUnderWay['kind']): { cancelled: boolean } {
      // A running one is found among the runs, not the bounded `started`: after MAX_ATTEMPTS others were tried it
      // was taken for one not started yet, and went on uncancelled.
      const own = attempt !== undefined ? [...runs.values()].filter((r) => r.attempt === attempt) : undefined;
      if (attempt !== undefined && own!.length === 0 && !started.has(attempt)) {
        remember(cancelledEarly, attempt);
        return { cancelled: true };
      }
      // A kind named without a backpack is that kind's everywhere: not every sign-in.
      const chosen = own ?? (baseUrl !== undefined ? to(baseUrl, kind) : kind !== undefined ? [...runs.values()].filter((r) => r.shown.kind === kind) : undefined);
      const these = chosen ? chosen.map((r) => r.controller).filter((c) => inFlight.has(c)) : [...inFlight];
      for (const c of these) {
        inFlight.delete(c);
        c.abort(new ServiceError(E.CANCELLED, 'The sign-in was cancelled'));
      }
      return { cancelled: these.length > 0 };
    },
  };
}
