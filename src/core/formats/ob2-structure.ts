/**
 * OB 2.0 structure as 1EdTech's validator checks it (openbadges-validator-core
 * `tasks/validation.py` ClassValidators; SPEC ob_v2p0 §Data model, §Data types):
 *  - the Open Badges `@context` (the validator compacts every node with it: a type defined by any
 *    other context does not come out as `Assertion`);
 *  - `type`: must contain Assertion, BadgeClass, Issuer or Profile, read through the OB 2.0 context
 *    (`Assertion`, `obi:Assertion` and `https://w3id.org/openbadges#Assertion` are the same type);
 *  - IRIs where the spec says IRI (id, image, criteria) and a URL for the issuer's `url`;
 *  - DateTime: ISO 8601 with a time and a time zone (the validator's `_validate_datetime`);
 *    OB 1.x Unix timestamps and date-only values are upgraded for 1.x documents only.
 * Only nodes that are OB 2.0 by their own (or inherited) @context are held to these rules: a node with
 * no @context or the 1.x context is upgraded first, as the validator does (`object_upgrades.py`).
 */
import { shorten } from '../display.ts';
import { detectObVersion } from '../input/detect.ts';
import { arr, isObj, str, type Json } from './json-util.ts';

const OBI = 'https://w3id.org/openbadges#';

/** https://w3id.org/openbadges/v2 and the documents it redirects to (openbadgespec.org), http or https. */
const OB2_CONTEXT = /^https?:\/\/(?:w3id\.org\/openbadges\/v2(?:\/|\/context\.json|\.json)?|openbadgespec\.org\/v2\/context(?:\.json)?)$/;
export const OB2_CONTEXT_URL = 'https://w3id.org/openbadges/v2';

/** The OB 2.0 context's prefixes and the class terms used here (test/fixtures/conformance/contexts/ob-v2.json). */
const OB_TERMS: ReadonlyArray<[string, string]> = [
  ['obi', OBI], ['cred', 'https://w3id.org/credentials#'], ['schema', 'http://schema.org/'], ['sec', 'https://w3id.org/security#'],
  ['dc', 'http://purl.org/dc/terms/'], ['xsd', 'http://www.w3.org/2001/XMLSchema#'], ['extensions', 'https://w3id.org/openbadges/extensions#'],
  ['Assertion', 'obi:Assertion'], ['BadgeClass', 'obi:BadgeClass'], ['Issuer', 'obi:Issuer'], ['Profile', 'obi:Profile'],
  ['CryptographicKey', 'sec:Key'], ['RevocationList', 'obi:RevocationList'], ['Endorsement', 'cred:Credential'],
];

export type Ob2Class = 'Assertion' | 'BadgeClass' | 'Profile';
const CLASS_IRIS: Record<Ob2Class, string[]> = {
  Assertion: [`${OBI}Assertion`],
  BadgeClass: [`${OBI}BadgeClass`],
  Profile: [`${OBI}Profile`, `${OBI}Issuer`],
};
const CLASS_NAMES: Record<Ob2Class, string> = { Assertion: 'Assertion', BadgeClass: 'BadgeClass', Profile: 'Issuer or Profile' };

const contextUrls = (context: unknown): string[] => arr(context).filter((c): c is string => typeof c === 'string');
export const hasOb2Context = (context: unknown): boolean => contextUrls(context).some((c) => OB2_CONTEXT.test(c));

/** OB 2.0 rules apply when the @context reads as 2.0 the way format detection reads it (VCORE `_detect_openbadges_version`). */
export function isOb2Context(context: unknown): boolean {
  return context !== undefined && context !== null && detectObVersion({ '@context': context }) === '2.0';
}

/** The terms a @context defines, in order: an OB 2.0 URL adds OB's terms, an inline object its own, null clears. */
function termsOf(context: unknown): Map<string, string> {
  const terms = new Map<string, string>();
  for (const c of arr(context)) {
    if (c === null) terms.clear();
    else if (typeof c === 'string' && OB2_CONTEXT.test(c)) for (const [k, v] of OB_TERMS) terms.set(k, v);
    else if (isObj(c)) {
      for (const [k, v] of Object.entries(c)) {
        const iri = typeof v === 'string' ? v : isObj(v) ? str(v['@id']) : undefined;
        if (v === null) terms.delete(k);
        else if (iri !== undefined && !k.startsWith('@')) terms.set(k, iri);
      }
    }
  }
  return terms;
}

