/**
 * OB 2.0 §Profile `revocationList` (OB 1.1 §IssuerOrganization): whether the issuer's revocation list
 * names the assertion. Shared by hosted and signed verification (ob2-hosted.ts, ob2-signed.ts, blockcerts2.ts).
 */
import { ErrorCodes, LanyardError } from '../errors.ts';
import { reasonOf, shorten } from '../display.ts';
import type { CheckList } from '../verify/checks.ts';
import type { VerifyContext } from '../verify/context.ts';
import { idOf, isObj, setOrList, str, types, type Json } from './json-util.ts';
import { idForm } from './id-form.ts';
import { ERROR_MEMBERS, speaksAsError } from './non-badge-answer.ts';

/**
 * OB 2.0 RevocationList: entries are id strings, {id} or legacy {uid}; OB 1.1 lists are a map of uid → reason.
 * The list is named by the issuer's profile (OB 2.0 §Profile `revocationList`, OB 1.1 §IssuerOrganization):
 * with no profile read (its badge class or issuer out of reach), whether it names one is unknown, so
 * nothing is said to be unrevoked on its behalf, for a signed badge as for a hosted one (Credly
 * Acclaim's sandbox assertions, served without their badge class: test/core/real-issuers-4.test.ts).
 */
/** `aliases`: the assertion's other addresses (its id's http or https form, where the issuer served it): an entry naming any of them revokes it. */
export async function checkRevocationList(checks: CheckList, a: Json, issuer: Json | undefined, ctx: VerifyContext, bc?: Json, aliases: readonly (string | undefined)[] = []): Promise<void> {
  if (!issuer) {
    // The document that could not be read is named, so that a later check knows which fetch left
    // revocation unknown (the background's last complete result, last-complete.ts).
    const url = bc ? idOf(bc.issuer) : idOf(a.badge);
    const at = url ? ` (${shorten(url)})` : '';
    return checks.indeterminate('revocation', ErrorCodes.ISSUER_UNRESOLVED, bc
      ? `The issuer profile${at}, which names the revocation list, could not be fetched`
      : `The badge class${at} could not be fetched: it names the issuer, whose profile names the revocation list`);
  }
  const named = issuer.revocationList;
  if (named === undefined || named === null || named === '') {
    // A server's error object carrying a profile's fields ({"name": "Error", "message": …, "url": …}) is
    // read as a profile (non-badge-answer.ts), but its naming no list is no word of the issuer's.
    if (speaksAsError(issuer) && !types(issuer.type ?? issuer['@type']).some((t) => t === 'Issuer' || t === 'Profile')) {
      return checks.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, 'The issuer\'s profile reads as a server\'s error answer (it has no type Issuer or Profile, and an error member), so whether it names a revocation list is unknown');
    }
    return checks.pass('revocation', 'Not revoked: the issuer publishes no revocation list');
  }
  const listUrl = idOf(named) ?? '';
  let list: Json;
  try {
    // A list embedded in the profile is read as it is there, with or without an id of its own (its entries are the profile's word).
    if (isObj(named) && named.revokedAssertions !== undefined) list = named;
    else if (!listUrl) return checks.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, 'The issuer\'s profile names a revocation list with no address and no entries');
    else list = await ctx.fetchJson(listUrl);
  } catch (e) {
    const code = e instanceof LanyardError ? e.code : ErrorCodes.STATUS_UNAVAILABLE;
    return checks.indeterminate('revocation', code, `The issuer's revocation list could not be read: ${reasonOf(e)}`);
  }
  const ids = new Set([str(a.id), uidOf(a.uid), ...aliases].filter((x): x is string => !!x).map(idForm));
  const entries = revokedEntries(list);
  if (!entries) return checks.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, `The ${listUrl ? `document at ${shorten(listUrl)}` : 'revocation list in the issuer\'s profile'} is not a revocation list (no revokedAssertions, nor an OB 1.1 map of ids to reasons)`);
  for (const e of entries) {
    const hit = namesOf(e).some((n) => ids.has(idForm(n)));
    if (hit) {
      const reason = isObj(e) && typeof e.revocationReason === 'string' ? `: ${shorten(e.revocationReason, 200)}` : '';
      return checks.fail('revocation', ErrorCodes.REVOKED, `Revoked by the issuer${reason}`);
    }
  }
  checks.pass('revocation', 'Not revoked: not in the issuer\'s revocation list');
}

/**
 * The entries of a revocation list: OB 2.0 §RevocationList `revokedAssertions`, which JSON-LD writes as
 * the value alone when it is one (JSON-LD 1.1 §4.3.1); a RevocationList naming none revokes nothing;
 * an OB 1.1 list is a map of uid → reason (OB 1.1 §IssuerOrganization `revocationList`: "the keys are
 * the uid of a revoked badge assertion, and the values are the reason", every value a string). Anything
 * else (an error object, a node of another type) is no list: undefined. So is a map that says nothing
 * or speaks as a server does: `{}` (an empty OB 1.1 list, or a gateway's empty answer: which cannot be
 * told) and `{"error": "rate limited"}` read as lists settled "not revoked" a badge whose issuer's list
 * had not answered (test/core/status-key-answers.test.ts).
 */
function revokedEntries(list: Json): unknown[] | undefined {
  const v = setOrList(list.revokedAssertions);
  if (v !== undefined && v !== null) return Array.isArray(v) ? v : typeof v === 'string' || isObj(v) ? [v] : undefined;
  if (types(list.type).includes('RevocationList')) return [];
  if (list['@context'] !== undefined || list.type !== undefined || !Object.values(list).every((r) => typeof r === 'string')) return undefined;
  const uids = Object.keys(list);
  if (uids.length === 0 || uids.some(namesAnError)) return undefined;
  return uids.map((k) => ({ uid: k, revocationReason: list[k] }));
}

/**
 * A map key that is a server's error member, not a uid: one ERROR_MEMBERS names, or a word of an error
 * answer in it (AWS Lambda's errorMessage/errorType, a SOAP faultstring, an exception, a timeout,
 * OAuth's error_description). A key that is a URI (an assertion's id) is a uid whatever words it holds.
 */
const namesAnError = (k: string): boolean =>
  ERROR_MEMBERS.includes(k.toLowerCase()) || (!/^[a-z][a-z0-9+.-]*:/i.test(k) && /error|fault|exception|time[ds]?.?out/i.test(k));


/**
 * The ids an entry names: itself when a string; an object's `id`, `@id` (the keyword the OB 2.0
 * context aliases as `id`, JSON-LD 1.1 §4.1.2) or legacy `uid` (uidOf).
 */
function namesOf(e: unknown): string[] {
  if (typeof e === 'string') return [e];
  if (!isObj(e)) return [];
  return [e.id, e['@id'], uidOf(e.uid)].filter((x): x is string => typeof x === 'string');
}

/**
 * A `uid` as text: OB 1.0 §Assertion says Text, but issuers that numbered their assertions wrote
 * `"uid": 42`, and their lists `{"uid": 42}` or the OB 1.1 map key "42": one uid, however written.
 */
const uidOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' && Number.isSafeInteger(v) ? String(v) : undefined);
