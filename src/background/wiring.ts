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
import { createIdentities } from './services/identities.ts';
import { createLibrary } from './services/library.ts';
import { createProviders } from './services/providers/index.ts';
import { createSettings } from './services/settings.ts';
import { createState } from './services/state.ts';
import { createSync, type SyncDeps } from './services/sync.ts';
import { createTokens } from './services/tokens.ts';
import { createVerifier, type Verifier } from './services/verifier.ts';

export interface Platform {
  version: string;
  alarms: Alarms;
  session: SessionStore;
  identity: Identity;
  permissions: HostPermissions;
  local: LocalStore;
  fetch: (url: string, init?: RequestInit) => Promise<Response>;
  keepAlive?: (signal: AbortSignal) => void;
  /** Default: the extension's IndexedDB. */
  openDb?: () => Promise<Db>;
  now?: () => Date;
  /** After settings change (hover verification on or off moves its content script). */
  onSettingsChanged?: (s: Settings) => void;
  /** Tests: a fake clock for backoff waits, a smaller page, another retry policy. */
  syncOptions?: Pick<SyncDeps, 'sleep' | 'pageSize' | 'retry' | 'reverifyAfterMs' | 'badgeTimeoutMs' | 'timeout'>;
  /** Tests: wraps the verifier every service uses (to make one verification throw). */
  wrapVerifier?: (v: Verifier) => Verifier;
}

export async function buildApp(p: Platform): Promise<App & { db: Db; destroy(): void }> {
  const db = await (p.openDb ?? openDb)();
  const now = p.now ?? (() => new Date());
  const hostFetch = createHostFetch({ permissions: p.permissions, fetch: p.fetch });
  const base = createVerifier({ fetch: createCachingFetch(hostFetch, db.documents, () => now().getTime()), results: db.results, now });
  const verifier = p.wrapVerifier ? p.wrapVerifier(base) : base;
  const identities = createIdentities(db.accounts);
  const providers = createProviders(p.fetch, db.secrets);
  const tokens = createTokens(db, p.session, providers, () => now().getTime());
  const settings = createSettings(p.local, p.alarms, p.onSettingsChanged);
  const sync = createSync({ db, verifier, identities, tokens, providers, fetch: hostFetch, alarms: p.alarms, permissions: p.permissions, now, ...(p.keepAlive ? { keepAlive: p.keepAlive } : {}), ...p.syncOptions });
  const accounts = createAccounts({
    db, tokens, providers, permissions: p.permissions, identity: p.identity, fetch: p.fetch, version: p.version, now,
    onSignedIn: (id) => void sync.start(id),
    onSigningOut: (id) => sync.cancel(id),
  });
  const library = createLibrary({ db, verifier, identities, fetch: hostFetch, now });
  return {
    db,
    state: createState(db, accounts, settings, identities),
    library,
    backup: createBackup(db, library, now),
    accounts,
    sync,
    emails: createEmails({ db, tokens, fetch: p.fetch, onAddressesChanged: (id) => void sync.start(id) }),
    settings,
    content: createContent({ db, verifier, identities, settings, now: () => now().getTime() }),
    destroy() {
      sync.destroy();
      db.close();
    },
  };
}
