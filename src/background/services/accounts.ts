/**
 * Accounts: sign in to Badgr with a password; to an OB 3.0 or Badge Connect backpack through
 * discovery, dynamic registration (one client per install and provider, kept in `secrets`) and
 * identity.launchWebAuthFlow with PKCE, `state` and `iss`; sign out (revoke on the server, forget every
 * token and the account's badges, but those its backpack no longer lists: unlisted-keep.ts). The
 * backpack's host must be allowed first: the popup asks for it (a permission request needs a user
 * gesture), the background only checks.
 */
import { isBackpackError, serverWords } from '../../backpack/errors.ts';
import type { Fetch } from '../../backpack/http.ts';
import type { TokenSet } from '../../backpack/oauth.ts';
import type { SignInRequest, SignOutReply } from '../../messaging/protocol.ts';
import type { AccountView } from '../../messaging/views.ts';
import type { Db } from '../../platform/db.ts';
import type { Identity } from '../../platform/identity.ts';
import type { HostPermissions } from '../../platform/permissions.ts';
import type { AccountRecord, SyncRecord } from '../../platform/records.ts';
import { sha256Hex } from './badge-record.ts';
import { explain, ServiceError, ServiceErrorCodes as E } from './errors.ts';
import type { badgrClient } from './providers/badgr.ts';
import { badgrSignInAddresses } from './badgr-sign-in-addresses.ts';
import type { Providers } from './providers/index.ts';
import type { OAuthApi } from './providers/oauth-provider.ts';
import type { BackpackKit, LoadBackpack } from './backpack-kit.ts';
import { patternFor } from './host-access.ts';
import type { Tokens } from './tokens.ts';
import { accountView } from './views.ts';
import { createSignOutEnd } from './sign-out-end.ts';
import { createSignIns, type SignInRun } from './sign-in-run.ts';
import { endDropped, keepOrEnd, replacedPart, revokeStored, sessionRef } from './session-end.ts';
import type { OAuthKind } from './oauth-client.ts';
import type { Sleep } from './retry.ts';
import { firstUse, type SignInTokens } from './sign-in-tokens.ts';

export interface AccountsDeps {
  db: Db;
  tokens: Tokens;
  providers: Providers;
  permissions: HostPermissions;
  identity: Identity;
  /** For the backpack APIs (hosts the user allowed). */
  fetch: Fetch;
  /** The backpack clients, loaded on the first sign-in (backpack-kit.ts; tests: test/support/backpack.ts). */
  backpack: LoadBackpack;
  version: string;
  /** Called after a sign-in (to start the first sync) and before a sign-out (to stop one). */
  onSignedIn?: (accountId: string) => void;
  /** The confirmed addresses changed (trust given or taken back): every badge is checked again. */
  onTrustChanged?: () => void;
  onSigningOut?: (accountId: string) => Promise<void> | void;
  /** Before the account's badges are forgotten: keeps those its backpack no longer lists (unlisted-keep.ts); how many stay. */
  keepUnlisted?: (accountId: string, from: string | undefined) => Promise<number>;
  /** Whether the account's sync runs in this worker (sync.ts isRunning): a `syncing` record that does not reads as interrupted (views.ts syncView). */
  isSyncing?: (accountId: string) => boolean;
  /** Whether a re-verification of every badge runs in this worker (library.ts isVerifying): a `verifying` record that does not reads as it would have ended (views.ts syncView). */
  isVerifying?: (accountId: string) => boolean;
  now?: () => Date;
  /** The backoff before a sign-in's second refresh (sign-in-tokens.ts); default a real wait. */
  sleep?: Sleep;
}

const hostOf = (url: string): string => new URL(url).host;

