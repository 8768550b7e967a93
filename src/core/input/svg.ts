/**
 * Baked SVG reader (OB 2.0 §Baking SVG; OB 3.0 docformat §Baked Badge SVG). The badge element is
 * matched by namespace URI + local name, resolved through in-scope xmlns declarations, never by
 * searching the text:
 *   OB 2.0 / 1.x  {http://openbadges.org}assertion (or a namespace bakers write for it, SVG_NS_ALIASES)
 *   OB 3.0        {https://purl.imsglobal.org/ob/v3p0}credential (SVG_NS_ALIASES too)
 *   CLR 2.0       {https://purl.imsglobal.org/clr/v2p0}credential (1EdTech's validator: DCPV SvgParser QNames.CLR20)
 * Elements inside <script>, <style> or <foreignObject> are never read as the badge: that content belongs
 * to another language (a script that spells out a fake element, or embedded HTML). They are still
 * elements of the badge's namespace, which a verifier walking every element reads, so one naming
 * another badge than the badge makes the image no one badge (oneBadge).
 * Extraction (MZBAKE svg.extract; OB 2.0 §Baking): one badge element (a second that names another
 * badge makes the image no one badge, indeterminate: oneBadge), the first readable badge element's `verify` attribute when it
 * is a compact JWS, else its text/CDATA body when it is a JSON object, else `verify` (the hosted URL),
 * else a JWS or URL body.
 */
import { ErrorCodes, ParseError, UnsupportedCredentialError } from '../errors.ts';
import { isHttpUrl } from './classify.ts';
import { parseJsonObject } from './json.ts';
import { isCompactJws } from './jws.ts';
import { badgeName, namesOtherBadge, type BadgeName } from './same-badge.ts';
import { malformed } from './xml-doctype.ts';
import { XmlReader } from './xml-reader.ts';

export const OB2_SVG_NS = 'http://openbadges.org';
export const OB3_SVG_NS = 'https://purl.imsglobal.org/ob/v3p0';
export const CLR2_SVG_NS = 'https://purl.imsglobal.org/clr/v2p0';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const OPAQUE = new Set(['script', 'style', 'foreignObject']);

export interface BakedSvgText {
  /** Namespace URI of the badge element (OB2_SVG_NS, OB3_SVG_NS or CLR2_SVG_NS). */
  namespace: string;
  /** `assertion` or `credential`. */
  element: string;
  /** Where the text came from: the element's body, or its `verify` attribute. */
  source: 'body' | 'verify';
  text: string;
}

interface Frame {
  declared: string[];
  opaque: boolean;
}

interface Found {
  /** Inside <script>, <style> or <foreignObject>: never the badge, but another badge all the same (oneBadge). */
  hidden: boolean;
  namespace: string;
  element: string;
  verify: string | undefined;
  depth: number;
  body: string[];
  closed: boolean;
}

const split = (qname: string): [prefix: string, local: string] => {
  const c = qname.indexOf(':');
  return c < 0 ? ['', qname] : [qname.slice(0, c), qname.slice(c + 1)];
};

/**
 * Namespace URIs real bakers write in place of the specified ones, read as those (the text is a URL,
 * a JWS or a credential whose own verification decides, so reading it vouches for nothing):
 *  - the OB JSON-LD context URLs for http://openbadges.org (AWS User Group Madurai's badges-crud
 *    buildSvg); mozilla/openbadges-bakery's extract, matching the prefix, reads them;
 *  - the OB 3.0 spec path https://purl.imsglobal.org/spec/ob/v3p0 for https://purl.imsglobal.org/ob/v3p0
 *    (rollercoaster-dev openbadges-modular-server svg-baking.service.ts bakeSVG, OB 2.0 and 3.0 alike).
 */
