/**
 * Whether two texts baked in one image name two different badges (png.ts, svg.ts: a baked image
 * carries one badge, OB 2.0 §Baking, OB 3.0 §5.3.1 Baked Badge). Genuine images carry the same badge
 * in two forms: an OB 2.0 `openbadges` chunk holding the assertion URL beside an iTXt holding that
 * assertion's JSON (a re-baker leaves the legacy tEXt URL and adds the JSON), pretty-printed beside
 * compact JSON, a compact JWS beside its credential. Those are one badge. Two texts are different
 * badges only when both are read and name different badges; a text that cannot be read (not a JSON
 * object, compact JWS, SD-JWT or http(s) URL) names none and is not held against the image.
 */
import { isHttpUrl } from './classify.ts';
import { parseJsonObject } from './json.ts';
import { decodeJwsUnverified, isCompactJws, SD_JWT } from './jws.ts';
import { stripBom } from './text.ts';

/** What a text names: the parsed object (JSON or a JWS's payload) and the ids it goes by. */
export interface BadgeName {
  value?: Record<string, unknown>;
  ids: Set<string>;
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
      return { value: payload, ids: idsOf(payload) };
    }
  } catch {
    return undefined;
  }
  return isHttpUrl(t) ? { ids: new Set([t]) } : undefined;
}

/** JSON values equal deeply (key order ignored). Parsed values only, so depth is MAX_JSON_DEPTH at most. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** True when both name something and it is not the same badge: neither the same object nor a shared id. */
export function namesOtherBadge(a: BadgeName, b: BadgeName): boolean {
  if (a.value && b.value && deepEqual(a.value, b.value)) return false;
  for (const id of a.ids) if (b.ids.has(id)) return false;
  return true;
}