export function createAccounts(d: AccountsDeps) {
  const now = d.now ?? (() => new Date());
  /** Without the sync at hand (tests of accounts alone), every `syncing` record is taken as running. */
  const running = (accountId: string): boolean => d.isSyncing?.(accountId) ?? true;
  const view = (a: AccountRecord, s: SyncRecord | undefined): AccountView => accountView(a, s, running(a.id), d.isVerifying?.(a.id) ?? true);

  async function requireHost(baseUrl: string): Promise<void> {
    if (!(await d.permissions.contains(baseUrl))) {
      throw new ServiceError(E.HOST_PERMISSION, `Allow Lanyard to access ${hostOf(baseUrl)} (${patternFor(baseUrl)}) first, then sign in again`);
    }
  }

  /** An account's id: its backpack and its user there, so that signing in again finds the same account. */
  const idOf = async (kind: AccountRecord['kind'], baseUrl: string, userId: string): Promise<string> => `${kind}-${(await sha256Hex(`${baseUrl}|${userId}`)).slice(0, 16)}`;

  /**
   * Stores the account (`store`) once a sign-out of the same account is over (sign-out-end.ts clear:
   * waited for, or ended when left unfinished), waiting within the sign-in's run (a cancel stops the
   * wait). A sign-out of it that begins meanwhile waits until `store` has ended (sign-out-end.ts begin).
   */
  async function commit<T>(s: SignInRun, kind: AccountRecord['kind'], baseUrl: string, userId: string, store: () => Promise<T>): Promise<T> {
    // The popup says so only while it really waits (sign-out-end.ts clear calls back then).
    const cleared = ends.clear(await idOf(kind, baseUrl, userId), () => s.phase('finishing-sign-out'));
    let release: () => void;
    try {
      release = await s.until(cleared);
      s.phase('signing-in');
      s.commit();
    } catch (e) {
      // Cancelled: nothing is stored, and the wait's mark, once it has one, goes at once.
      void cleared.then((r) => r(), () => undefined);
      throw e;
    }
    try {
      return await store();
    } finally {
      release();
    }
  }

  async function save(a: Omit<AccountRecord, 'id' | 'createdAt' | 'needsSignIn'>): Promise<AccountRecord> {
    const id = await idOf(a.kind, a.baseUrl, a.userId);
    const createdAt = now().toISOString();
    // What the user said stays through a new sign-in: the addresses typed, the trust given (read and
    // written in one transaction, db.ts update, so that a trust change meanwhile is not undone).
    const record = await d.db.accounts.update(id, (old) => {
      const typed = [...new Set([...(old?.typedAddresses ?? []), ...(a.typedAddresses ?? [])])];
      return {
        ...a,
        id,
        needsSignIn: false,
        createdAt: old?.createdAt ?? createdAt,
        ...(typed.length ? { typedAddresses: typed } : {}),
        ...(old?.trustAddresses ? { trustAddresses: true } : {}),
      };
    });
    return record!;
  }

  /**
   * Stores the signed-in account and its tokens. One signed in already had a session, which the new
   * tokens replace here: it is ended at the provider (session-end.ts), not left live and forgotten.
   */
  async function storeSignedIn(a: Omit<AccountRecord, 'id' | 'createdAt' | 'needsSignIn'>, tokens: TokenSet): Promise<AccountRecord> {
    const id = await idOf(a.kind, a.baseUrl, a.userId);
    const before = await d.db.accounts.get(id);
    const account = await save(a);
    // What the tokens replace is read as they are written: a refresh of the old session writes wholly before or after (tokens.ts replace).
    const replaced = replacedPart(await d.tokens.replace(account.id, tokens), tokens);
    if (before && replaced) endDropped(async () => (await d.providers.for(before)).revoke(replaced), 'a session a new sign-in replaced');
    return account;
  }

  async function signInBadgr(kit: BackpackKit, baseUrl: string, username: string, password: string, s: SignInRun): Promise<AccountRecord> {
    const { badgrClient } = kit;
    const client = badgrClient(baseUrl, s.fetch);
    const tokens = firstUse(kit, d, s, { kind: 'badgr', baseUrl }, await client.signIn(username, password));
    // Not the run's fetch: a cancel has aborted it. The pair a refresh gave, when one was made (sign-in-tokens.ts).
    return keepOrEnd(() => badgrSignedIn(kit, baseUrl, username, tokens, client, s), () => badgrClient(baseUrl, d.fetch).signOut(tokens.current));
  }

  async function badgrSignedIn(kit: BackpackKit, baseUrl: string, username: string, tokens: SignInTokens, client: ReturnType<typeof badgrClient>, s: SignInRun): Promise<AccountRecord> {
    const profile = await tokens.use((t) => client.profile(t));
    // The v1 list, else the profile's; a refused refresh fails the sign-in (badgr-sign-in-addresses.ts).
    const addresses = await badgrSignInAddresses(kit, client, tokens, profile);
    const primary = addresses.find((a) => a.primary)?.email ?? username;
    // The name the user typed to sign in is an address they confirmed (identities.ts).
    const typedAddresses = username.includes('@') ? [username.trim()] : [];
    return commit(s, 'badgr', baseUrl, profile.entityId, () => storeSignedIn({ kind: 'badgr', providerName: hostOf(baseUrl), baseUrl, user: primary, userId: profile.entityId, addresses, typedAddresses }, tokens.current));
  }

  async function signInOAuth(kit: BackpackKit, kind: OAuthKind, baseUrl: string, s: SignInRun): Promise<AccountRecord> {
    const { oauthApi, clientFor } = kit;
    const api = oauthApi(kind, s.fetch);
    // Refuses a description whose endpoints are not all on its own site (endpoints.ts).
    const { name, endpoints, service } = await api.discover(baseUrl);
    const { id: clientSecretId, client } = await clientFor({ db: d.db, identity: d.identity, version: d.version, now: d.now, registering }, kind, endpoints, (m) => api.register(service, m), api.scope);
    const request = await api.authorizationRequest(service, client, d.identity.redirectUrl('oauth2'));
    let redirected: string;
    try {
      // The browser's window cannot be closed from here; a cancel stops waiting for it.
      redirected = await s.until(d.identity.launchWebAuthFlow(request.url, true));
    } catch (e) {
      throw new ServiceError('AUTHORIZATION_FAILED', `The sign-in to ${hostOf(baseUrl)} did not finish: ${e instanceof Error ? e.message : String(e)}`);
    }
    // Checks `state` (RFC 6749 §10.12) and `iss` (RFC 9207) before it exchanges the code with the PKCE verifier.
    const tokens = await api.complete(service, client, request, redirected).catch(async (e: unknown) => {
      // The provider forgot this client: register anew at the next attempt. Only this client: one another sign-in registered meanwhile stays (db-secrets.ts).
      if (isBackpackError(e, 'UNAUTHORIZED') && e.detail === 'invalid_client') await d.db.secrets.forgetClient(clientSecretId, client.clientId);
      throw e;
    });
    const signedIn = firstUse(kit, d, s, { kind, baseUrl, service, clientSecretId }, tokens);
    return keepOrEnd(() => oauthSignedIn(kit, kind, baseUrl, s, api, service, name, clientSecretId, signedIn), () => oauthApi(kind, d.fetch).revoke(service, client, signedIn.current));
  }

  async function oauthSignedIn({ profileEmail }: BackpackKit, kind: OAuthKind, baseUrl: string, s: SignInRun, api: OAuthApi, service: Record<string, unknown>, name: string, clientSecretId: string, tokens: SignInTokens): Promise<AccountRecord> {
    // No profile (404, optionalProfile): signed in all the same, named by the provider's host; one account per provider then.
    const profile = (await tokens.use((t) => api.profile(service, t))) ?? {};
    const email = profileEmail(profile);
    // The backpack's words, kept on the account and shown by the popup: bounded (errors.ts serverWords).
    const fullName = typeof profile.name === 'string' && profile.name.trim() ? serverWords(profile.name) : undefined;
    // Only hashed into the account id, but kept on the record: an id of megabytes is none.
    const userId = typeof profile.id === 'string' && profile.id && profile.id.length <= 2048 ? profile.id : (email ?? 'me');
    const user = email ?? fullName ?? hostOf(baseUrl);
    const addresses = email ? [{ email, verified: true, primary: true }] : [];
    return commit(s, kind, baseUrl, userId, () => storeSignedIn({ kind, providerName: name, baseUrl, user, userId, addresses, service, clientSecretId }, tokens.current));
  }

  /** Each backpack's client looked up or registered one at a time (oauth-client.ts clientFor). */
  const registering = new Map<string, Promise<unknown>>();
  /** Sign-ins under way, one per backpack (sign-in-run.ts). */
  const signIns = createSignIns(d.fetch);
  /** A sign-out's end, which a stopped worker's next one finishes (sign-out-end.ts). */
  const ends = createSignOutEnd({ ...d, clearTokens: (id) => d.tokens.clear(id), revoke: (id, ref, from) => revokeStored(d, id, ref, from) });

  return {
    async signIn(req: SignInRequest): Promise<AccountView> {
      const baseUrl = req.baseUrl.replace(/\/+$/, '');
      // Registered before the first await: two requests at once cannot both pass (sign-in-run.ts).
      return signIns.run({ kind: req.kind, baseUrl, ...(req.kind === 'badgr' ? { username: req.username } : {}), attempt: req.attempt }, async (run) => {
        await requireHost(baseUrl);
        let account: AccountRecord;
        try {
          const kit = await d.backpack();
          account = req.kind === 'badgr' ? await signInBadgr(kit, baseUrl, req.username, req.password, run) : await signInOAuth(kit, req.kind, baseUrl, run);
        } catch (e) {
          if (run.controller.signal.aborted) throw new ServiceError(E.CANCELLED, `The sign-in to ${hostOf(baseUrl)} was cancelled: nothing was kept`);
          throw explain(e, hostOf(baseUrl));
        }
        d.onSignedIn?.(account.id);
        return view(account, await d.db.syncState.get(account.id));
      });
    },

    /** The reply of the sign-in of this kind under way to this backpack (a popup opened again during it): ERR_NOT_FOUND when none runs. */
    async waitSignIn(baseUrl: string, kind: SignInRequest['kind']): Promise<AccountView> {
      const done = signIns.wait(baseUrl, kind);
      if (!done) throw new ServiceError(E.NOT_FOUND, `No sign-in to ${hostOf(baseUrl)} is under way`);
      return (await done) as AccountView;
    },

    /** Whether a sign-in is under way, until it starts storing its account (state.ts). */
    signingIn: (): boolean => signIns.signingIn(),
    /** The sign-ins under way, with what each does now (state.ts). */
    signIns: () => signIns.list(),

    /** Cancels the sign-in in flight to `baseUrl` (of `kind` when named; every one when none is named), or the one `attempt` names, even before it starts (sign-in-run.ts); `cancelled` is false when none was left to cancel. */
    cancelSignIn: (baseUrl?: string, attempt?: string, kind?: SignInRequest['kind']): { cancelled: boolean } => signIns.cancel(baseUrl, attempt, kind),

    /**
     * Revokes the session on the server (best effort) and forgets the account, its tokens and its
     * badges here whatever the server said. `revoked` tells the user what became of the session at the provider: ended, not offered
     * (Badgr's Badge Connect manifest names no tokenRevocationUrl, which OB 2.1 makes optional: the tokens then live on there until
     * they expire), or failed (offline, an error). `kept`: the badges its backpack no longer listed, kept in this browser.
     */
    async signOut(accountId: string): Promise<SignOutReply> {
      // Begun before the account is read: a sign-in storing it is waited for, and one that would store it waits (sign-out-end.ts).
      await ends.begin(accountId);
      const account = await d.db.accounts.get(accountId).catch((e: unknown) => (ends.abandon(accountId), Promise.reject(e)));
      if (!account) {
        ends.abandon(accountId);
        // Gone already: a sign-out a stopped worker left is ended (sign-out-end.ts), not one under way here (its own end).
        const left = ends.underway(accountId) ? undefined : await ends.endLeft(accountId);
        return { signedOut: true, revoked: left?.revoked ?? 'revoked', kept: left?.kept ?? 0 };
      }
      const from = hostOf(account.baseUrl);
      // A sync state without its account is a sign-out to end (finishSignOuts): the host, for the badges kept; how to reach the backpack,
      // to end the session should this worker stop first. Marked before the account goes (a worker stopped while the sync below stops
      // has the mark to end it with), and again once the sync has stopped: its writes replace the record whole (sync.ts).
      const mark = { signingOutOf: from, signingOutSession: sessionRef(account) };
      const marked = () => d.db.syncState.update(accountId, (s) => (s ? { ...s, ...mark } : { accountId, status: 'idle', done: 0, total: 0, failures: 0, ...mark }));
      try {
        await marked();
        // The account goes first: a sync that starts from now on (an alarm, the popup) finds no account
        // and writes nothing; the one running is stopped and waited for. Forgotten the other way round,
        // a sync started while the server revoked the session wrote the account back after it was gone.
        await d.db.accounts.delete(accountId);
        await d.onSigningOut?.(accountId);
        await marked();
      } catch (e) {
        // An account still here (its delete failed) is no sign-out to end: its mark went on into every sync write (sync-save.ts).
        if (await d.db.accounts.get(accountId).catch(() => undefined)) await d.db.syncState.update(accountId, (s) => s && (({ signingOutOf: _o, signingOutSession: _s, ...rest }) => rest)(s)).catch(() => undefined);
        ends.abandon(accountId);
        throw e;
      }
      const revoked = await revokeStored(d, accountId, account, from);
      return { signedOut: true, revoked, kept: await ends.endSignOut(accountId, from, true) };
    },

    /** Ends every sign-out a stopped worker left (the worker's start: wiring.ts). */
    finishSignOuts: (): Promise<void> => ends.finishSignOuts(),

    /** Trusts (or stops trusting) the addresses this backpack verified, for every badge (Settings; identities.ts). */
    async setTrust(accountId: string, trust: boolean): Promise<AccountView> {
      let was: boolean | undefined;
      // Only this field, merged into the account as it is now (one transaction, db.ts update): a sync
      // storing the provider's addresses meanwhile keeps them.
      const account = await d.db.accounts.update(accountId, (current) => {
        if (!current) return undefined;
        const { trustAddresses, ...rest } = current;
        was = trustAddresses === true;
        return trust ? { ...rest, trustAddresses: true } : rest;
      });
      if (!account) throw new ServiceError(E.NOT_FOUND, 'This account is not signed in');
      if (was !== trust) d.onTrustChanged?.();
      return view(account, await d.db.syncState.get(accountId));
    },

    async list(): Promise<AccountView[]> {
      const [accounts, states] = await Promise.all([d.db.accounts.all(), d.db.syncState.all()]);
      return accounts.map((a) => view(a, states.find((s) => s.accountId === a.id)));
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