const SVG_NS_ALIASES = new Map([
  ['https://w3id.org/openbadges/v2', OB2_SVG_NS],
  ['https://w3id.org/openbadges/v1', OB2_SVG_NS],
  ['https://purl.imsglobal.org/spec/ob/v3p0', OB3_SVG_NS],
]);
const badgeNs = (ns: string | undefined): string | undefined => (ns !== undefined ? (SVG_NS_ALIASES.get(ns) ?? ns) : ns);

const isBadge = (ns: string | undefined, local: string): boolean =>
  (ns === OB2_SVG_NS && local === 'assertion') || ((ns === OB3_SVG_NS || ns === CLR2_SVG_NS) && local === 'credential');

/** Reads a whole SVG document and returns the baked credential text. PARSE_SVG / PARSE_NOT_BAKED. */
export function readBakedSvg(text: string): BakedSvgText {
  const reader = new XmlReader(text);
  // XML Namespaces §6: each prefix maps to a stack of bindings; '' is the default namespace.
  const bindings = new Map<string, string[]>([['xml', [XML_NS]]]);
  const resolve = (prefix: string): string | undefined => {
    const stack = bindings.get(prefix);
    const uri = stack?.[stack.length - 1];
    return uri === '' ? undefined : uri;
  };
  const frames: Frame[] = [];
  let opaqueDepth = 0;
  // Every badge element, in document order (MAX_ELEMENTS at most): the first is the badge, the others must say the same.
  const found: Found[] = [];
  const open = (): Found[] => found.filter((f) => !f.closed && f.depth === frames.length);

  for (let ev = reader.next(); ev; ev = reader.next()) {
    if (ev.kind === 'start') {
      const [prefix, local] = split(ev.name);
      if (frames.length === 0 && local !== 'svg') throw malformed(`the root element is <${ev.name}>, not <svg>`);
      const declared: string[] = [];
      for (const [name, value] of ev.attrs) {
        const p = name === 'xmlns' ? '' : name.startsWith('xmlns:') ? name.slice(6) : undefined;
        if (p === undefined) continue;
        const stack = bindings.get(p) ?? [];
        stack.push(value);
        bindings.set(p, stack);
        declared.push(p);
      }
      const ns = badgeNs(resolve(prefix) ?? (prefix === '' ? '' : undefined));
      const opaque = OPAQUE.has(local);
      if (found.length <= MAX_ELEMENTS && isBadge(ns, local)) {
        found.push({ hidden: opaqueDepth > 0, namespace: ns!, element: local, verify: verifyAttr(ev.attrs, ns!, resolve, local), depth: frames.length + 1, body: [], closed: false });
      }
      frames.push({ declared, opaque });
      if (opaque) opaqueDepth++;
    } else if (ev.kind === 'end') {
      for (const f of open()) f.closed = true;
      const frame = frames.pop();
      if (frame?.opaque) opaqueDepth--;
      for (const p of frame?.declared ?? []) bindings.get(p)?.pop();
    } else if (found.length > 0) {
      for (const f of open()) f.body.push(ev.text);
    }
  }
  const first = found.find((f) => !f.hidden);
  if (!first) {
    throw new ParseError(ErrorCodes.PARSE_NOT_BAKED, 'The SVG has no openbadges:assertion or openbadges:credential element');
  }
  if (found.length > MAX_ELEMENTS) throw twoBadges(first, `more than ${MAX_ELEMENTS} badge elements`);
  return oneBadge(found) ?? extract(first);
}

/** The most badge elements read; one more makes the image no one badge. */
const MAX_ELEMENTS = 16;

/**
 * The first badge element that reads as a badge (one that cannot be read, or is empty, is passed
 * over, never a refusal by itself: the readable badge is judged); UnsupportedCredentialError when
 * another readable element names another badge (same-badge.ts: not the same object; a URL not its id),
 * which would ride along unchecked. The same badge in two forms (its URL beside its JSON) is one.
 * Undefined when none reads.
 */
