/**
 * The account's addresses, through Badgr's v1 e-mail API: list, add (Badgr e-mails a confirmation
 * link), re-send the confirmation, make a verified one primary, remove. Badgr's rules come back as
 * errors with codes of their own and its words kept (email-refusals.ts: the primary or only address
 * cannot be removed, an address of another user cannot be added, an unverified address cannot be
 * primary; THROTTLED: one re-send in five minutes, and a backoff after a refused add). Each address shows how many cached badges were issued to it. An added address
 * is kept as typed (identities.ts) from before Badgr is asked until Badgr refuses it. A server without
 * the v1 API lists them through /v2/users/self, without ids (`id: ''`): the popup offers no change.
 *
 * A change can be cancelled (`cancel`, the address screen's Cancel), as a sign-in and a sync can: a backpack
 * that does not answer, or the backoff pause before a second refresh (token-use.ts), held the screen busy
 * with nothing to press. Its requests are aborted and the pause ends at once, with no second refresh; a
 * change waiting behind another is ended before it sends anything. Once the backpack has answered the change
 * itself with a 2xx (its headers are enough: answeredOn), it is made: a cancel then finds nothing to cancel,
 * and the list is read as usual.
 */
import { serial, type Serial } from './serial.ts';
import type { BadgrClient } from '../../backpack/badgr.ts';
import { isBackpackError } from '../../backpack/errors.ts';
import type { Fetch } from '../../backpack/http.ts';
import type { EmailView } from '../../messaging/views.ts';
import type { Db } from '../../platform/db.ts';
import type { AccountAddress, AccountRecord } from '../../platform/records.ts';
import { explain, ServiceError, ServiceErrorCodes as E, type ServiceErrorCode } from './errors.ts';
import type { LoadBackpack } from './backpack-kit.ts';
import { boundAddresses } from './address-bound.ts';
import { emailRefusal, isVariantRegistered } from './email-refusals.ts';
import { addressKey, confirmedOf, verifiedOf } from './identities.ts';
import { DEFAULT_RETRY, sleep as realSleep, type Sleep } from './retry.ts';
import { withAccess } from './token-use.ts';
import { signalled } from './sign-in-run.ts';
import type { Tokens } from './tokens.ts';

export interface EmailsDeps {
  db: Db;
  tokens: Tokens;
  fetch: Fetch;
  /** The backpack clients, loaded on first use (backpack-kit.ts; tests: test/support/backpack.ts). */
  backpack: LoadBackpack;
  /** The verified set may have changed: pending badges may now be the user's (sync again). */
  onAddressesChanged?: (accountId: string) => void;
  /**
   * The addresses confirmed everywhere changed (a typed address its backpack now verifies, or no
   * longer does: identities.ts confirmedOf): local imports and other accounts' badges are checked again.
   */
  onConfirmedChanged?: () => void;
  /** The backoff before a second refresh (token-use.ts), a sync's first step; default a real wait. */
  sleep?: Sleep;
}

type Op = (c: BadgrClient, token: string) => Promise<unknown>;

/**
 * The fetch of a change, calling `made` as soon as the change itself (any request but a read) is answered
 * with a 2xx by the backpack's own origin: its status and headers say it is made, before its body is read.
 * A Cancel arriving between the two then finds nothing to cancel, as after the whole answer; before, it
 * aborted the body's read and the change was said cancelled while the backpack had made it.
 */
const answeredOn = (fetch: Fetch, made: (() => void) | undefined, sent?: () => void): Fetch =>
  made === undefined
    ? fetch
    : async (url, init) => {
        const read = (init?.method ?? 'GET').toUpperCase() === 'GET';
        // Sent: from here the backpack may make the change whatever the Cancel (said so: cancel below).
        if (!read) sent?.();
        const res = await fetch(url, init);
        const here = !res.redirected || !res.url || new URL(res.url).origin === new URL(url).origin;
        if (!read && res.ok && here) made();
        return res;
      };

/**
 * An add Badgr answered without making it: refused (a 4xx), or held back by its backoff (429), but
 * not its 400 that registered the spelling as a case variant (email-refusals.ts). No answer, or a
 * server error, leaves it unknown: the address may be pending at Badgr.
 */
const notMade = (e: unknown): boolean => (isBackpackError(e, 'REJECTED') && !isVariantRegistered(e)) || isBackpackError(e, 'THROTTLED');

