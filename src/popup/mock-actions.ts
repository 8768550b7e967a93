/**
 * In-memory actions for tests and the preview page (index.html?preview=1): the mock dataset,
 * the same rules the real backpacks apply (wrong password, throttling, addresses), sync and
 * re-verification that progress over a few state polls, and a record of every call.
 */
import type { Reply, ReplyError, SignInUnderWay, StateReply } from '../messaging/protocol.ts';
import type { AccountView, BadgeDetail, BadgeView, EmailView, Settings } from '../messaging/views.ts';
import { sortTimeOf } from '../core/share/dates.ts';
import { addressKey } from '../core/verify/address-key.ts';
import type { PopupActions } from './actions.ts';
import { worldBadges } from './mock-world.ts';
import { checksFor, generateBadges, mockAccounts, mockEmails, mockSettings, MOCK_NOW, seedBadges } from './mock-data.ts';

export type MockScenario = 'default' | 'first-run' | 'empty' | 'broken';

export interface MockOptions {
  scenario?: MockScenario;
  /** Total badges: the seeds, then generated filler (default: the seeds only). */
  n?: number;
  /** Delay of every reply, to see loading states. */
  latencyMs?: number;
  /** Permission prompts answer no. */
  denyPermissions?: boolean;
  /** Every issuer host is already allowed (hasHosts answers yes). */
  hostsGranted?: boolean;
  /** Add the badges named in other scripts and long compounds first (mock-world.ts). */
  world?: boolean;
  /** Badges (by key) their backpack no longer lists, since when (ISO 8601): a sign-out keeps them in this browser. */
  unlisted?: Record<string, string>;
}

export interface MockActions extends PopupActions {
  calls: { name: keyof PopupActions; args: unknown[] }[];
  /** What copy() last put on the clipboard. */
  clipboard: { text: string; html?: string } | undefined;
  /** Files "saved". */
  saved: string[];
}

/** As the background answers a limited list: the newest `limit`, and any that tie with the last. */
function newestFirst(badges: readonly BadgeView[], limit: number): BadgeView[] {
  const sorted = [...badges].sort((a, b) => sortTimeOf(b.issuedOn) - sortTimeOf(a.issuedOn));
  const last = sorted[limit - 1];
  return last ? sorted.filter((b, i) => i < limit || sortTimeOf(b.issuedOn) === sortTimeOf(last.issuedOn)) : sorted;
}

const ok = <T,>(value: T): Reply<T> => ({ ok: true, value });
const err = (code: string, message: string, extra: Partial<ReplyError> & { retryAfterSeconds?: number } = {}): Reply<never> => ({ ok: false, error: { code, message, ...extra } });

