/**
 * What the popup can do. Components receive an implementation through context and never call
 * browser.* themselves: main.tsx passes the real one (messages to the background, plus the few
 * things only a page can do: permission prompts, clipboard, saving files), tests and the preview
 * pass mock-actions.ts.
 */
import type { ImportedView, ImportSource, PingReply, PopupToBackground, Reply, SignInRequest, SignOutReply, StateReply } from '../messaging/protocol.ts';
import type { Send } from '../messaging/send.ts';
import type { AccountId, AccountView, BadgeDetail, BadgeView, EmailView, Settings } from '../messaging/views.ts';
import { hostPattern, originPattern } from './hosts.ts';
import { badgeDataUrl } from '../core/share/badge-data-urls.ts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_TEXT } from '../messaging/validate.ts';
import { bytesToSource } from './welcome/file-source.ts';

export type Download = 'baked' | 'json';

export interface PopupActions {
  ping(): Promise<Reply<PingReply>>;
  getState(): Promise<Reply<StateReply>>;
  /** Newest first; with a limit, only the newest (the first screen). */
  listBadges(limit?: number): Promise<Reply<BadgeView[]>>;
  getBadge(key: string): Promise<Reply<BadgeDetail>>;
  /** One badge, or every cached badge without a key; progress shows in the accounts' sync state. */
  verify(key?: string): Promise<Reply<{ verified: number }>>;
  /** `attempt`: the panel's id for this import, which cancelImport names (a Cancel ends it even before it reaches the worker). */
  importBadge(source: ImportSource, attempt?: string): Promise<Reply<ImportedView>>;
  /** Cancels the import `attempt` names: its reply is then ERR_CANCELLED, nothing added (unless it was being written). */
  cancelImport(attempt: string): Promise<Reply<{ cancelled: boolean }>>;
  removeBadge(key: string): Promise<Reply<{ removed: boolean }>>;
  /** Asks for host access to the backpack (so call it straight from the click), then signs in. */
  signIn(request: SignInRequest): Promise<Reply<AccountView>>;
  /** Cancels the sign-in in flight: its reply is then ERR_CANCELLED. */
  /** The sign-in to `baseUrl` (the form's own, or the one it joined); every one when none is named. */
  /** `attempt`: the form's own sign-in (SignInRequest), which a cancel ends even before it reaches the worker; `kind`: the joined one's. */
  cancelSignIn(baseUrl?: string, attempt?: string, kind?: SignInRequest['kind']): Promise<Reply<{ cancelled: boolean }>>;
  /** The reply of the sign-in under way to this backpack (started by a popup closed since): ERR_NOT_FOUND when none runs. */
  waitSignIn(baseUrl: string, kind: SignInRequest['kind']): Promise<Reply<AccountView>>;
  signOut(accountId: AccountId): Promise<Reply<SignOutReply>>;
  /** Trusts (or not) the addresses this backpack verified, for every badge (Settings). */
  setTrust(accountId: AccountId, trust: boolean): Promise<Reply<AccountView>>;
  startSync(accountId?: AccountId): Promise<Reply<{ started: boolean }>>;
  listEmails(accountId: AccountId): Promise<Reply<EmailView[]>>;
  addEmail(accountId: AccountId, email: string): Promise<Reply<EmailView[]>>;
  resendEmail(accountId: AccountId, id: string): Promise<Reply<EmailView[]>>;
  makePrimaryEmail(accountId: AccountId, id: string): Promise<Reply<EmailView[]>>;
  removeEmail(accountId: AccountId, id: string): Promise<Reply<EmailView[]>>;
  /** Cancels the account's address change under way (its reply then says ERR_CANCELLED). */
  cancelEmailChange(accountId: AccountId): Promise<Reply<{ cancelled: boolean }>>;
  /** The addresses typed for "Just this browser" (never verified: they say which one a local badge was issued to). */
  listLocalAddresses(): Promise<Reply<string[]>>;
  addLocalAddress(email: string): Promise<Reply<string[]>>;
  removeLocalAddress(email: string): Promise<Reply<string[]>>;
  /** Asks for host access to a Badgr-compatible backpack (call it from the click), then has it e-mail a password reset link. */
  requestPasswordReset(baseUrl: string, email: string, attempt?: string): Promise<Reply<{ sent: true }>>;
  /** Cancels the reset request `attempt` names: its reply is then ERR_CANCELLED (the backpack may have received it). */
  cancelPasswordReset(attempt: string): Promise<Reply<{ cancelled: boolean }>>;
  saveSettings(settings: Partial<Settings>): Promise<Reply<Settings>>;
  /** Turns verify-on-hover on or off (no permission: sites are added one by one); off takes back every site and the grants hover added. */
  setHoverVerify(on: boolean): Promise<Reply<Settings>>;
  /** The hover sites, and the current tab's site (its pattern, host, and whether its host is granted already). */
  hoverSites(): Promise<Reply<HoverSitesView>>;
  /**
   * Turns hover on or off for one site (the current tab's): on asks for that origin's host
   * permission first (call it from the click); `grantedBefore` says whether the grant existed
   * already (then turning hover off never takes it back).
   */
  setHoverSite(pattern: string, on: boolean, grantedBefore: boolean): Promise<Reply<{ sites: string[] }>>;
  /** Asks for host access to these URLs' origins (issuer hosts a verification needs). Call it from a click. */
  allowHosts(urls: string[]): Promise<boolean>;
  /** Whether Lanyard may already reach all these URLs' origins (no prompt). */
  hasHosts(urls: string[]): Promise<boolean>;
  /** Exports the whole local collection and saves it as a file. */
  exportBackup(): Promise<Reply<{ fileName: string }>>;
  importBackup(json: string): Promise<Reply<{ imported: number; skipped: number }>>;
  /** Saves the baked image or the credential as a file. */
  download(key: string, what: Download): Promise<Reply<{ fileName: string }>>;
  /** Copies text; with `html`, a rich copy that pastes as a card in web mail. */
  copy(text: string, html?: string): Promise<Reply<true>>;
  /**
   * Only where a file picker would close the popup (Firefox's toolbar panel, bugzilla 1292701):
   * opens this screen of the popup in a tab, where files can be picked, and closes the popup.
   */
  openInTab?(screen: FilesScreen): void;
  /**
   * The manifest's sites (host_permissions: LinkedIn, Gmail, Outlook) that are not granted now: the
   * user can take them back (about:addons in Firefox, site access in Chromium), and the buttons then
   * never show there. Present where the platform knows the manifest.
   */
  siteAccess?(): Promise<string[]>;
  /** Asks for every one of those sites again, in one prompt. Call it straight from the click. */
  allowSites?(): Promise<boolean>;
}

