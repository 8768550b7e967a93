/**
 * How a value the popup shows and a signed statement name the same member (signed-tree.ts matches
 * them node by node): what a JSON object shows of a member (`eachShown`), and which member and link a
 * signed property states (`statedBy`), each keyed alike (a number by its value, text as written).
 */
import { isObj, type Json } from '../formats/json-util.ts';
import { langTexts } from '../formats/lang-text.ts';
import { creditsOf } from '../formats/ob3-to-badge.ts';
import { lastSegment } from './statements.ts';

/**
 * The members shown as a number (ob3-to-badge.ts creditsOf): signed when a literal of that member has
 * the same value, as xsd:float spells it ("4.2E1" for 42.0: JSON-LD 1.1 §8.6 canonical doubles).
 */
export const NUMERIC = new Set(['creditsEarned', 'creditsAvailable']);

/**
 * What a property states: the member its IRI's last segment names (STATED_AS), and the link it makes, that last
 * segment in any letter case and without a numbered suffix, as the bundled contexts spell these links (JFF
 * Plugfest 1 `#Achievement`, `#Result`; OB 3.0.1 `#achievement-0`; `#RubricCriterionLevel`).
 */
type Stated = { member: string; link: string };
export function statedBy(predicate: string): Stated {
  let stated = statedByPredicate.get(predicate);
  if (stated === undefined) {
    const segment = lastSegment(predicate);
    stated = { member: Object.hasOwn(STATED_AS, segment) ? STATED_AS[segment]! : segment, link: segment.replace(/-\d+$/, '').toLowerCase() };
    if (predicate.length <= 256) {
      if (statedByPredicate.size >= 1024) statedByPredicate.clear();
      statedByPredicate.set(predicate, stated);
    }
  }
  return stated;
}
/** Each predicate's member and link, worked out once (the same few vocabulary IRIs in every credential; issue 14). */
const statedByPredicate = new Map<string, Stated>();

/**
 * Members stated by a property of another name: OB 3.0's contexts state `tag` as schema.org's
 * `keywords`, and OB 3.0.1's `image` as `…#Image`; JFF Plugfest 1's context and the OB 3.0 beta
 * context (imsglobal.github.io …/ob_v3p0.html) state §Address `addressLocality` as
 * `https://schema.org/addresLocality` (sic), so their issuers sign the town under that spelling
 * (test/core/verify/signed-display-locality.test.ts).
 */
const STATED_AS: Record<string, string> = { keywords: 'tag', Image: 'image', addresLocality: 'addressLocality' };

/** A shown value as the index keys it: a number by its value, text as written. */
export const numberKey = (x: string): string => String(Number(x));

/**
 * What `j` shows of `members`, each handed to `see`: a member that is one string, or each language of it the popup may
 * choose (VC DM 2.0 §11.1, formats/lang-text.ts). A member absent from `j` shows nothing and is not read further.
 */
export function eachShown(j: Json, members: readonly string[], see: (member: string, value: string) => void): void {
  for (const member of members) {
    const v = j[member];
    if (v === undefined) continue;
    if (member === 'image') {
      // As ob3-to-badge.ts reads an image: a string, or an object's id (OB 3.0 §Image).
      const image = typeof v === 'string' ? v : isObj(v) && typeof v.id === 'string' ? v.id : undefined;
      if (image !== undefined) see(member, image);
    } else if (member === 'hashed') {
      // OB 3.0 §IdentityObject `hashed` (xsd:boolean), as verify/recipient.ts isHashedIdentity reads it: JSON's boolean or a string.
      if (typeof v === 'boolean' || typeof v === 'string') see(member, String(v));
    } else if (member === 'tag') {
      // Every tag (ob3-to-badge.ts: each string of the list), not the first few languages of a text.
      for (const t of Array.isArray(v) ? v : [v]) if (typeof t === 'string') see(member, t);
    } else if (NUMERIC.has(member)) {
      const n = creditsOf(v);
      if (n !== undefined) see(member, String(n));
    } else if (typeof v === 'string') see(member, v);
    else for (const { value } of langTexts(v)) see(member, value);
  }
}

/** What `j` shows of `members`, as a list (eachShown). */
export function shownOf(j: Json, members: readonly string[]): { member: string; value: string }[] {
  const out: { member: string; value: string }[] = [];
  eachShown(j, members, (member, value) => out.push({ member, value }));
  return out;
}

/** The IRI a JSON object names itself by, or undefined for a blank node. */
export function iriOf(j: Json): string | undefined {
  const id = j.id ?? j['@id'];
  return typeof id === 'string' && !id.startsWith('_:') ? id : undefined;
}