const typedPlus = (a: AccountRecord, email: string): string[] => [...new Set([...(a.typedAddresses ?? []), email.trim()])];

export function createEmails(d: EmailsDeps) {
  async function badgrAccount(accountId: string): Promise<AccountRecord> {
    const a = await d.db.accounts.get(accountId);
    if (!a) throw new ServiceError(E.NOT_FOUND, 'This account is not signed in');
    if (a.kind !== 'badgr') throw new ServiceError(E.UNSUPPORTED, `${a.providerName} manages your addresses on its own site: Lanyard can change them only for Badgr-compatible backpacks`);
    return a;
  }

  const idOf = (id: string): number => {
    if (!/^\d{1,12}$/.test(id)) throw new ServiceError(E.NOT_FOUND, 'No such address');
    return Number(id);
  };

  /**
   * Runs an operation with the access token (refreshed after a 401: token-use.ts), then lists the
   * addresses again. A refreshed token refused too is refreshed once more after a sync's first backoff
   * step, as a sync's and a sign-in's are: without it the second refresh followed the first at once,
   * before the API's servers could know the token it gave. A change's `signal` (its Cancel) reaches its
   * requests and that pause; `made` is called once the backpack has answered the change itself.
   */
  async function withClient(accountId: string, op?: Op, typed?: string, signal?: AbortSignal, made?: () => void, sent?: () => void): Promise<EmailView[]> {
    const account = await badgrAccount(accountId);
    const { badgrClient, badgrProvider } = await d.backpack();
    signal?.throwIfAborted();
    const client = badgrClient(account.baseUrl, answeredOn(signal ? signalled(d.fetch, signal) : d.fetch, made, sent));
    const host = new URL(account.baseUrl).host;
    const run = <T>(fn: (token: string) => Promise<T>): Promise<T> => withAccess(d.tokens, accountId, fn, () => (d.sleep ?? realSleep)(DEFAULT_RETRY.baseMs, signal), signal);
    let listed: AccountAddress[];
    // An added address is written down as typed before Badgr is asked: the answer, or the list read
    // after it, may never come (the worker stopped, the list refused) while Badgr keeps the pending
    // address; once its link is followed it is the user's everywhere (identities.ts). An add Badgr
    // answered without making it takes it back (notMade).
    const wasTyped = typed !== undefined && (account.typedAddresses ?? []).includes(typed.trim());
    if (typed && !wasTyped) {
      let before: string[] = [];
      const written = await d.db.accounts.update(accountId, (current) => {
        if (current) before = confirmedOf([current]);
        return current && { ...current, typedAddresses: typedPlus(current, typed) };
      });
      // Typed in another spelling of an address this backpack verifies: confirmed now, whatever Badgr answers.
      if (written && JSON.stringify(confirmedOf([written])) !== JSON.stringify(before)) d.onConfirmedChanged?.();
    }
    // The change answered as made: a list that cannot be read after it does not undo it (ERR_CHANGE_MADE below).
    let madeIt = false;
    try {
      if (op) await run((t) => op(client, t)).then(() => ((madeIt = true), made?.()), async (e: unknown) => {
        // Not one this backpack verifies already (its 400 "Could not register email address." for its own address as spelled): that one is confirmed, as typed.
        if (typed && !wasTyped && notMade(e)) await d.db.accounts.update(accountId, (current) => current && (verifiedOf(current).some((v) => addressKey(v) === addressKey(typed)) ? current : { ...current, typedAddresses: (current.typedAddresses ?? []).filter((x) => x !== typed.trim()) }));
        throw emailRefusal(e);
      });
      // A server without the v1 address API (404, 405) still lists the addresses in /v2/users/self,
      // without ids (the sync reads them the same way): shown, and changed only on the backpack's site.
      listed = (await run((t) => badgrProvider(client).addresses(t))) ?? [];
    } catch (e) {
      // Aborted by its Cancel: said as cancelled, not as a backpack out of reach (http.ts send).
      if (signal?.aborted) throw signal.reason;
      const said = explain(e, host);
      // Made, and only the list read after it failed: said as made (reason ERR_CHANGE_MADE), not as the change
      // failing, which the user would try again (Badgr then refuses the address it holds, or throttles the re-send).
      if (madeIt && said instanceof Error && 'code' in said) throw new ServiceError(said.code as ServiceErrorCode, `The backpack made the change, but the address list could not be read again: ${said.message}`, (said as ServiceError).retryAfterSeconds, { reason: 'ERR_CHANGE_MADE' });
      throw said;
    }
    const { addresses } = boundAddresses(listed);
    const changed = JSON.stringify(addresses) !== JSON.stringify(account.addresses);
    // An address the user typed counts for every badge once this backpack verifies it (identities.ts).
    // Only these fields, merged into the account as it is now (one transaction, db.ts update): the
    // user may have changed its trust meanwhile, or signed it out (then it stays signed out).
    let confirmedBefore: string[] = [];
    const written = await d.db.accounts.update(accountId, (current) => {
      if (!current) return current;
      confirmedBefore = confirmedOf([current]);
      return { ...current, addresses, user: addresses.find((a) => a.primary)?.email ?? current.user, ...(typed ? { typedAddresses: typedPlus(current, typed) } : {}) };
    });
    if (!written) throw new ServiceError(E.NOT_FOUND, 'This account was signed out');
    if (changed || typed) d.onAddressesChanged?.(accountId);
    if (JSON.stringify(confirmedOf([written])) !== JSON.stringify(confirmedBefore)) d.onConfirmedChanged?.();
    return Promise.all(addresses.map(async (a) => ({ id: a.id ?? '', email: a.email, verified: a.verified, primary: a.primary, badgeCount: await d.db.badges.countByRecipient(a.email) })));
  }

  // Changes one after another (serial.ts): an add decides from the account as it starts whether the
  // address was typed before it, and takes it back when Badgr refuses; two adds of one address at once
  // both read "not typed", and the refused second (Badgr's 400 for an address it holds, or a 429) took
  // back the address the first had just recorded. One queue per account: a backpack that does not
  // answer holds back only its own account's changes.
  const queues = new Map<string, Serial>();
  /** Each account's changes, running or waiting, until the backpack has answered them: what `cancel` aborts. */
  const cancellable = new Map<string, Set<AbortController>>();
  /** The changes whose request has left for the backpack: a Cancel cannot say the backpack did not make them. */
  const sentOnes = new WeakSet<AbortController>();
  const change = (accountId: string, op: Op, typed?: string): Promise<EmailView[]> => {
    let queue = queues.get(accountId);
    if (!queue) queues.set(accountId, (queue = serial()));
    const controller = new AbortController();
    const mine = cancellable.get(accountId) ?? new Set();
    cancellable.set(accountId, mine.add(controller));
    const done = () => {
      mine.delete(controller);
      if (!mine.size && cancellable.get(accountId) === mine) cancellable.delete(accountId);
    };
    return queue(() => withClient(accountId, op, typed, controller.signal, done, () => sentOnes.add(controller))).finally(done);
  };
  return {
    list: (accountId: string) => withClient(accountId),
    add: (accountId: string, email: string) => change(accountId, (c, t) => c.addEmail(t, email), email),
    resend: (accountId: string, id: string) => change(accountId, (c, t) => c.resendVerification(t, idOf(id))),
    makePrimary: (accountId: string, id: string) => change(accountId, (c, t) => c.makePrimary(t, idOf(id))),
    remove: (accountId: string, id: string) => change(accountId, (c, t) => c.removeEmail(t, idOf(id))),
    /** Cancels this account's changes not yet answered (the popup's Cancel); `cancelled` false when none was left. */
    cancel(accountId: string): { cancelled: boolean } {
      const these = [...(cancellable.get(accountId) ?? [])];
      cancellable.delete(accountId);
      // A change whose request had left may have been made at the backpack all the same (its answer was not
      // awaited): said so (`reason` ERR_MAYBE_MADE), and the popup reads the list again; one still waiting sent nothing.
      for (const c of these) {
        c.abort(sentOnes.has(c) ? new ServiceError(E.CANCELLED, 'The address change was cancelled after it was sent: the backpack may have made it', undefined, { reason: 'ERR_MAYBE_MADE' }) : new ServiceError(E.CANCELLED, 'The address change was cancelled before it was sent: nothing changed'));
      }
      return { cancelled: these.length > 0 };
    },
  };
}

export type Emails = ReturnType<typeof createEmails>;