/** The screens that pick files (ImportPanel, BackupPanel), which the popup can open in a tab (`?open=`). */
export type FilesScreen = 'import' | 'settings';
export const FILES_SCREENS: readonly FilesScreen[] = ['import', 'settings'];

/** The page-only capabilities the real actions need: main.tsx binds them to the browser. */
export interface HoverSitesView {
  sites: string[];
  current?: { pattern: string; host: string; granted: boolean };
}

export interface PopupPlatform {
  requestOrigins(patterns: string[]): Promise<boolean>;
  /** The current tab's URL (the "activeTab" permission lets the popup read it), when it has one. */
  currentTabUrl?(): Promise<string | undefined>;
  /** Whether these host patterns are granted (no prompt). */
  hasOrigins?(patterns: string[]): Promise<boolean>;
  saveFile(fileName: string, mimeType: string, data: Blob | string): void;
  copy(text: string, html?: string): Promise<void>;
  /** Present only where a file picker closes the popup: see PopupActions.openInTab. */
  openInTab?(screen: FilesScreen): void;
  /** The manifest's host_permissions, as built (the sites the content scripts run on). */
  siteOrigins?(): string[];
}

/** A host name (with a dot and a letter-only top-level label, an optional port) then a path, no scheme, no space. */
const BARE_LINK = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?\/\S*$/i;

const failure = (code: string, message: string) => ({ ok: false as const, error: { code, message } });

