/** Type guards for hostile JSON: nothing from a credential is assumed to have the shape it claims. */
export type Json = Record<string, unknown>;

export const isObj = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
export const arr = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
/** The id of a node given as an IRI string or as an object with `id`. */
export const idOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : isObj(v) ? str(v.id) : undefined);
export const isHttpUrl = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/[^\s]+$/i.test(v);
/** A value written as JSON-LD's `{"@set": […]}` or `{"@list": […]}` (JSON-LD 1.1 §4.3.1, §4.3.2) is its values. */
export const setOrList = (v: unknown): unknown => (isObj(v) && Object.keys(v).length === 1 && (Array.isArray(v['@set']) || Array.isArray(v['@list'])) ? v['@set'] ?? v['@list'] : v);
/**
 * A member's values as a Data Integrity proof signs them: JSON-LD 1.1 §4.3 (and its expansion
 * algorithm) reads a value and an array of that one value alike, and RDF 1.1 Concepts §3 makes a
 * graph a set, so a value written twice is one statement. A member rewritten so keeps the issuer's
 * proof (hostile32: `identityHash: ["alice@…"]` named no recipient, and Alice's badge read valid for Mallory).
 * A null in the array states nothing (JSON-LD 1.1 API §5.2.2 step 5.2.2: expansion appends an item
 * "if expanded item is not null"): `["revocation", null]` is one value, still signed (review32b).
 */
export const valuesOf = (v: unknown): unknown[] => [...new Set(arr(v).filter((x) => x !== null))];
/** The member's one value (valuesOf), or undefined when it states none or several. */
export function oneValue(v: unknown): unknown {
  const values = valuesOf(v);
  return values.length === 1 ? values[0] : undefined;
}
/** `type` as a list of strings (a string or an array). */
export const types = (v: unknown): string[] => arr(v).filter((t): t is string => typeof t === 'string');
/**
 * A Boolean as issuers write it: JSON's true or false, or their string or number ("true", "False",
 * 1, "0"); undefined for anything else, which says neither.
 */
export function flagOf(v: unknown): boolean | undefined {
  const f = typeof v === 'string' ? v.trim().toLowerCase() : v;
  if (f === true || f === 'true' || f === 1 || f === '1') return true;
  if (f === false || f === 'false' || f === 0 || f === '0') return false;
  return undefined;
}

/** The subject: OB 3.0 has one; VC allows a list, of which a one-item list is read as that item. */
export function subjectOf(c: Json): Json | undefined {
  const s = c.credentialSubject;
  if (Array.isArray(s)) return s.length === 1 && isObj(s[0]) ? s[0] : undefined;
  return isObj(s) ? s : undefined;
}
