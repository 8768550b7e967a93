/**
 * Stored records as the popup and content scripts see them (src/messaging/views.ts). Content
 * scripts get PickerBadge and HoverVerdict only: no account, no address, no token.
 */
import type { PostalAddress } from '../../core/model.ts';
import { unbakedDataUrl } from './unbaked.ts';
import { displayText } from '../../core/share/display.ts';
import { shareWarningOf } from '../../core/share/warning.ts';
import { storedName } from '../../core/share/badge-name.ts';
import { publicShareUrl } from '../../core/share/escape.ts';
import { credentialIdFor } from '../../core/share/linkedin.ts';
import { reachableImage } from './image-hosts.ts';
import { drawableImage } from './svg-use-clones.ts';
import { ServiceErrorCodes } from './errors.ts';
import { bakedImageOf } from './library-download.ts';
import { memoByText } from './picture-memo.ts';
import type { AccountView, BadgeDetail, BadgeView, NameDirs, PickerBadge, PickerWarning, SyncState } from '../../messaging/views.ts';
import type { ShownDirs } from '../../core/share/lang-text.ts';
import { readerTexts } from './reader-texts.ts';
import { shownLists } from './shown-lists.ts';
import { VIEW_TAGS_MAX, viewMarkdown, viewText, viewTexts } from './view-text.ts';
import type { AccountRecord, BadgeRecord, OriginalRecord, SyncRecord } from '../../platform/records.ts';

/** Each data: picture read once while it stays the same (picture-memo.ts); a hosted one is not read here. */
const drawableData = memoByText(drawableImage);
const unbakedData = memoByText(unbakedDataUrl);
const drawable = (image: string | undefined): string | undefined => (image !== undefined && /^\s*data:/i.test(image) ? drawableData(image) : drawableImage(image));

const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** `own`: the user's backpacks' origins, whose pictures may be on a private host (image-hosts.ts). */
export function badgeView(r: BadgeRecord, own: readonly string[]): BadgeView {
  const m = r.meta;
  const named = storedName(m);
  // Each text at most what a surface shows of it (view-text.ts): a list answer carries every badge's.
  return defined({
    key: r.key,
    accountId: r.accountId,
    ...named,
    name: viewText(named.name),
    description: viewText(m.description),
    // Not on the user's network (image-hosts.ts), nor an SVG asking for more clones than a picture needs (svg-use-clones.ts).
    image: drawable(reachableImage(m.image, own)),
    issuerName: viewText(m.issuerName),
    issuerId: m.issuerId,
    issuerUrl: m.issuerUrl,
    issuedOn: m.issuedOn,
    expires: m.expires,
    tags: m.tags.slice(0, VIEW_TAGS_MAX).map(viewText),
    format: r.format as BadgeView['format'],
    verdict: r.verdict,
    recipient: r.recipient,
    publicUrl: m.publicUrl,
    pending: r.pending,
    verifiedAt: r.verifiedAt,
    unlisted: r.unlisted,
    movedFrom: r.movedFrom,
    texts: viewTexts(m.texts),
  });
}

export function badgeDetail(r: BadgeRecord, o: OriginalRecord | undefined, own: readonly string[]): BadgeDetail {
  // A record stored before its lists were cut carries no more than one stored since (shown-lists.ts).
  const m = shownLists(r.meta);
  return defined({
    ...badgeView(r, own),
    criteria: m.criteria && defined({ ...m.criteria, narrative: viewMarkdown(m.criteria.narrative) }),
    narrative: viewMarkdown(m.narrative),
    achievementType: viewText(m.achievementType),
    results: m.results?.map((x) => defined({ name: viewText(x.name), value: viewText(x.value), valueMin: viewText(x.valueMin), valueMax: viewText(x.valueMax), level: viewText(x.level), points: viewText(x.points), status: x.status })),
    creditsEarned: m.creditsEarned,
    creditsAvailable: m.creditsAvailable,
    fieldOfStudy: viewText(m.fieldOfStudy),
    specialization: viewText(m.specialization),
    evidence: m.evidence.map((e) => defined({ ...e, name: viewText(e.name), description: viewText(e.description), narrative: viewMarkdown(e.narrative), genre: viewText(e.genre), audience: viewText(e.audience) })),
    alignments: m.alignments.map((a) =>
      defined({ ...a, targetName: viewText(a.targetName), targetDescription: viewText(a.targetDescription), targetFramework: viewText(a.targetFramework), targetCode: viewText(a.targetCode) }),
    ),
    evidenceTotal: m.evidenceTotal,
    alignmentsTotal: m.alignmentsTotal,
    issuerEmail: viewText(m.issuerEmail),
    issuerAddress: m.issuerAddress && (Object.fromEntries(Object.entries(m.issuerAddress).map(([k, v]) => [k, viewText(v)])) as PostalAddress),
    issuerIds: m.issuerIds?.map((x) => ({ identifierType: viewText(x.identifierType), identifier: viewText(x.identifier) })),
    credentialId: m.credentialId,
    claimedRecipients: m.claimedRecipients.map((c) => ({ ...c, identity: viewText(c.identity) })),
    checks: r.checks.map((c) => ({ ...c, message: viewText(c.message) })),
    unreachable: r.unreachable,
    credentialText: o?.credentialText,
    originalKind: r.original.kind,
    bakedImage: bakedImageOf(r),
    typedTo: r.typedTo,
  });
}

