/**
 * A fetched answer that is recognisably no badge document at all: an API gateway's or CDN's
 * `{"error": "rate limited"}`, `{"message": …}`, `{}`, `[]`, `null` or `"maintenance"`, served with
 * HTTP 200. Such an answer is the server's, not the issuer's word on the badge: the check that needed
 * the document is left `indeterminate`, never `invalid` (a verdict is a promise; OB 2.0
 * §Verification, hosted: only the assertion at its id, a 410 Gone or `revoked: true` decide).
 *
 * "Recognisably", either of:
 * - not a JSON object, or an object with none of the keys any Open Badges or VC document of the kind
 *   asked for carries (OB 0.5 to 2.0 §Assertion, §BadgeClass, §Profile, and the Blockcerts issuer
 *   profile; `@id`/`@type` are JSON-LD's forms of `id`/`type`);
 * - an object that speaks as a server's error does (`error`, `errors`, `message`, `msg`, `detail`;
 *   RFC 9457 §3.1 problem details' `title` with `status`; a `status` or `code` that is an HTTP status
 *   or JSend's "error"/"fail") and lacks what makes a document of the kind one: an error object may
 *   carry a common key (`{"name":"Error","message":…}`, RFC 9457's own `type`, `{"id":"req-1","error":…}`).
 * A document that has the kind's own members is a badge document even with an error member (a badge
 * class may have a `message`), and is judged as one: another id, another badge or malformed fields
 * keep failing where they fail.
 */
import { isObj } from './json-util.ts';

export type BadgeDocumentKind = 'Assertion' | 'BadgeClass' | 'Profile';

const COMMON = ['type', '@type', '@context', 'id', '@id'];
const KEYS: Record<BadgeDocumentKind, readonly string[]> = {
  // `revoked`: a revoked assertion needs only it and its id (OB 2.0 §Assertion), and some servers drop the id.
  Assertion: [...COMMON, 'uid', 'recipient', 'badge', 'verify', 'verification', 'issuedOn', 'revoked'],
  BadgeClass: [...COMMON, 'name', 'criteria', 'issuer', 'image', 'description'],
  Profile: [...COMMON, 'name', 'url', 'email', 'publicKey'],
};

/**
 * What makes an answer a document of the kind, an error member beside: an assertion's recipient, badge
 * or verification (OB 1.0 `verify`), or `revoked` (OB 2.0 §Assertion: a revoked one needs only it and
 * its id); a badge class's name with its criteria or issuer; a profile's name with its url, email or id.
 */
const OWN: Record<BadgeDocumentKind, (json: Record<string, unknown>) => boolean> = {
  Assertion: (j) => ['recipient', 'badge', 'verification', 'verify', 'revoked'].some((k) => Object.hasOwn(j, k)),
  BadgeClass: (j) => Object.hasOwn(j, 'name') && (Object.hasOwn(j, 'criteria') || Object.hasOwn(j, 'issuer')),
  Profile: (j) => Object.hasOwn(j, 'name') && ['url', 'email', 'id', '@id'].some((k) => Object.hasOwn(j, k)),
};

/** An HTTP status (RFC 9110 §15: 100 to 599), as a number or a numeric string, or JSend's "error"/"fail". */
function isErrorStatus(v: unknown): boolean {
  if (typeof v === 'string' && ['error', 'fail'].includes(v.trim().toLowerCase())) return true;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d{3}\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599;
}

/**
 * The members of a server's or framework's error answer: a gateway's `error`/`message`, RFC 9457 §3.1
 * problem details (`title`, `status`, `detail`, `instance`), a `code`. An OB 1.1 revocation map keyed
 * by one is that answer (ob2-revocation-list.ts revokedEntries).
 */
export const ERROR_MEMBERS: readonly string[] = ['error', 'errors', 'message', 'msg', 'title', 'status', 'detail', 'instance', 'code'];
/** Those that alone say "error" in a document: a title, status, instance or code may be its own field. */
const ERROR_ALONE = ['error', 'errors', 'message', 'msg', 'detail'];

/** Whether `json` carries a member of a server's or framework's error answer (RFC 9457 §3.1 among them). */
export function speaksAsError(json: Record<string, unknown>): boolean {
  if (ERROR_ALONE.some((k) => Object.hasOwn(json, k))) return true;
  if (Object.hasOwn(json, 'title') && Object.hasOwn(json, 'status')) return true;
  return isErrorStatus(json.status) || isErrorStatus(json.code);
}

const NAMES: Record<BadgeDocumentKind, string> = { Assertion: 'an assertion', BadgeClass: 'a badge class', Profile: 'an issuer profile' };

/** A short, bounded rendering of what was answered (hostile input: never echoed whole). */
function sample(json: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(json) ?? String(json);
  } catch {
    s = String(json);
  }
  return s.length > 80 ? `${s.slice(0, 79)}\u2026` : s;
}

/** Why `json`, fetched as a `kind`, is no badge document ("the server answered something that is not a badge document: …"), or undefined when it may be one. */
export function notBadgeDocument(json: unknown, kind: BadgeDocumentKind): string | undefined {
  const anyKey = isObj(json) && KEYS[kind].some((k) => Object.hasOwn(json, k));
  if (isObj(json) && anyKey && (OWN[kind](json) || !speaksAsError(json))) return undefined;
  const what = isObj(json)
    ? anyKey ? `an error answer without what makes ${NAMES[kind]} one` : `an object with none of the fields of ${NAMES[kind]}`
    : Array.isArray(json) ? 'a list' : json === null ? 'null' : `a JSON ${typeof json}`;
  return `the server answered something that is not a badge document: ${what} (${sample(json)}), where ${NAMES[kind]} was asked for`;
}