export function createMockActions(options: MockOptions = {}): MockActions {
  const scenario = options.scenario ?? 'default';
  const seeded = seedBadges();
  const n = options.n ?? seeded.views.length;
  let accounts: AccountView[] = scenario === 'first-run' ? [] : mockAccounts();
  /** What each import added, by its source: the key of the badge it stored. */
  const imported = new Map<string, string>();
  let badges: BadgeView[] = scenario === 'default' ? [...(options.world ? worldBadges() : []), ...seeded.views.slice(0, n), ...generateBadges(Math.max(0, n - seeded.views.length))] : [];
  const unlisted = options.unlisted ?? {};
  badges = badges.map((b) => (Object.hasOwn(unlisted, b.key) ? { ...b, unlisted: unlisted[b.key] } : b));
  const emails = mockEmails();
  const resets = new Set<string>();
  /** Addresses whose confirmation was re-sent (account and address id). */
  const resent = new Set<string>();
  let settings: Settings = mockSettings();
  let hoverSites: string[] = [];
  let localAddresses: string[] = [];
  const calls: MockActions['calls'] = [];

  const later = <T,>(value: T): Promise<T> => (options.latencyMs ? new Promise((r) => setTimeout(() => r(value), options.latencyMs)) : Promise.resolve(value));
  const record = (name: keyof PopupActions, args: unknown[]) => calls.push({ name, args });
  /** Sign-ins waiting on a backpack that never answers (a host with "slow" in it), until cancelled. */
  const cancels: (() => void)[] = [];
  /** Those sign-ins as the state says them (a host with "signed-out" in it waits for an earlier sign-out of its account). */
  let running: SignInUnderWay[] = [];
  const cancelled = () => err('ERR_CANCELLED', 'The sign-in was cancelled: nothing was kept');
  const counted = (list: EmailView[]) => list.map((e) => ({ ...e, badgeCount: badges.filter((b) => b.recipient === e.email).length }));
  const setSync = (ids: string[], status: 'syncing' | 'verifying') => {
    accounts = accounts.map((a) => (ids.includes(a.id) ? { ...a, sync: { ...a.sync, status, done: 0, total: Math.max(1, badges.filter((b) => b.accountId === a.id).length), error: undefined } } : a));
  };
  // Each state poll moves running syncs a quarter of the way, so the progress bar is seen to move.
  const tick = () => {
    accounts = accounts.map((a) => {
      if (a.sync.status !== 'syncing' && a.sync.status !== 'verifying') return a;
      const done = Math.min(a.sync.total, a.sync.done + Math.ceil(a.sync.total / 4));
      return { ...a, sync: done >= a.sync.total ? { status: 'idle', done, total: a.sync.total, lastSyncedAt: new Date(MOCK_NOW).toISOString() } : { ...a.sync, done } };
    });
  };
  const emailOp = (accountId: string, id: string, op: (list: EmailView[], e: EmailView) => Reply<EmailView[]> | EmailView[]) => {
    const list = emails[accountId];
    const e = list?.find((x) => x.id === id);
    if (!list || !e) return later(err('ERR_NOT_FOUND', 'no such address'));
    const r = op(list, e);
    if (!Array.isArray(r)) return later(r);
    emails[accountId] = r;
    return later(ok(counted(r)));
  };

  const actions: MockActions = {
    calls, clipboard: undefined, saved: [],
    ping: () => (record('ping', []), later(ok({ pong: true as const, version: '0.0.0-preview' }))),
    getState() {
      record('getState', []);
      if (scenario === 'broken') return later(err('ERR_UNKNOWN_MESSAGE', 'no handler for "state/get"'));
      tick();
      const identities = Object.values(emails).flat().filter((e) => e.verified).map((e) => e.email);
      return later(ok<StateReply>({ accounts, settings, badgeCount: badges.length, identities, ...(running.length ? { signingIn: true, signIns: running.map((r) => ({ ...r })) } : {}) }));
    },
    listBadges: (limit) => (record('listBadges', limit === undefined ? [] : [limit]), later(scenario === 'broken' ? err('ERR_UNKNOWN_MESSAGE', 'no handler') : ok(limit === undefined ? [...badges] : newestFirst(badges, limit)))),
    getBadge(key) {
      record('getBadge', [key]);
      const b = badges.find((x) => x.key === key);
      if (!b) return later(err('ERR_NOT_FOUND', 'no such badge'));
      const extra = seeded.extras.get(key) ?? {};
      const detail: BadgeDetail = { evidence: [], alignments: [], claimedRecipients: b.recipient ? [{ type: 'email', identity: b.recipient, hashed: false }] : [{ type: 'email', identity: 'sha256$c0ffee…', hashed: true }], checks: b.verdict === 'unverified' ? [] : checksFor(b), credentialText: '{}', originalKind: 'url', ...(b.accountId.startsWith('badgr') ? { bakedImage: 'link' as const } : {}), ...b, ...extra };
      return later(ok(detail));
    },
    verify(key) {
      record('verify', [key]);
      if (key === undefined) setSync(accounts.map((a) => a.id), 'verifying');
      return later(ok({ verified: key === undefined ? badges.length : 1 }));
    },
    importBadge(source) {
      record('importBadge', [source]);
      const text = source.kind === 'text' ? source.text.trim() : '';
      if (source.kind === 'text' && !/^(https?:\/\/|eyJ|\{)/.test(text)) return later(err('ERR_NOT_A_BADGE', 'not a badge, a badge URL or a JWS'));
      if (source.kind === 'file' && /\.txt$/i.test(source.name)) return later(err('ERR_NOT_A_BADGE', 'not a badge'));
      // The same link, text or file again is the badge held already (library.ts import): not added twice.
      const what = source.kind === 'text' ? `text:${text}` : `file:${source.base64}`;
      const held = badges.find((b) => b.key === imported.get(what));
      if (held) return later(ok({ ...held, alreadyHeld: true }));
      const name = source.kind === 'file' ? source.name.replace(/\.[a-z]+$/i, '') : 'Imported badge';
      const view: BadgeView = { key: `local:import-${badges.length}`, accountId: 'local', name, tags: [], format: 'ob2.0-hosted', verdict: 'valid', recipient: 'ada@example.org', pending: false, issuerName: 'River Club', issuedOn: new Date(MOCK_NOW).toISOString() };
      badges = [view, ...badges];
      imported.set(what, view.key);
      if (!accounts.some((a) => a.kind === 'local')) accounts = [...accounts, ...mockAccounts().filter((a) => a.kind === 'local')];
      return later(ok(view));
    },
    removeBadge(key) {
      record('removeBadge', [key]);
      const before = badges.length;
      badges = badges.filter((b) => b.key !== key);
      return later(ok({ removed: badges.length < before }));
    },
    async signIn(request) {
      record('signIn', [request]);
      if (options.denyPermissions) return later(err('ERR_HOST_PERMISSION_DENIED', 'access to the backpack was not allowed'));
      // A backpack that never answers: the sign-in waits until it is cancelled.
      if (/slow/.test(request.baseUrl)) {
        if (running.some((r) => r.baseUrl === request.baseUrl && r.kind === request.kind)) return later(err('ERR_SIGN_IN_UNDER_WAY', 'A sign-in to this backpack is under way already'));
        running = [...running, { id: `run-${calls.length}`, kind: request.kind, baseUrl: request.baseUrl, ...(request.kind === 'badgr' ? { username: request.username } : {}), phase: /signed-out/.test(request.baseUrl) ? 'finishing-sign-out' : 'signing-in' }];
        return new Promise((resolve) => void cancels.push(() => resolve(cancelled())));
      }
      if (/unreachable/.test(request.baseUrl)) return later(err('UNREACHABLE', `${request.baseUrl} could not be reached`));
      if (/not-a-backpack/.test(request.baseUrl)) return later(err('PROTOCOL', `${request.baseUrl} did not answer JSON (HTTP 200)`));
      if (request.kind !== 'badgr') {
        if (/refuses/.test(request.baseUrl)) return later(err('REGISTRATION_REFUSED', 'the provider refused client registration'));
      } else if (request.username.startsWith('throttled')) return later(err('THROTTLED', 'api.badgr.io asks Lanyard to slow down: try again in 95 seconds.', { retryAfterSeconds: 95 }));
      else if (request.password !== 'lanyard-demo') return later(err('BAD_CREDENTIALS', 'invalid_grant'));
      const account: AccountView = { id: `acct-${accounts.length}`, kind: request.kind, providerName: request.kind === 'badgr' ? 'Canvas Credentials' : 'Open Badges 3.0 provider', baseUrl: request.baseUrl, user: request.kind === 'badgr' ? request.username : 'Ada Lovelace', needsSignIn: false, sync: { status: 'syncing', done: 0, total: 4 } };
      accounts = [...accounts, account];
      if (!badges.length) badges = seeded.views.slice(0, 4).map((b) => ({ ...b, accountId: account.id }));
      return later(ok(account));
    },
    cancelSignIn(baseUrl, attempt, kind) {
      record('cancelSignIn', kind !== undefined ? [baseUrl, attempt, kind] : attempt !== undefined ? [baseUrl, attempt] : baseUrl === undefined ? [] : [baseUrl]);
      running = [];
      const waiting = cancels.splice(0);
      for (const cancel of waiting) cancel();
      return later(ok({ cancelled: waiting.length > 0 }));
    },
    waitSignIn(baseUrl, kind) {
      record('waitSignIn', [baseUrl, kind]);
      if (!running.some((r) => r.baseUrl === baseUrl && r.kind === kind)) return later(err('ERR_NOT_FOUND', 'No sign-in to this backpack is under way'));
      return new Promise((resolve) => void cancels.push(() => resolve(cancelled())));
    },
    signOut(accountId) {
      record('signOut', [accountId]);
      const host = accounts.find((a) => a.id === accountId)?.baseUrl.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
      accounts = accounts.filter((a) => a.id !== accountId);
      // What the backpack no longer lists stays, in the local backpack (unlisted-keep.ts).
      const kept = badges.filter((b) => b.accountId === accountId && b.unlisted).map((b): BadgeView => ({ ...b, key: `local:kept-${b.key}`, accountId: 'local', pending: false, ...(host ? { movedFrom: host } : {}) }));
      badges = [...badges.filter((b) => b.accountId !== accountId), ...kept];
      if (kept.length && !accounts.some((a) => a.kind === 'local')) accounts = [...accounts, ...mockAccounts().filter((a) => a.kind === 'local')];
      return later(ok({ signedOut: true as const, revoked: 'revoked' as const, kept: kept.length }));
    },
    setTrust(accountId, trust) {
      record('setTrust', [accountId, trust]);
      const a = accounts.find((x) => x.id === accountId && x.kind !== 'local');
      if (!a) return later(err('ERR_NOT_FOUND', 'This account is not signed in'));
      accounts = accounts.map((x) => (x.id === accountId ? { ...x, trustAddresses: trust } : x));
      return later(ok({ ...a, trustAddresses: trust }));
    },
    startSync(accountId) {
      record('startSync', [accountId]);
      setSync(accountId ? [accountId] : accounts.filter((a) => a.kind !== 'local').map((a) => a.id), 'syncing');
      return later(ok({ started: true }));
    },
    listEmails: (accountId) => (record('listEmails', [accountId]), later(emails[accountId] ? ok(counted(emails[accountId])) : err('ERR_UNSUPPORTED', 'this provider has no address management'))),
    addEmail(accountId, email) {
      record('addEmail', [accountId, email]);
      const list = emails[accountId] ?? [];
      if (list.some((e) => e.email.toLowerCase() === email.toLowerCase())) return later(err('REJECTED', 'Matching address already exists.'));
      // badgr-server's answer for a verified address of another account (email-refusals.ts).
      if (/@taken\./.test(email)) return later(err('ERR_EMAIL_TAKEN', 'Adding the address was refused (HTTP 400): Could not register email address.', { said: 'Could not register email address.' }));
      emails[accountId] = [...list, { id: String(20 + list.length), email, verified: false, primary: false, badgeCount: 0 }];
      return later(ok(counted(emails[accountId])));
    },
    // Badgr re-sends a confirmation once in five minutes (apps/badgeuser/api_v1.py): the second within them is THROTTLED with the wait.
    resendEmail: (accountId, id) => (record('resendEmail', [accountId, id]), emailOp(accountId, id, (list, e) => {
      if (e.verified) return err('REJECTED', 'This address is already verified.');
      if (resent.has(`${accountId} ${id}`)) return err('THROTTLED', 'api.badgr.io asks Lanyard to slow down: try again in 5 minutes. (Re-sending the confirmation asks to slow down: Will be able to re-send verification email in 4 minutes and 59 seconds.)', { retryAfterSeconds: 299 });
      resent.add(`${accountId} ${id}`);
      return list;
    })),
    makePrimaryEmail: (accountId, id) => (record('makePrimaryEmail', [accountId, id]), emailOp(accountId, id, (list, e) => (e.verified ? list.map((x) => ({ ...x, primary: x.id === id })) : err('ERR_EMAIL_UNVERIFIED', `${e.email} is not verified yet: only a verified address can be primary`)))),
    requestPasswordReset(baseUrl, email) {
      record('requestPasswordReset', [baseUrl, email]);
      if (options.denyPermissions) return later(err('ERR_HOST_PERMISSION_DENIED', 'access to the backpack was not allowed'));
      const again = resets.has(email);
      resets.add(email);
      return later(again ? err('THROTTLED', 'Forgot password request limit exceeded.', { retryAfterSeconds: 300 }) : ok({ sent: true as const }));
    },
    removeEmail: (accountId, id) => (record('removeEmail', [accountId, id]), emailOp(accountId, id, (list, e) => (e.primary ? err('ERR_EMAIL_PRIMARY', 'Removing the address was refused (HTTP 400): Can not remove primary email address', { said: 'Can not remove primary email address' }) : list.filter((x) => x.id !== id)))),
    // Answered at once here: none is left to cancel.
    cancelImport: (attempt) => (record('cancelImport', [attempt]), later(ok({ cancelled: false }))),
    cancelPasswordReset: (attempt) => (record('cancelPasswordReset', [attempt]), later(ok({ cancelled: false }))),
    // Its changes are answered at once here: none is left to cancel.
    cancelEmailChange: (accountId) => (record('cancelEmailChange', [accountId]), later(ok({ cancelled: false }))),
    listLocalAddresses: () => (record('listLocalAddresses', []), later(ok([...localAddresses]))),
    addLocalAddress(email) {
      record('addLocalAddress', [email]);
      if (localAddresses.some((x) => addressKey(x) === addressKey(email))) return later(err('ERR_ADDRESS_LISTED', 'This address is listed already'));
      localAddresses = [...localAddresses, email.trim()];
      return later(ok([...localAddresses]));
    },
    removeLocalAddress(email) {
      record('removeLocalAddress', [email]);
      localAddresses = localAddresses.filter((x) => x.toLowerCase() !== email.toLowerCase());
      return later(ok([...localAddresses]));
    },
    saveSettings(patch) {
      record('saveSettings', [patch]);
      settings = { ...settings, ...patch };
      return later(ok(settings));
    },
    setHoverVerify(on) {
      record('setHoverVerify', [on]);
      settings = { ...settings, hoverVerify: on };
      if (!on) hoverSites = [];
      return later(ok(settings));
    },
    hoverSites: () => (record('hoverSites', []), later(ok({ sites: hoverSites, current: { pattern: 'https://blog.example/*', host: 'blog.example', granted: false } }))),
    setHoverSite(pattern, on, grantedBefore) {
      record('setHoverSite', [pattern, on, grantedBefore]);
      if (on && options.denyPermissions) return later(err('ERR_HOST_PERMISSION_DENIED', 'access to this site was not allowed'));
      hoverSites = on ? [...new Set([...hoverSites, pattern])] : hoverSites.filter((s) => s !== pattern);
      if (on) settings = { ...settings, hoverVerify: true };
      return later(ok({ sites: hoverSites }));
    },
    allowHosts: (urls) => (record('allowHosts', [urls]), later(!options.denyPermissions)),
    hasHosts: (urls) => (record('hasHosts', [urls]), later(!!options.hostsGranted)),
    exportBackup() {
      record('exportBackup', []);
      actions.saved.push('lanyard-backup.json');
      return later(ok({ fileName: 'lanyard-backup.json' }));
    },
    importBackup(json) {
      record('importBackup', [json]);
      try {
        const parsed = JSON.parse(json) as { badges?: unknown[] };
        return later(ok({ imported: parsed.badges?.length ?? 0, skipped: 0 }));
      } catch {
        return later(err('ERR_BAD_BACKUP', 'not a Lanyard backup'));
      }
    },
    download(key, what) {
      record('download', [key, what]);
      // As library-download.ts: a badge added as JSON, a JWS or a link, with no backpack link to its image, has none.
      const b = badges.find((x) => x.key === key);
      if (what === 'baked' && !b?.accountId.startsWith('badgr') && !seeded.extras.get(key)?.bakedImage) return later(err('ERR_NO_BAKED_IMAGE', 'This badge has no baked image: download its credential (JSON) instead'));
      const fileName = `${key.replace(/[^a-z0-9]+/gi, '-')}.${what === 'baked' ? 'png' : 'json'}`;
      actions.saved.push(fileName);
      return later(ok({ fileName }));
    },
    copy(text, html) {
      record('copy', [text, html]);
      actions.clipboard = html === undefined ? { text } : { text, html };
      return later(ok(true as const));
    },
  };
  return actions;
}