/** The longest data: picture a picker row carries (a hundred rows go in one message). */
export const MAX_PICKER_IMAGE_CHARS = 100_000;

/**
 * A picker row's picture: only one the message itself holds (a data: image). The picker is in the
 * page's document, so every picture it loads is requested by that page, and the page's own service
 * worker sees each URL (test/browser/picker-leak.test.ts): opening the picker would tell LinkedIn,
 * Gmail or Outlook (or a script that took over one of them) which badges the user holds, before
 * anything is chosen. A badge kept as its baked image gets that image from the originals store
 * (picker-images.ts); one with only a hosted picture shows the placeholder there.
 */
export function pickerImage(image: string | undefined): string | undefined {
  // Without the badge a baked picture carries (unbaked.ts: OB 2.0 §Assertion image "may be a baked image").
  return image !== undefined && /^data:image\//i.test(image) && image.length <= MAX_PICKER_IMAGE_CHARS ? unbakedData(image) : undefined;
}

/**
 * A picker row, its words in the reader's `languages` (reader-texts.ts). Its links are what LinkedIn's
 * form fills in, as they may be shared (publicShareUrl, credentialIdFor): a badge's link with a token
 * or signature in it never reaches the page's renderer, where the content script checked it only after.
 */
export function pickerBadge(r: BadgeRecord, languages: readonly string[] = []): PickerBadge {
  const m = r.meta;
  const { name, noName, issuerName, dirs } = readerTexts(m, languages);
  return defined({
    key: r.key,
    name: viewText(name),
    noName,
    image: pickerImage(m.image),
    issuerName: viewText(issuerName),
    issuedOn: m.issuedOn,
    expires: m.expires,
    verdict: r.verdict,
    publicUrl: publicShareUrl(m.publicUrl),
    credentialId: viewText(credentialIdFor(m.credentialId, m.publicUrl)),
    warning: pickerWarning(r),
    dirs: nameDirs(dirs),
  });
}

/** The directions of the name and the issuer's name, the ones a content script shows, when the badge gives one. */
export function nameDirs(dirs: ShownDirs | undefined): NameDirs | undefined {
  const out: NameDirs = defined({ name: dirs?.name, issuerName: dirs?.issuerName });
  return Object.keys(out).length ? out : undefined;
}

/**
 * The share screen's warning (core/share/warning.ts): the deciding check, which the picker says in
 * the page's words; a host Lanyard may not read is named instead of that check, whose words speak
 * of the issuer's site, not of the browser's setting: the host the host fetch refused when the badge was last
 * verified (BadgeRecord.needsAccess), never one read from a check's text (hover-access.ts).
 */
function pickerWarning(r: BadgeRecord): PickerWarning | undefined {
  const w = shareWarningOf({ verdict: r.verdict, checks: r.checks, expires: r.meta.expires });
  if (!w) return undefined;
  const host = w.level === 'indeterminate' ? r.needsAccess : undefined;
  if (host) return { level: w.level, needsAccess: host };
  return w;
}

/**
 * `running`: whether the account's run is going on in this worker. A record left `syncing` by a
 * worker stopped mid-run (Manifest V3 stops idle workers; the browser closes) is no sync going on:
 * it reads as interrupted, with the failure it had counted before an in-place retry if it had one
 * (sync-failure.ts), so that the popup does not show it spinning until the next run, which resumes
 * it at its stored page (sync.ts).
 *
 * So with a re-verification of every badge ("Check all", library.ts verify), whose progress is the
 * account's `verifying` record: one whose worker stopped reads as what it would have ended with,
 * the error a failed sync waiting for its retry keeps, else idle. Each badge's result is written
 * only once it is verified again (badge-verify.ts recheckStored), so the badges it had not reached
 * keep their previous verdict: nothing is shown in progress that is not.
 */
export function syncView(s: SyncRecord | undefined, running = true, verifying = true): SyncState {
  if (!s) return { status: 'idle', done: 0, total: 0 };
  if (s.status === 'verifying' && !verifying) return syncView({ ...s, status: s.error ? 'error' : 'idle' });
  if (s.status === 'syncing' && !running) {
    const error = s.error ?? { code: ServiceErrorCodes.INTERRUPTED, message: 'The sync stopped before it was done: the next sync goes on where it stopped' };
    return defined({ status: 'error', done: s.done, total: s.total, lastSyncedAt: s.lastSyncedAt, error, retryAt: s.error && s.retryAt ? new Date(s.retryAt).toISOString() : undefined });
  }
  return defined({ status: s.status, done: s.done, total: s.total, lastSyncedAt: s.lastSyncedAt, error: s.error, retryAt: s.status === 'error' && s.retryAt ? new Date(s.retryAt).toISOString() : undefined });
}

export function accountView(a: AccountRecord, sync: SyncRecord | undefined, running = true, verifying = true): AccountView {
  return {
    id: a.id, kind: a.kind, providerName: a.providerName, baseUrl: a.baseUrl, user: a.user, needsSignIn: a.needsSignIn, sync: syncView(sync, running, verifying),
    trustAddresses: a.trustAddresses === true,
    verifiedAddresses: a.addresses.filter((x) => x.verified).map((x) => x.email),
  };
}
