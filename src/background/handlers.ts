/**
 * One line per message: each handler hands its arguments to a service and returns its result.
 * Services hold the logic and their state lives in storage, not here: the worker may be killed
 * at any moment. `app()` builds them on first use, so that the worker starts cheaply.
 */
import type { ContentToBackground, PopupToBackground, StateReply } from '../messaging/protocol.ts';
import type { Accounts } from './services/accounts.ts';
import type { createBackup } from './services/backup.ts';
import type { Content } from './services/content.ts';
import { createContentUi, type ContentUi } from './services/content-ui.ts';
import type { Emails } from './services/emails.ts';
import type { LocalAddresses } from './services/local-addresses.ts';
import type { HoverSites } from './services/hover-sites.ts';
import type { Library } from './services/library.ts';
import type { PasswordReset } from './services/password-reset.ts';
import type { SettingsService } from './services/settings.ts';
import type { Sync } from './services/sync.ts';
import type { Handlers } from './router.ts';

export interface App {
  state(): Promise<StateReply>;
  library: Library;
  backup: ReturnType<typeof createBackup>;
  accounts: Accounts;
  sync: Sync;
  emails: Emails;
  localAddresses: LocalAddresses;
  passwordReset: PasswordReset;
  settings: SettingsService;
  content: Content;
  hoverSites: HoverSites;
}

export interface Services {
  /** The extension's version, from its manifest. */
  version: string;
  /** The services, built on first use. */
  app(): Promise<App>;
  /** Injects the picker into a content script's tab (no database: built at start, cheap). */
  contentUi?: ContentUi;
}

export function popupHandlers({ version, app }: Services): Handlers<PopupToBackground> {
  return {
    ping: () => ({ pong: true, version }),
    'state/get': async () => (await app()).state(),
    'badges/list': async ({ limit }) => (await app()).library.list(limit),
    'badges/get': async ({ key }) => (await app()).library.get(key),
    'badges/verify': async ({ key }) => (await app()).library.verify(key),
    'badges/import': async ({ source, attempt }) => (await app()).library.import(source, attempt),
    'badges/import-cancel': async ({ attempt }) => (await app()).library.cancelImport(attempt),
    'badges/remove': async ({ key }) => (await app()).library.remove(key),
    'badges/download': async ({ key, what }) => (await app()).library.download(key, what),
    'backup/export': async () => (await app()).backup.export(),
    'backup/import': async ({ json }) => (await app()).backup.import(json),
    'accounts/sign-in': async (req) => (await app()).accounts.signIn(req),
    'accounts/sign-in-cancel': async ({ baseUrl, attempt, kind }) => (await app()).accounts.cancelSignIn(baseUrl, attempt, kind),
    'accounts/sign-in-wait': async ({ baseUrl, kind }) => (await app()).accounts.waitSignIn(baseUrl, kind),
    'accounts/sign-out': async ({ accountId }) => (await app()).accounts.signOut(accountId),
    'accounts/trust': async ({ accountId, trust }) => (await app()).accounts.setTrust(accountId, trust),
    'sync/start': async ({ accountId }) => (await app()).sync.start(accountId),
    'emails/list': async ({ accountId }) => (await app()).emails.list(accountId),
    'emails/add': async ({ accountId, email }) => (await app()).emails.add(accountId, email),
    'emails/resend': async ({ accountId, id }) => (await app()).emails.resend(accountId, id),
    'emails/make-primary': async ({ accountId, id }) => (await app()).emails.makePrimary(accountId, id),
    'emails/remove': async ({ accountId, id }) => (await app()).emails.remove(accountId, id),
    'emails/cancel': async ({ accountId }) => (await app()).emails.cancel(accountId),
    'local-addresses/list': async () => (await app()).localAddresses.list(),
    'local-addresses/add': async ({ email }) => (await app()).localAddresses.add(email),
    'local-addresses/remove': async ({ email }) => (await app()).localAddresses.remove(email),
    'accounts/password-reset': async ({ baseUrl, email, attempt }) => (await app()).passwordReset.request(baseUrl, email, attempt),
    'accounts/password-reset-cancel': async ({ attempt }) => (await app()).passwordReset.cancel(attempt),
    'settings/set': async ({ settings }) => (await app()).settings.set(settings),
    'hover/sites': async () => ({ sites: (await (await app()).hoverSites.list()).map((s) => s.pattern) }),
    'hover/site-add': async ({ pattern, addedGrant }) => ({ sites: (await (await app()).hoverSites.add(pattern, addedGrant)).map((s) => s.pattern) }),
    'hover/site-remove': async ({ pattern }) => ({ sites: (await (await app()).hoverSites.remove(pattern)).map((s) => s.pattern) }),
    'hosts/confirm': async ({ patterns }) => ((await (await app()).hoverSites.confirmGrants(patterns)), { confirmed: true as const }),
  };
}

export function contentHandlers({ version, app, contentUi }: Services): Handlers<ContentToBackground> {
  return {
    ping: () => ({ pong: true, version }),
    'picker/list': async ({ query }) => (await app()).content.pickerList(query),
    'picker/card': async ({ key, linkedIn }) => (await app()).content.card(key, linkedIn),
    'picker/linkedin-url': async ({ key }) => (await app()).content.linkedInUrl(key),
    'picker/ui': (_args, { sender }) => (contentUi ?? createContentUi(undefined)).load(sender),
    'hover/verify': async ({ url }, { sender }) => (await app()).content.hoverVerify(url, sender),
  };
}