/** A type value as an absolute IRI under `terms` (JSON-LD 1.1 §IRI expansion, as far as types need it). */
function expandType(t: string, terms: Map<string, string>, depth = 0): string | undefined {
  if (depth > 4) return undefined;
  const term = terms.get(t);
  if (term !== undefined) return term === t ? t : expandType(term, terms, depth + 1);
  const colon = t.indexOf(':');
  if (colon <= 0) return undefined; // a bare term the context does not define
  const prefix = t.slice(0, colon);
  const rest = t.slice(colon + 1);
  const base = rest.startsWith('//') ? undefined : terms.get(prefix);
  if (base === undefined) return t;
  const expandedBase = expandType(base, terms, depth + 1);
  return expandedBase === undefined ? undefined : expandedBase + rest;
}

/** RFC 3987 in the validator's spirit: a scheme, no spaces or delimiters; http(s) needs a host. Blank node ids `_:` too. */
export function isIri(v: unknown): v is string {
  if (typeof v !== 'string' || !/^(?:[A-Za-z][A-Za-z0-9+.-]*:|_:)[^\s<>"{}|\\^`]+$/.test(v)) return false;
  if (/^https?:/i.test(v)) return isUrl(v);
  // VCORE URN_REGEX: a urn:uuid names a UUID (any version here); a data: URI is content, not a name.
  if (/^urn:uuid:/i.test(v)) return /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
  return !/^data:/i.test(v) && !/^urn:uuid$/i.test(v);
}

export function isUrl(v: unknown): v is string {
  if (typeof v !== 'string' || !/^https?:\/\/[^\s<>"{}|\\^`]+$/i.test(v)) return false;
  try {
    return new URL(v).hostname !== '';
  } catch {
    return false;
  }
}

const isDataUri = (v: unknown): boolean => typeof v === 'string' && /^data:[^,]*,/i.test(v);

/**
 * OB 2.0 DateTime: ISO 8601 date and time with a zone designator, `Z` or ±hh, ±hhmm, ±hh:mm
 * (VCORE `_validate_datetime`: aniso8601 must parse it, and it must end with one of those).
 */
const OB2_DATE_TIME = /^(\d{4})-?(\d{2})-?(\d{2})T(\d{2})(?::?(\d{2})(?::?(\d{2})([.,]\d+)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;

export function isOb2DateTime(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const m = OB2_DATE_TIME.exec(v);
  if (!m) return false;
  const [, , mo, d, h, mi = '0', s = '0'] = m;
  return +mo! >= 1 && +mo! <= 12 && +d! >= 1 && +d! <= 31 && +h! <= 24 && +mi <= 59 && +s <= 60;
}

/**
 * An OB 2.0 DateTime in the extended form the validity check reads (YYYY-MM-DDThh:mm:ss[.f]±hh:mm):
 * every form isOb2DateTime accepts (ISO 8601 basic "20250101T000000Z", minutes or seconds left out,
 * a comma before the fraction, a zone "+05" or "+0530"), so that a date the structure check
 * accepts is not then called "not a date" by the validity check. Anything else is returned as it is.
 */
export function ob2Instant(v: unknown): unknown {
  if (!isOb2DateTime(v)) return v;
  const [, y, mo, d, h, mi = '00', s = '00', frac = '', zone = 'Z'] = OB2_DATE_TIME.exec(v as string)!;
  const z = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${frac.replace(',', '.')}${z}`;
}

/** A node to check: what it is expected to be, and the @context it is read with (its own, else its parent's). */
export interface Ob2Node {
  cls: Ob2Class;
  node: Json;
  /** The @context in force: the node's own, or the embedding document's. */
  context: unknown;
}

const label = (cls: Ob2Class): string => (cls === 'Profile' ? 'Issuer' : cls);
const found = (v: unknown): string => (v === undefined ? 'none' : shorten(v, 60));

/** The image of an Assertion (an IRI), of a BadgeClass or Issuer (a URL or data URI), or an Image object with such an id. */
function imageProblem(cls: Ob2Class, image: unknown): string | undefined {
  // An empty value is read as absent (display-only fields; issuers' exports leave them empty).
  if (image === undefined || image === null || image === '') return undefined;
  const id = isObj(image) ? image.id : image;
  const ok = cls === 'Assertion' ? isIri(id) || isDataUri(id) : isUrl(id) || isDataUri(id);
  return ok ? undefined : `${label(cls)} image (a URL or data: URI, found ${found(id)})`;
}

/** The OB 2.0 rules for one node; each problem names its class and property. Nodes read with a 1.x or no context are not held to them. */
export function ob2NodeProblems({ cls, node, context }: Ob2Node): string[] {
  if (!isOb2Context(context)) return [];
  const out: string[] = [];
  const name = label(cls);
  const terms = termsOf(context);
  const inlineDefines = arr(context).some(isObj) && CLASS_IRIS[cls].some((iri) => [...terms.values()].some((v) => expandType(v, terms) === iri));
  if (!hasOb2Context(context) && !inlineDefines) {
    out.push(`${name} @context (must be or include the Open Badges 2.0 context ${OB2_CONTEXT_URL}, found ${found(context)})`);
  }
  const typeValues = arr(node.type);
  const expanded = typeValues.map((t) => (typeof t === 'string' ? expandType(t, terms) : undefined));
  if (node.type === undefined) out.push(`${name} type (missing; it must include ${CLASS_NAMES[cls]})`);
  else if (!expanded.some((t) => t !== undefined && CLASS_IRIS[cls].includes(t))) {
    out.push(`${name} type (must include ${CLASS_NAMES[cls]}, found ${found(node.type)})`);
  }
  if (cls === 'Assertion' && !isIri(node.id)) out.push(`Assertion id (an IRI, found ${found(node.id)})`);
  else if (cls !== 'Assertion' && node.id !== undefined && !isIri(node.id)) out.push(`${name} id (an IRI, found ${found(node.id)})`);
  const image = imageProblem(cls, node.image);
  if (image) out.push(image);
  if (cls === 'Assertion') {
    if (!isOb2DateTime(node.issuedOn)) out.push(`Assertion issuedOn (an ISO 8601 date and time with a time zone, e.g. 2016-12-31T23:59:59Z, found ${found(node.issuedOn)})`);
    if (node.expires !== undefined && node.expires !== null && !isOb2DateTime(node.expires)) {
      out.push(`Assertion expires (an ISO 8601 date and time with a time zone, found ${found(node.expires)})`);
    }
  }
  if (cls === 'BadgeClass' && node.criteria !== undefined) {
    const c = node.criteria;
    const id = isObj(c) ? c.id : c;
    if (typeof c !== 'string' && !isObj(c)) out.push(`BadgeClass criteria (an IRI or a Criteria object, found ${found(c)})`);
    else if (id !== undefined && !isIri(id)) out.push(`BadgeClass criteria (an IRI, found ${found(id)})`);
  }
  if (cls === 'Profile' && node.url !== undefined && node.url !== null && node.url !== '' && !isUrl(node.url)) out.push(`Issuer url (an http(s) URL, found ${found(node.url)})`);
  return out;
}

/** What a JSON document that is not an assertion is, when it says so by its type (an issuer profile given as a badge). */
export function notAnAssertion(doc: Json): string | undefined {
  if (doc.recipient !== undefined || doc.badge !== undefined) return undefined;
  const terms = termsOf(doc['@context'] ?? OB2_CONTEXT_URL);
  const t = arr(doc.type).map((x) => (typeof x === 'string' ? expandType(x, terms) : undefined));
  if (t.includes(`${OBI}Issuer`) || t.includes(`${OBI}Profile`)) return 'an issuer profile (who awards badges), not a badge';
  if (t.includes(`${OBI}BadgeClass`)) return 'a badge class (the description of a badge), not a badge awarded to someone';
  if (t.includes('https://w3id.org/security#Key')) return 'a public key, not a badge';
  if (t.includes(`${OBI}RevocationList`)) return 'a revocation list, not a badge';
  return undefined;
}
