/**
 * A fetched answer that is recognisably no badge document at all: an API gateway's or CDN's
 * `{"error": "rate limited"}`, `{"message": …}`, `{}`, `[]`, `null` or `"maintenance"`, served with
 * HTTP 200. Such an answer is the server's, not the issuer's word on the badge: the check that needed
 * the document is left `indeterminate`, never `invalid` (a verdict is a promise; OB 2.0
 * §Verification, hosted: only the assertion at its id, a 410 Gone or `revoked: true` decide).
 *
 * "Recognisably": not a JSON object, or an object with none of the keys any Open Badges or VC
 * document of the kind asked for carries (OB 0.5 to 2.0 §Assertion, §BadgeClass, §Profile, and the
 * Blockcerts issuer profile; `@id`/`@type` are JSON-LD's forms of `id`/`type`). A document that has
 * any of them is a badge document, and is judged as one: another id, another badge or malformed
 * fields keep failing where they fail.
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
  if (isObj(json) && KEYS[kind].some((k) => Object.hasOwn(json, k))) return undefined;
  const what = isObj(json) ? `an object with none of the fields of ${NAMES[kind]}` : Array.isArray(json) ? 'a list' : json === null ? 'null' : `a JSON ${typeof json}`;
  return `the server answered something that is not a badge document: ${what} (${sample(json)}), where ${NAMES[kind]} was asked for`;
}
