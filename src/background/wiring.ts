/**
 * Builds the background's services over the platform: the database, the verifier's fetch (host
 * permissions, then the document cache), the backpack clients' fetch, and the services that
 * handlers call. Run on the first message or alarm, not at the worker's start.
 */
import type { Settings } from '../messaging/views.ts';
import type { Alarms } from '../platform/alarms.ts';
import { openDb, type Db } from '../platform/db.ts';
import type { Identity } from '../platform/identity.ts';
import type { LocalStore } from '../platform/local-store.ts';
import type { HostPermissions } from '../platform/permissions.ts';
import type { SessionStore } from '../platform/session.ts';
import type { App } from './handlers.ts';
import { createAccounts } from './services/accounts.ts';
import { createBackup } from './services/backup.ts';
import { createContent } from './services/content.ts';
import { createCachingFetch } from './services/document-cache.ts';
import { createEmails } from './services/emails.ts';
import { createHostFetch } from './services/host-access.ts';
import { createHoverSites, type HoverSite } from './services/hover-sites.ts';
import type { Resolve } from './services/private-hosts.ts';
import { createIdentities, LOCAL } from './services/identities.ts';
import { createLocalAddresses } from './services/local-addresses.ts';
import { createLibrary } from './services/library.ts';
import { keepUnlisted } from './services/unlisted-keep.ts';
import { createPasswordReset } from './services/password-reset.ts';
import type { Providers } from './services/providers/index.ts';
import type { LoadBackpack } from './services/backpack-kit.ts';
import { createSettings } from './services/settings.ts';
import { createState } from './services/state.ts';
import { createSync, type SyncDeps } from './services/sync.ts';
import { createTokens } from './services/tokens.ts';
import { createVerifier, type Verifier } from './services/verifier.ts';
import type { LoadEngine } from '../core/verify/engine.ts';

export interface Platform {
  version: string;
  alarms: Alarms;
  session: SessionStore;
  identity: Identity;
  permissions: HostPermissions;
  local: LocalStore;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  /** The verification engine, loaded on the first verification (platform/engine-loader.ts). */
  engine: LoadEngine;
  /** The backpack clients, loaded on the first sign-in, sync or token refresh (./backpack-loader.ts). */
  backpack: LoadBackpack;
  keepAlive?: (signal: AbortSignal) => void;
  /** Default: the extension's IndexedDB. */
  openDb?: () => Promise<Db>;
  now?: () => Date;
  /** After settings change (hover verification on or off moves its content script). */
  onSettingsChanged?: (s: Settings) => void;
  /** After the hover sites change (the hover script's registration follows). */
  onHoverSitesChanged?: (sites: HoverSite[]) => void;
  /** Firefox's dns.resolve (platform/dns.ts): hover checks the addresses a name resolves to. */
  resolve?: Resolve;
  /** Tests: a fake clock for backoff waits, a smaller page, another retry policy. */
  syncOptions?: Pick<SyncDeps, 'sleep' | 'pageSize' | 'retry' | 'reverifyAfterMs' | 'badgeTimeoutMs' | 'timeout' | 'concurrency'>;
  /** Tests: wraps the verifier every service uses (to make one verification throw). */
  wrapVerifier?: (v: Verifier) => Verifier;
}