function oneBadge(found: Found[]): BakedSvgText | undefined {
  let badge: { text: BakedSvgText; name: BadgeName } | undefined;
  // The shown elements first: the badge is the first readable one of them; a hidden one is only compared with it.
  for (const f of [...found.filter((x) => !x.hidden), ...found.filter((x) => x.hidden)]) {
    let text: BakedSvgText;
    try {
      text = extract(f);
    } catch (e) {
      // An element that is itself two badges (its body and its verify) is not passed over for a clean one.
      if (e instanceof UnsupportedCredentialError) throw e;
      continue;
    }
    const name = badgeName(text.text);
    if (!name) continue;
    if (badge) {
      if (namesOtherBadge(badge.name, name)) throw twoBadges(f, 'two badge elements that name different badges');
    } else if (f.hidden) break;
    else badge = { text, name };
  }
  return badge?.text;
}

function twoBadges(f: Pick<Found, 'element'>, what: string, where = `two ${f.element} elements`): UnsupportedCredentialError {
  return new UnsupportedCredentialError(
    `an SVG holding two different badges (${where})`,
    `This image carries two different badges (${what}), but a baked SVG carries one (OB 2.0 §Baking SVG: exactly one assertion element; OB 3.0 §Baked Badge): Lanyard cannot say which one it stands for. Get the badge again from its issuer or backpack, or add its link`,
  );
}

/**
 * `verify`, unprefixed (as the bakers write it) or prefixed in the badge element's own namespace.
 * Both on one element are two attributes (XML Namespaces §6.3): naming different badges, the element
 * is no one badge (a reader taking the other would read another badge from the image), as two
 * elements are (oneBadge); an unreadable one is passed over.
 */
function verifyAttr(attrs: [string, string][], ns: string, resolve: (p: string) => string | undefined, element: string): string | undefined {
  const values = attrs.filter(([name]) => {
    const [prefix, local] = split(name);
    return local === 'verify' && (prefix === '' || (prefix !== 'xmlns' && badgeNs(resolve(prefix)) === ns));
  });
  const named = values.map(([, v]) => badgeName(v.trim())).filter((n): n is BadgeName => !!n);
  if (named.some((n) => namesOtherBadge(named[0]!, n))) throw twoBadges({ element }, 'two verify attributes on one element that name different badges', `two verify attributes on one ${element} element`);
  return values[0]?.[1];
}

function extract(found: Found): BakedSvgText {
  const base = { namespace: found.namespace, element: found.element };
  const body = found.body.join('').trim();
  const verify = found.verify?.trim();
  // A body and a verify naming different badges are two badges in one element: this reader (and MZBAKE's)
  // takes the body, 1EdTech's validator `verify` first (DCPV SvgParser), so the other would ride along unchecked.
  const inBody = body === '' ? undefined : badgeName(body);
  const inVerify = verify ? badgeName(verify) : undefined;
  if (inBody && inVerify && namesOtherBadge(inBody, inVerify)) throw twoBadges(found, 'its body and its verify attribute name different badges', `the body and the verify attribute of one ${found.element} element`);
  // A compact JWS in `verify` is the signed badge (OB 2.0 §Baking SVG): mozilla/openbadges-bakery
  // svg.js bake() also writes the assertion it was given as the body, an unsigned copy that proves nothing.
  // 1EdTech's validator reads `verify` first too (DCPV inspector-vc SvgParser).
  if (verify && isCompactJws(verify)) return { ...base, source: 'verify', text: verify };
  if (body !== '' && isJsonObject(body)) return { ...base, source: 'body', text: body };
  if (verify) return { ...base, source: 'verify', text: verify };
  // MZBAKE svg.extract reads the body first: a compact JWS or a URL written there is the badge text too.
  if (isCompactJws(body) || isHttpUrl(body)) return { ...base, source: 'body', text: body };
  throw new ParseError(
    ErrorCodes.PARSE_NOT_BAKED,
    `The openbadges:${found.element} element holds neither a JSON body nor a verify attribute`,
  );
}

function isJsonObject(text: string): boolean {
  if (!text.startsWith('{')) return false;
  try {
    parseJsonObject(text);
    return true;
  } catch {
    return false;
  }
}
