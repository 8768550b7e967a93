/**
 * A badge verified `valid` (or `invalid`) keeps that result when a later verification is worse only because the
 * issuer's documents could not be fetched (offline, a server down or timing out): the popup then
 * says when it was last verified and which host the latest check could not reach, instead of
 * turning a verified badge into "not fully verified" (issue: "Check again" with the issuer down).
 *
 * "Only because": the engine's checks do not tell a network failure from a document that says
 * something new (network-log.ts), so the whole verification is judged. It kept nothing new when it
 * was answered nothing (no document, from the network or the cache, and no refusal of Lanyard's own)
 * while at least one request went unanswered, for the same input (content hash) and the same
 * verified addresses. Then what can still change the verdict is time: the expiry is checked again
 * now, from the credential when the engine could read it, else from the date the last complete
 * verification read (an expired badge does not stay valid). Anything else (a check that fails, a
 * document that answered, another input or other addresses) replaces the result, as before.
 *
 * Some documents answered and some did not (the assertion and its badge class, but not the issuer
 * profile): the result is judged check by check (keepReachedFacts). A check the new verification
 * left indeterminate for want of a document (a fetch-failure code) that names a URL this
 * verification could not reach keeps its last complete outcome; every other check is the new one.
 * A new failure (revoked, expired, forged) is a `fail`, which is never replaced, and the expiry is
 * checked now; when the result is still not settled, the new one stands whole.
 */
import { verdictOf, type Check } from '../../core/result.ts';
import { CheckList } from '../../core/verify/checks.ts';
import { checkValidity, spanOf } from '../../core/verify/validity.ts';
import type { BadgeRecord, FullBadge } from '../../platform/records.ts';
import type { NetworkLog } from './network-log.ts';

const hostOf = (url: string): string | undefined => (URL.canParse(url) ? new URL(url).host : undefined);

/** The validity check as of now: the fresh one when the engine ran it, else from the expiry last read; undefined when that cannot be told. */
function validityNow(previous: BadgeRecord, fresh: BadgeRecord, now: Date): Check | undefined {
  const ran = fresh.checks.find((c) => c.id === 'validity');
  // A date without its zone is read by the clock alone too (validity.ts spanOf): its warning or its indeterminate near now is as fresh as a pass.
  if (ran && (ran.outcome === 'pass' || ran.outcome === 'fail' || ran.outcome === 'warning' || ran.code === 'ERR_DATE_NO_ZONE')) return ran;
  const kept = previous.checks.find((c) => c.id === 'validity');
  // A failed one stays: expired stays expired, and "not yet valid" turns valid only on reading the credential again.
  if (kept?.outcome !== 'pass' && kept?.outcome !== 'warning') return kept;
  const until = previous.meta.expires;
  if (until === undefined) return kept;
  if (spanOf(until, 'until') === undefined) return undefined;
  const list = new CheckList();
  checkValidity(list, { until, untilName: 'expires' }, now);
  const again = list.get('validity');
  // A kept warning (a date without the zone its spec requires) stands while the expiry still holds.
  return kept.outcome === 'warning' && again?.outcome === 'pass' ? kept : again;
}

/** The engine's codes for a check it could not decide for want of a document (core/errors.ts). */
const WANTED_DOCUMENT = new Set<string>(['ERR_FETCH_FAILED', 'ERR_ISSUER_UNRESOLVED', 'ERR_STATUS_UNAVAILABLE', 'ERR_NO_KEY']);

/**
 * The new checks, each left indeterminate only because a document it names could not be reached
 * replaced by its last complete outcome; undefined when no check was. The URL must appear whole in
 * the check's message: a shortened one is not matched, and the new check then stands.
 */
function keepReachedFacts(previous: BadgeRecord, fresh: BadgeRecord, log: NetworkLog, now: Date): Check[] | undefined {
  const unreached = [...new Set(log.unreached.map((u) => u.url))];
  let kept = 0;
  const checks = fresh.checks.map((c) => {
    if (c.outcome !== 'indeterminate' || !c.code || !WANTED_DOCUMENT.has(c.code)) return c;
    if (!unreached.some((url) => c.message.includes(url))) return c;
    const last = previous.checks.find((p) => p.id === c.id);
    if (last?.outcome !== 'pass' && last?.outcome !== 'fail') return c;
    kept++;
    return last;
  });
  if (kept === 0) return undefined;
  const validity = validityNow(previous, fresh, now);
  return validity ? checks.map((c) => (c.id === 'validity' ? validity : c)) : checks;
}

const hostsOf = (log: NetworkLog): string[] => [...new Set(log.unreached.map((u) => hostOf(u.url)).filter((h): h is string => h !== undefined))];

/** `fresh`, or the previous record with its last complete result, the expiry checked now, and what could not be reached. */
export function keepLastComplete(previous: BadgeRecord | undefined, fresh: FullBadge, log: NetworkLog, now: Date): FullBadge {
  const r = fresh.record;
  // A settled verdict, valid or invalid (a revocation the hosted copy showed must not fade into "not fully verified" either).
  if (!previous || (previous.verdict !== 'valid' && previous.verdict !== 'invalid') || r.verdict !== 'indeterminate') return fresh;
  if (log.unreached.length === 0) return fresh;
  if (previous.contentHash !== r.contentHash || previous.identitiesHash !== r.identitiesHash) return fresh;
  if (log.answered > 0) {
    const merged = keepReachedFacts(previous, r, log, now);
    const verdict = merged && verdictOf(merged);
    // Settled again by the facts kept; otherwise (still indeterminate) the new result stands.
    if (!merged || verdict === 'indeterminate') return fresh;
    // Verified now as far as the documents reached; when, for the facts kept, is the last complete verification's.
    return { record: { ...r, checks: merged, verdict: verdict!, ...(previous.verifiedAt ? { verifiedAt: previous.verifiedAt } : {}), unreachable: { at: now.toISOString(), hosts: hostsOf(log) } }, original: fresh.original };
  }
  const validity = validityNow(previous, r, now);
  if (!validity) return fresh;
  const checks = previous.checks.some((c) => c.id === 'validity') ? previous.checks.map((c) => (c.id === 'validity' ? validity : c)) : [...previous.checks, validity];
  const hosts = hostsOf(log);
  // This verification was refused nothing (a refusal counts as answered): no host to name.
  const { needsAccess: _refusedBefore, ...kept } = previous;
  const record: BadgeRecord = {
    ...kept,
    // What the original store holds now (the same content: the content hash is the same).
    original: r.original,
    checks,
    verdict: verdictOf(checks),
    unreachable: { at: now.toISOString(), hosts },
    ...(r.runId ? { runId: r.runId } : {}),
    ...(r.bakedUrl ? { bakedUrl: r.bakedUrl } : {}),
  };
  return { record, original: fresh.original };
}