export async function buildApp(p: Platform): Promise<App & { db: Db; destroy(): void }> {
  const db = await (p.openDb ?? openDb)();
  const now = p.now ?? (() => new Date());
  const hoverSites = createHoverSites({ store: p.local, removeGrants: (patterns) => p.permissions.remove?.(patterns) ?? Promise.resolve(false), ...(p.onHoverSitesChanged ? { onChange: p.onHoverSitesChanged } : {}) });
  // A grant made for hover alone never widens what sync, import or re-verification may fetch (issue 12 point 6).
  const ownPermissions = { ...p.permissions, contains: async (url: string) => (await p.permissions.contains(url)) && !(await hoverSites.grantedOnlyForHover(url)) };
  const hostFetch = createHostFetch({ permissions: ownPermissions, fetch: p.fetch });
  // Hover: every grant, no redirects, a cache partition per site (verifier.ts).
  const hover = { fetch: createHostFetch({ permissions: p.permissions, fetch: p.fetch, refuseRedirects: true }), documents: db.documents, ...(p.resolve ? { resolve: p.resolve } : {}) };
  const base = createVerifier({ engine: p.engine, fetch: createCachingFetch(hostFetch, db.documents, () => now().getTime()), results: db.results, now, hover });
  const verifier = p.wrapVerifier ? p.wrapVerifier(base) : base;
  // Typed for "Just this browser": a change checks the local badges again, which say which one they were issued to.
  const localAddresses = createLocalAddresses(p.local, () => void library.verify(undefined, LOCAL).catch((e: unknown) => console.warn('[lanyard] re-verification after a local address changed failed', e)));
  const identities = createIdentities(db.accounts, () => localAddresses.list());
  // The clients are backpack.js's: loaded when an account is first spoken for (services/backpack-kit.ts).
  const providers: Providers = { for: async (account, signal) => (await p.backpack()).createProviders(p.fetch, db.secrets).for(account, signal) };
  const tokens = createTokens(db, p.session, providers, () => now().getTime(), p.syncOptions?.sleep);
  const settings = createSettings(p.local, p.alarms, (s) => {
    // Hover turned off: its sites go, and the grants it added.
    if (!s.hoverVerify) void hoverSites.clear().catch(() => undefined);
    p.onSettingsChanged?.(s);
  });
  // An address confirmed everywhere changed (identities.ts confirmedOf): every badge is checked again, as after a trust change.
  const confirmedChanged = (): void => void library.verify().catch((e: unknown) => console.warn('[lanyard] re-verification after an address was confirmed failed', e));
  const sync = createSync({ db, verifier, identities, tokens, providers, fetch: hostFetch, alarms: p.alarms, permissions: ownPermissions, now, onConfirmedChanged: confirmedChanged, ...(p.keepAlive ? { keepAlive: p.keepAlive } : {}), ...p.syncOptions });
  const accounts = createAccounts({
    db, tokens, providers, permissions: p.permissions, identity: p.identity, fetch: p.fetch, backpack: p.backpack, version: p.version, now,
    // A sign-in's backoff before its second refresh is a sync's first step (sign-in-tokens.ts), waited as the sync's are.
    ...(p.syncOptions?.sleep ? { sleep: p.syncOptions.sleep } : {}),
    onSignedIn: (id) => void sync.start(id),
    onSigningOut: (id) => sync.cancel(id),
    keepUnlisted: (id, from) => keepUnlisted({ db, verifier, identities, now }, id, from),
    isSyncing: (id) => sync.isRunning(id),
    isVerifying: (id) => library.isVerifying(id),
    // Trust changes what counts as the user's address for every badge: check them all again.
    onTrustChanged: () => void library.verify().catch((e: unknown) => console.warn('[lanyard] re-verification after a trust change failed', e)),
  });
  // A Remove during a sync wins over that run (sync-removed.ts).
  const library = createLibrary({ db, verifier, identities, fetch: hostFetch, now, onRemoving: (accountId, key, award) => sync.removing(accountId, key, award), ...(p.keepAlive ? { keepAlive: p.keepAlive } : {}) });
  // A sign-out a stopped worker left is ended by this one (sign-out-end.ts).
  void accounts.finishSignOuts().catch((e: unknown) => console.warn('[lanyard] could not end an interrupted sign-out', e));
  return {
    db,
    state: createState(db, accounts, settings, identities),
    library,
    backup: createBackup(db, library, now, localAddresses),
    accounts,
    sync,
    emails: createEmails({ db, tokens, fetch: p.fetch, backpack: p.backpack, onAddressesChanged: (id) => void sync.start(id), onConfirmedChanged: confirmedChanged, ...(p.syncOptions?.sleep ? { sleep: p.syncOptions.sleep } : {}) }),
    localAddresses,
    passwordReset: createPasswordReset(p.fetch, p.backpack),
    settings,
    content: createContent({ db, verifier, settings, hoverSites, siteGranted: (url) => p.permissions.contains(url), now: () => now().getTime() }),
    hoverSites,
    destroy() {
      sync.destroy();
      db.close();
    },
  };
}