/** The real actions: messages to the background over `send`, and the page-only bits over `platform`. */
export function createActions(send: Send<PopupToBackground>, platform: PopupPlatform): PopupActions {
  // `send` never rejects, but a reply guard missing for a message (the protocol is being filled in) throws.
  const call: Send<PopupToBackground> = async (type, args) => {
    try {
      return await send(type, args);
    } catch (e) {
      return failure('ERR_TRANSPORT', e instanceof Error ? e.message : String(e));
    }
  };
  const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const openInTab = platform.openInTab?.bind(platform);
  const siteOrigins = platform.siteOrigins?.bind(platform);
  // A prompt the browser will not show rejects (outside a user input handler: Firefox's
  // requireUserInput, Chromium's gesture): counted as refused, so no action throws. An async
  // function runs up to its first await at once: the request is still made within the click.
  const ask = async (patterns: string[]): Promise<boolean> => {
    try {
      return await platform.requestOrigins(patterns);
    } catch {
      return false;
    }
  };
  return {
    ...(openInTab ? { openInTab } : {}),
    ...(siteOrigins ? siteAccessActions(siteOrigins, platform, ask) : {}),
    ping: () => call('ping', {}),
    getState: () => call('state/get', {}),
    listBadges: (limit) => call('badges/list', limit === undefined ? {} : { limit }),
    getBadge: (key) => call('badges/get', { key }),
    verify: (key) => call('badges/verify', key === undefined ? {} : { key }),
    async importBadge(given, attempt) {
      // A link pasted without its scheme (host and path, as cards and pages print it) is the https
      // link it names, as a browser's address bar reads it; anything else goes as it is.
      const bare = given.kind === 'text' ? given.text.trim() : '';
      let source: ImportSource = BARE_LINK.test(bare) ? { kind: 'text', text: `https://${bare}` } : given;
      // A text longer than a text message carries (a credential with its image inside) goes as the
      // file it could have been, up to a file's limit: the worker's guard refused it as a bad message.
      if (source.kind === 'text' && source.text.length > MAX_IMPORT_TEXT) {
        const bytes = new TextEncoder().encode(source.text);
        if (bytes.length > MAX_IMPORT_BYTES) return failure('ERR_PASTE_TOO_LARGE', 'the pasted text is larger than any badge');
        source = bytesToSource('pasted', bytes);
      }
      // A pasted link is read from its host, which Lanyard may reach only with the user's leave:
      // asked here, first thing in the click (a prompt needs its gesture), so the badge is read at
      // once, not kept unread as "Badge at host" with an "Allow access" to find later. Refused, it
      // is added unread, as before.
      // A badge page whose data lives elsewhere (Credly's) is read from the data's host (library.ts import).
      const pasted = source.kind === 'text' ? source.text.trim() : '';
      const link = /^https?:\/\//i.test(pasted) ? hostPattern(badgeDataUrl(pasted) ?? pasted) : undefined;
      if (link && (await ask([link]))) await call('hosts/confirm', { patterns: [link] });
      return call('badges/import', { source, ...(attempt === undefined ? {} : { attempt }) });
    },
    cancelImport: (attempt) => call('badges/import-cancel', { attempt }),
    removeBadge: (key) => call('badges/remove', { key }),
    async signIn(request) {
      const pattern = originPattern(request.baseUrl);
      if (!pattern) return failure('ERR_BAD_URL', 'not an https address');
      // First thing in the click: Firefox and Chromium only show the prompt during a user gesture.
      if (!(await ask([pattern]))) return failure('ERR_HOST_PERMISSION_DENIED', 'access to the backpack was not allowed');
      // Granted for the backpack, not for hover: sync may use it even if hover asked for it first.
      await call('hosts/confirm', { patterns: [pattern] });
      return call('accounts/sign-in', request);
    },
    cancelSignIn: (baseUrl, attempt, kind) =>
      call('accounts/sign-in-cancel', { ...(baseUrl === undefined ? {} : { baseUrl }), ...(attempt === undefined ? {} : { attempt }), ...(kind === undefined ? {} : { kind }) }),
    waitSignIn: (baseUrl, kind) => call('accounts/sign-in-wait', { baseUrl, kind }),
    signOut: (accountId) => call('accounts/sign-out', { accountId }),
    setTrust: (accountId, trust) => call('accounts/trust', { accountId, trust }),
    startSync: (accountId) => call('sync/start', accountId === undefined ? {} : { accountId }),
    listEmails: (accountId) => call('emails/list', { accountId }),
    addEmail: (accountId, email) => call('emails/add', { accountId, email }),
    resendEmail: (accountId, id) => call('emails/resend', { accountId, id }),
    makePrimaryEmail: (accountId, id) => call('emails/make-primary', { accountId, id }),
    removeEmail: (accountId, id) => call('emails/remove', { accountId, id }),
    cancelEmailChange: (accountId) => call('emails/cancel', { accountId }),
    listLocalAddresses: () => call('local-addresses/list', {}),
    addLocalAddress: (email) => call('local-addresses/add', { email }),
    removeLocalAddress: (email) => call('local-addresses/remove', { email }),
    async requestPasswordReset(baseUrl, email, attempt) {
      const pattern = originPattern(baseUrl);
      if (!pattern) return failure('ERR_BAD_URL', 'not an https address');
      if (!(await ask([pattern]))) return failure('ERR_HOST_PERMISSION_DENIED', 'access to the backpack was not allowed');
      return call('accounts/password-reset', { baseUrl, email, ...(attempt === undefined ? {} : { attempt }) });
    },
    cancelPasswordReset: (attempt) => call('accounts/password-reset-cancel', { attempt }),
    saveSettings: (settings) => call('settings/set', { settings }),
    setHoverVerify: (on) => call('settings/set', { settings: { hoverVerify: on } }),
    async hoverSites() {
      const r = await call('hover/sites', {});
      if (!r.ok) return r;
      const url = await platform.currentTabUrl?.().catch(() => undefined);
      const pattern = url ? hostPattern(url) : undefined;
      if (!url || !pattern) return { ok: true, value: { sites: r.value.sites } };
      const granted = (await platform.hasOrigins?.([pattern]).catch(() => false)) ?? false;
      return { ok: true, value: { sites: r.value.sites, current: { pattern, host: new URL(url).host, granted } } };
    },
    async setHoverSite(pattern, on, grantedBefore) {
      if (!on) return call('hover/site-remove', { pattern });
      // First thing in the click: the prompt needs the user gesture. Only this one origin is asked for.
      if (!(await ask([pattern]))) return failure('ERR_HOST_PERMISSION_DENIED', 'access to this site was not allowed');
      const added = await call('hover/site-add', { pattern, addedGrant: !grantedBefore });
      if (!added.ok) return added;
      const s = await call('settings/set', { settings: { hoverVerify: true } });
      return s.ok ? added : s;
    },
    async hasHosts(urls) {
      const patterns = urls.map(hostPattern).filter((p): p is string => !!p);
      if (!patterns.length) return false;
      return (await platform.hasOrigins?.(patterns).catch(() => false)) ?? false;
    },
    async allowHosts(urls) {
      const patterns = urls.map(hostPattern).filter((p): p is string => !!p);
      if (!patterns.length || !(await ask(patterns))) return false;
      // Granted to verify badges: sync and import may use these even if hover asked for one first.
      await call('hosts/confirm', { patterns });
      return true;
    },
    async exportBackup() {
      const r = await call('backup/export', {});
      if (!r.ok) return r;
      platform.saveFile(r.value.fileName, 'application/json', r.value.json);
      return { ok: true, value: { fileName: r.value.fileName } };
    },
    importBackup: (json) => call('backup/import', { json }),
    async download(key, what) {
      const r = await call('badges/download', { key, what });
      if (!r.ok) return r;
      platform.saveFile(r.value.fileName, r.value.mimeType, new Blob([fromBase64(r.value.base64)], { type: r.value.mimeType }));
      return { ok: true, value: { fileName: r.value.fileName } };
    },
    async copy(text, html) {
      try {
        await platform.copy(text, html);
        return { ok: true, value: true };
      } catch (e) {
        return failure('ERR_CLIPBOARD', e instanceof Error ? e.message : String(e));
      }
    },
  };
}

/**
 * The sites the manifest's content scripts need (MDN manifest.json/host_permissions: "check whether
 * it has all the required permissions [...] using permissions.contains [...] request them using
 * permissions.request"). Each is checked alone, so the popup names only the missing ones; all are
 * asked for in one prompt (the browser shows only those not granted yet).
 */
function siteAccessActions(siteOrigins: () => string[], platform: PopupPlatform, ask: (patterns: string[]) => Promise<boolean>): Pick<PopupActions, 'siteAccess' | 'allowSites'> {
  return {
    async siteAccess() {
      const sites = siteOrigins();
      // One round trip to the browser at each popup open when all are granted (the usual case).
      if ((await platform.hasOrigins?.(sites).catch(() => true)) ?? true) return [];
      const granted = await Promise.all(sites.map((s) => platform.hasOrigins?.([s]).catch(() => true) ?? true));
      return sites.filter((_, i) => !granted[i]);
    },
    // Nothing awaited before the request: Firefox allows the prompt only while the click is handled.
    allowSites: () => ask(siteOrigins()),
  };
}
