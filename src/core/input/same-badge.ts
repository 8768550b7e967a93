/**
 * Whether two texts baked in one image name two different badges (png.ts, svg.ts: a baked image
 * carries one badge, OB 2.0 §Baking, OB 3.0 §5.3.1 Baked Badge). Genuine images carry the same badge
 * in two forms: an OB 2.0 `openbadges` chunk holding the assertion URL beside an iTXt holding that
 * assertion's JSON (a re-baker leaves the legacy tEXt URL and adds the JSON), pretty-printed beside
 * compact JSON, a compact JWS beside its credential. Those are one badge. Two texts are different
 * badges when both are read and name different badges; a text that cannot be read (not a JSON
 * object, compact JWS, SD-JWT or http(s) URL) names none and is not held against the image. Two
 * objects are one badge only when they say the same: a copy claiming the badge's id but saying
 * something else (another recipient) is another badge, which a reader taking it would read instead.
 * "Say the same" is as JSON-LD reads them (canon): a set's order and one value beside the array of it
 * do not count; a list's order does.
 */
import { isHttpUrl } from './classify.ts';
import { parseJsonObject } from './json.ts';
import { decodeJwsUnverified, isCompactJws, SD_JWT } from './jws.ts';
import { stripBom } from './text.ts';

/** What a text names: the parsed object (JSON or a JWS's payload) and the ids it goes by. */
export interface BadgeName {
  value?: Record<string, unknown>;
  ids: Set<string>;
  /** The text was a compact JWS (or SD-JWT): `value` is its payload. */
  signed?: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/**
 * The ids an object goes by: its `id` (OB 2.0 assertion IRI, OB 3.0 / VC DM credential id), a JWT's
 * `jti` and `vc.id` (VC-JWT, VC DM 1.1 §6.3.1), and OB 2.0 `verify.url` (§VerificationObject: for a
 * hosted assertion, the URL it is hosted at, which a baker may put in the image in its place).
 */
function idsOf(value: Record<string, unknown>): Set<string> {
  const ids = [str(value.id), str(value.jti), str(obj(value.vc)?.id), str(obj(value.verify)?.url)];
  return new Set(ids.filter((x): x is string => x !== undefined));
}

/** What a baked text names, or undefined when it cannot be read as a badge. */
export function badgeName(text: string): BadgeName | undefined {
  const t = stripBom(text.trim()).trim();
  try {
    if (t.startsWith('{')) {
      const value = parseJsonObject(t);
      return { value, ids: idsOf(value) };
    }
    const jwt = isCompactJws(t) ? t : SD_JWT.exec(t)?.[1]; // an SD-JWT's issuer-signed JWT (RFC 9901 §4)
    if (jwt) {
      const { payload } = decodeJwsUnverified(jwt);
      return { value: payload, ids: idsOf(payload), signed: true };
    }
  } catch {
    return undefined;
  }
  return isHttpUrl(t) ? { ids: new Set([t]) } : undefined;
}

/**
 * Terms JSON-LD keeps in order (a `@list` container) or as written (`@type: @json`, a JSON literal):
 * those of the bundled contexts (OB 3.0 `allowedValue`; security v2 `capabilityChain`; VC 2.0
 * `jsonSchema`, `_sd`, `jwk`; JWK `publicKeyJwk`, `secretKeyJwk`), and any term a text's own context
 * defines so (termsOf).
 */
const LIST_TERMS = ['allowedValue', 'capabilityChain'];
const JSON_TERMS = ['jsonSchema', '_sd', 'jwk', 'publicKeyJwk', 'secretKeyJwk'];
interface Terms {
  list: Set<string>;
  json: Set<string>;
}

/** The terms an inline context (at any depth, scoped ones included) defines as a list or a JSON literal. */
function termsOf(values: readonly unknown[]): Terms {
  const terms: Terms = { list: new Set(LIST_TERMS), json: new Set(JSON_TERMS) };
  const context = (c: unknown): void => {
    if (Array.isArray(c)) return c.forEach(context);
    const o = obj(c);
    if (!o) return;
    for (const [term, def] of Object.entries(o)) {
      const d = obj(def);
      if (!d) continue;
      const container = d['@container'];
      if (container === '@list' || (Array.isArray(container) && container.includes('@list'))) terms.list.add(term);
      if (d['@type'] === '@json') terms.json.add(term);
      if (d['@context'] !== undefined) context(d['@context']);
    }
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    const o = obj(v);
    if (!o) return;
    for (const [k, x] of Object.entries(o)) (k === '@context' ? context : walk)(x);
  };
  values.forEach(walk);
  return terms;
}

/**
 * A value's form for comparing, JSON-LD-equivalently (parsed values only, so MAX_JSON_DEPTH deep at
 * most): an object's keys in any order; an array in a set (JSON-LD 1.1 §4.3.1: "the order of the values
 * is not significant") as its distinct members sorted, and one member as that member (§4.3: a single
 * value is the array of it); in order under `@context` (later contexts override), `@list` and a list
 * term; a JSON literal exactly as written but for its keys' order.
 */
function canon(v: unknown, mode: 'set' | 'list' | 'json', terms: Terms): string {
  if (Array.isArray(v)) {
    const parts = v.map((x) => canon(x, mode === 'json' ? 'json' : 'set', terms));
    if (mode === 'json') return `J[${parts.join(',')}]`;
    if (mode === 'list') return parts.length === 1 ? parts[0]! : `L[${parts.join(',')}]`;
    const members = [...new Set(parts)].sort();
    return members.length === 1 ? members[0]! : `S[${members.join(',')}]`;
  }
  const o = obj(v);
  if (!o) return JSON.stringify(v) ?? 'undefined';
  const keys = Object.keys(o).sort();
  const of = (k: string) => (mode === 'json' || terms.json.has(k) ? 'json' : k === '@context' || k === '@list' || terms.list.has(k) ? 'list' : 'set');
  return `O{${keys.map((k) => `${JSON.stringify(k)}:${canon(o[k], of(k), terms)}`).join(',')}}`;
}

/** Two parsed JSON values say the same as JSON-LD reads them (canon); never two different values. */
function deepEqual(a: unknown, b: unknown): boolean {
  const terms = termsOf([a, b]);
  return canon(a, 'set', terms) === canon(b, 'set', terms);
}

/** A date-time claim (NumericDate, RFC 7519 §2) and a date-time string naming the same second. */
const sameInstant = (claim: unknown, text: unknown): boolean => typeof claim === 'number' && typeof text === 'string' && Math.floor(Date.parse(text) / 1000) === claim;

/**
 * Whether `json` is the credential a VC-JWT payload carries, as VC DM 1.1 §6.3.1 decodes it: its `vc`
 * with `id` from `jti`, the issuer's id from `iss`, `issuanceDate` from `nbf`, `expirationDate` from
 * `exp` and the subject's id from `sub`, each only where the `vc` lacks it (a baker may write either form),
 * a date only where the JSON writes it.
 */
function isDecodedVcJwt(payload: Record<string, unknown>, json: Record<string, unknown>): boolean {
  const vc = obj(payload.vc);
  if (!vc) return isSecuredCredential(payload, json);
  if (deepEqual(vc, json)) return true;
  const out: Record<string, unknown> = { ...vc };
  if (out.id === undefined && payload.jti !== undefined) out.id = payload.jti;
  const issuer = obj(out.issuer);
  if (payload.iss !== undefined) {
    if (out.issuer === undefined) out.issuer = payload.iss;
    else if (issuer && issuer.id === undefined) out.issuer = { ...issuer, id: payload.iss };
  }
  // Only for a date the JSON writes: an OB 3.0 credential writes validFrom, and its nbf put back as an issuanceDate it
  // does not write made the genuine pair two badges (as isSecuredCredential leaves out the claims the JSON does not write).
  for (const [claim, field] of [['nbf', 'issuanceDate'], ['exp', 'expirationDate']] as const) {
    if (out[field] === undefined && payload[claim] !== undefined && json[field] !== undefined) out[field] = sameInstant(payload[claim], json[field]) ? json[field] : payload[claim];
  }
  const subject = obj(out.credentialSubject);
  if (subject && subject.id === undefined && payload.sub !== undefined) out.credentialSubject = { ...subject, id: payload.sub };
  return deepEqual(out, json);
}

/** JWT registered claims (RFC 7519 §4.1; RFC 7800 `cnf`) a token may carry beside the credential it secures. */
const JWT_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', 'cnf'];

/**
 * Whether `json` is the credential a VC-JWT payload is itself (VC DM 2.0 with VC-JOSE-COSE §3.1; OB 3.0
 * §8.2: 1EdTech's ob30_simple-jwt.png payload holds `iat`, `iss`, `aud`, `nbf`, `jti` next to the
 * credential's properties): the payload without the JWT claims the JSON does not write. A claim the JSON
 * writes too must say the same.
 */
function isSecuredCredential(payload: Record<string, unknown>, json: Record<string, unknown>): boolean {
  const credential = Object.fromEntries(Object.entries(payload).filter(([k]) => !JWT_CLAIMS.includes(k) || Object.hasOwn(json, k)));
  return deepEqual(credential, json);
}

/** Two objects say the same: equal, or a JWS's payload and its credential (VC-JWT). */
function sameObject(a: BadgeName & { value: Record<string, unknown> }, b: BadgeName & { value: Record<string, unknown> }): boolean {
  return deepEqual(a.value, b.value) || (!!a.signed && !b.signed && isDecodedVcJwt(a.value, b.value)) || (!!b.signed && !a.signed && isDecodedVcJwt(b.value, a.value));
}

/**
 * True when both name something and it is not the same badge. Two objects (JSON, a JWS's payload)
 * are the same badge only when they say the same (sameObject): a shared id is not enough, since a
 * tampered copy claims the genuine badge's id. A URL is the same badge as an object it is an id of.
 */
export function namesOtherBadge(a: BadgeName, b: BadgeName): boolean {
  if (a.value && b.value) return !sameObject(a as BadgeName & { value: Record<string, unknown> }, b as BadgeName & { value: Record<string, unknown> });
  for (const id of a.ids) if (b.ids.has(id)) return false;
  return true;
}
