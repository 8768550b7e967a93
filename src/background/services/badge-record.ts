/**
 * From a verification to a stored badge: what to show (meta), whose it is (the address it was
 * issued to), and whether it is pending (issued to an address of the account that is not verified
 * yet: then the recipient check says so, as `indeterminate`, instead of failing).
 */
import type { Badge, InputKind } from '../../core/model.ts';
import { verdictOf, type Check, type VerifyResult } from '../../core/result.ts';
import { ErrorCodes } from '../../core/errors.ts';
import type { MatchRecipient } from '../../core/verify/recipient-match.ts';
import type { BadgeMeta, BadgeRecord, FullBadge } from '../../platform/records.ts';
import { storedName, type NoName } from '../../core/share/badge-name.ts';
import { hasVisibleText } from '../../core/share/display.ts';
import { accessHost } from './hover-access.ts';
import { shownLists } from './shown-lists.ts';

/** How much a verdict says for the badge: a copy never replaces a different copy it ranks below (library.ts), and one held that says less does not stand for a moved one (unlisted-keep.ts). */
export const VERDICT_RANK: Record<BadgeRecord['verdict'], number> = { valid: 2, indeterminate: 1, unverified: 1, invalid: 0 };

const MAX_IMAGE_CHARS = 2_000_000;
const MAX_TEXT_CHARS = 512 * 1024;

export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const d = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A stable digest of a set of identities (order and case do not matter). */
export function identitiesHash(identities: readonly string[]): Promise<string> {
  return sha256Hex([...new Set(identities.map((i) => i.trim().toLowerCase()))].sort().join('\n'));
}

const httpUrl = (v: string | undefined): string | undefined => (v && /^https?:\/\//i.test(v) ? v : undefined);

/**
 * What the list and the badge page show, from the engine's badge, else from what the provider said:
 * of its lists, what they show (shown-lists.ts), counted from the badge read, else as stored.
 */
export function metaOf(badge: Badge | null, given: Partial<BadgeMeta> = {}): BadgeMeta {
  const meta = wholeMetaOf(badge, given);
  return badge ? shownLists(meta, { evidence: badge.evidence.length, alignments: badge.alignments.length }) : shownLists(meta);
}

function wholeMetaOf(badge: Badge | null, given: Partial<BadgeMeta>): BadgeMeta {
  // The provider's name (or the last one stored) stands in for a badge that names none; a stored
  // reason or an older version's English stand-in is no name (badge-name.ts).
  const { name: _name, noName: _noName, ...fallback } = given;
  const provided = storedName(given).name;
  const named = (name: string, why: NoName): Pick<BadgeMeta, 'name' | 'noName'> => (name ? { name } : { name: '', noName: why });
  if (!badge) return { tags: [], evidence: [], alignments: [], claimedRecipients: [], ...fallback, ...named(provided, 'unreadable') };
  const image = badge.image && badge.image.length <= MAX_IMAGE_CHARS ? badge.image : fallback.image;
  const pick = <K extends keyof BadgeMeta>(k: K, v: BadgeMeta[K] | undefined): Partial<BadgeMeta> => (v === undefined ? {} : { [k]: v });
  // The award's narrative, results, credits and kind, the achievement's field of study and specialization,
  // the issuer's e-mail and the expiry date are this reading's or none: ones stored from an earlier copy (a pasted copy read while its issuer was out of reach, OB 2.0
  // §HostedBadge; a forged copy the genuine one then replaced, library.ts) are not the issuer's word. Each is
  // optional in the issuer's documents, so a genuine copy that lacks one left the forger's in place (an
  // "Expires" date or a contact address under a valid verdict). So are the criteria of a reading that names
  // the badge: OB 3.0 §Achievement requires them, but a genuine copy without them (or a criteria page
  // without a narrative) left the forger's text under the issuer's name. The other fields every badge has
  // (name, issuer, dates of issue) are replaced by any reading that has them; a revoked OB 2.0 stub names
  // nothing and keeps what the provider said.
  const { narrative: _n, results: _r, achievementType: _t, issuerEmail: _e, expires: _x, creditsEarned: _ce, creditsAvailable: _ca, fieldOfStudy: _f, specialization: _s, issuerAddress: _ia, issuerIds: _ii, ...stored } = fallback;
  const { criteria: _c, ...uncriteried } = stored;
  const kept: Partial<BadgeMeta> = badge.name.trim() ? uncriteried : stored;
  return {
    ...kept,
    // A revoked OB 2.0 stub names nothing: keep what the provider said. Nor does a name that shows as
    // nothing (only spaces, controls, braille blanks U+2800, Hangul fillers, zero-width characters):
    // stored as none, as every view reads it (core/share/display.ts hasVisibleText, badge-name.ts storedName).
    ...named(hasVisibleText(badge.name) ? badge.name : provided, 'untitled'),
    ...pick('description', badge.description),
    ...pick('image', image),
    ...pick('issuerName', badge.issuer.name),
    ...pick('issuerUrl', httpUrl(badge.issuer.url)),
    ...pick('issuerId', badge.issuer.id),
    ...pick('issuerEmail', badge.issuer.email),
    ...pick('issuerAddress', badge.issuer.address && { ...badge.issuer.address }),
    ...pick('issuerIds', badge.issuer.otherIdentifier?.map((x) => ({ ...x }))),
    ...pick('achievementId', badge.achievementId),
    ...pick('achievementType', badge.achievementType),
    ...pick('issuedOn', badge.issuedOn ?? badge.validFrom),
    ...pick('expires', badge.expires),
    tags: badge.tags,
    ...pick('publicUrl', httpUrl(badge.id) ?? fallback.publicUrl),
    ...pick('credentialId', badge.id),
    ...pick('criteria', badge.criteria),
    ...pick('narrative', badge.narrative),
    // Each result as read (ob3-to-badge.ts resultsOf: only the members it gives).
    ...pick('results', badge.results?.map((x) => ({ ...x }))),
    ...pick('creditsEarned', badge.creditsEarned),
    ...pick('creditsAvailable', badge.creditsAvailable),
    ...pick('fieldOfStudy', badge.fieldOfStudy),
    ...pick('specialization', badge.specialization),
    evidence: badge.evidence.map(({ id, name, description, narrative, genre, audience }) => ({ id, name, description, narrative, genre, audience })),
    alignments: badge.alignments,
    claimedRecipients: badge.recipients.map(({ type, identity, hashed }) => ({ type, identity, hashed })),
    // A badge re-read without languages drops the ones stored before (`fallback` is the last record's).
    texts: badge.texts,
  };
}

export interface Assessment {
  verdict: VerifyResult['verdict'];
  checks: Check[];
  recipient: string | null;
  pending: boolean;
  /** The address typed for this browser the recipient matched (identities.ts typedHere): said, never the user's. */
  typedTo?: string;
}

/** What a backpack says of a badge it lists for the signed-in user. */
export interface ProviderClaim {
  /** Badgr: issued to an address of the user that is not verified yet. */
  pending?: boolean;
  /** The address the provider says it was issued to. */
  address?: string;
  /** The backpack lists it as the user's (every synced badge). */
  listed?: boolean;
  /** The backpack listed it once, and its last complete listing did not (sync-listed.ts). */
  unlisted?: boolean;
}

/**
 * Who the badge belongs to. `result` was verified against the verified addresses. When its
 * recipient check failed (or the provider says pending) and it matches an unverified address, it
 * is pending. When it failed but the user's own backpack lists it, it is not "someone else's" but
 * unconfirmed (an OB 3.0 profile names one address only). Either way the recipient check becomes
 * indeterminate, with a message saying why, and the verdict follows from the checks. So is a badge
 * issued to an address that only another, untrusted backpack vouches for (`claimed`, identities.ts):
 * not the user's, but not "someone else's" either; and one issued to an address the user typed that no
 * backpack verifies (`unconfirmed`). An address typed for the local backpack (`here`, identities.ts
 * typedHere) is said as such: a failed check becomes indeterminate, and one skipped for want of any
 * verified address stays skipped (the verdict is not changed by the user's word), naming it.
 */
export async function assess(match: MatchRecipient, result: VerifyResult, unverified: readonly string[], provider?: ProviderClaim, claimed: readonly string[] = [], unconfirmed: readonly string[] = [], here: readonly string[] = []): Promise<Assessment> {
  const base = { verdict: result.verdict, checks: result.checks, recipient: result.recipient, pending: false };
  if (result.recipient) return base;
  const recipientCheck = result.checks.find((c) => c.id === 'recipient');
  let address: string | null = null;
  if (result.badge && unverified.length && recipientCheck?.outcome === 'fail') {
    address = await match(result.badge.recipients, unverified, result.badge.format);
  }
  if (!address && provider?.pending && provider.address) {
    // The listing's plaintext address is the backpack's word: it names the badge's recipient only
    // when the badge's own recipient (hashed or not) matches it.
    const own = result.badge?.recipients.length ? await match(result.badge.recipients, [provider.address], result.badge.format) : provider.address;
    if (own) address = own;
  }
  const replace = (note: Check): Check[] => (result.checks.some((c) => c.id === 'recipient') ? result.checks.map((c) => (c.id === 'recipient' ? note : c)) : [...result.checks, note]);
  if (address) {
    const checks = replace({ id: 'recipient', outcome: 'indeterminate', message: `Issued to ${address}, an address of yours that is not verified yet: verify it to claim this badge` });
    return { verdict: verdictOf(checks), checks, recipient: address, pending: true };
  }
  const claimedBy = result.badge && claimed.length && recipientCheck?.outcome === 'fail' ? await match(result.badge.recipients, claimed, result.badge.format) : null;
  if (claimedBy) {
    const checks = replace({ id: 'recipient', outcome: 'indeterminate', message: `Issued to ${claimedBy}, which another of your backpacks says is yours: trust that backpack's addresses in Settings to count this badge as yours` });
    return { ...base, verdict: verdictOf(checks), checks };
  }
  // An address the user typed that no backpack verifies (identities.ts): their word alone.
  const typedBy = result.badge && unconfirmed.length && recipientCheck?.outcome === 'fail' ? await match(result.badge.recipients, unconfirmed, result.badge.format) : null;
  if (typedBy) {
    const checks = replace({ id: 'recipient', outcome: 'indeterminate', message: `Issued to ${typedBy}, an address you added that its backpack has not verified: follow the link it was mailed to count this badge as yours` });
    return { ...base, verdict: verdictOf(checks), checks };
  }
  // Typed for the local backpack: no backpack verified it, so never the user's (and never someone
  // else's for not matching it). Compared also when no verified address was given at all (skipped).
  const outcome = recipientCheck?.outcome;
  const typedHere = result.badge && here.length && (outcome === 'fail' || outcome === 'skipped') ? await match(result.badge.recipients, here, result.badge.format) : null;
  if (typedHere) {
    const checks = replace({ id: 'recipient', outcome: outcome === 'fail' ? 'indeterminate' : 'skipped', code: ErrorCodes.RECIPIENT_TYPED, message: `Issued to ${typedHere}, an address you typed; no backpack has verified it` });
    return { ...base, verdict: verdictOf(checks), checks, typedTo: typedHere };
  }
  if (provider?.listed && recipientCheck?.outcome === 'fail') {
    const checks = replace({ id: 'recipient', outcome: 'indeterminate', message: 'Your backpack lists this badge, but it was issued to an address Lanyard does not know as yours: add that address to one of your accounts to confirm it' });
    return { ...base, verdict: verdictOf(checks), checks };
  }
  // Listed once, not any more (deleted there, or detached with a removed address): no word of the
  // backpack's now, but not "someone else's" either, for it was the user's backpack that held it.
  if (provider?.unlisted && recipientCheck?.outcome === 'fail') {
    const checks = replace({ id: 'recipient', outcome: 'indeterminate', message: 'Your backpack no longer lists this badge, and it was issued to an address Lanyard does not know as yours: add that address to one of your accounts to confirm it' });
    return { ...base, verdict: verdictOf(checks), checks };
  }
  return base;
}

export interface RecordInput {
  key: string;
  accountId: string;
  sourceId: string;
  original: { kind: InputKind; bytes: Uint8Array; fileName?: string };
  contentHash: string;
  result: VerifyResult;
  assessment: Assessment;
  identitiesHash: string;
  fallback?: Partial<BadgeMeta>;
  bakedUrl?: string;
  addedAt?: string;
  runId?: string;
  /** The origins the host fetch refused for want of a permission (network-log.ts `refused`). */
  refused?: readonly string[];
  now: Date;
}

export function buildRecord(i: RecordInput): FullBadge {
  const extracted = i.result.badge?.original?.extracted;
  const credentialText = extracted && i.original.kind !== 'url' && extracted.length <= MAX_TEXT_CHARS && !/^https?:\/\//i.test(extracted) ? extracted : undefined;
  const at = i.now.toISOString();
  const { bytes, ...original } = i.original;
  const needsAccess = accessHost(i.refused);
  const record = {
    key: i.key,
    accountId: i.accountId,
    sourceId: i.sourceId,
    original,
    contentHash: i.contentHash,
    meta: metaOf(i.result.badge, i.fallback),
    format: i.result.format,
    verdict: i.assessment.verdict,
    checks: i.assessment.checks,
    recipient: i.assessment.recipient,
    recipientKey: i.assessment.recipient?.toLowerCase() ?? '',
    pending: i.assessment.pending,
    ...(i.assessment.typedTo ? { typedTo: i.assessment.typedTo } : {}),
    identitiesHash: i.identitiesHash,
    ...(i.bakedUrl ? { bakedUrl: i.bakedUrl } : {}),
    addedAt: i.addedAt ?? at,
    verifiedAt: at,
    ...(i.runId ? { runId: i.runId } : {}),
    ...(needsAccess ? { needsAccess } : {}),
  };
  return { record, original: { key: i.key, bytes, ...(credentialText ? { credentialText } : {}) } };
}
