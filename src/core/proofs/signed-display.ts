/**
 * Whether what Lanyard shows of a credential (formats/ob3-badge.ts toBadge) was signed as what it is
 * shown as. A context that does not protect its terms (JSON-LD 1.1 §4.1.11 `@protected`; the JFF
 * Plugfest 1 context, OB 3.0's first drafts) lets an embedded context swap `name` and `description`
 * on a node: the statements, and so the proof, stay the same, and the badge would show its
 * description as its name. So each text shown of the credential, its subject, its issuer, its
 * achievement, the achievement's criteria and result descriptions (and their rubric levels), the
 * subject's results, credits and identifier entries (the recipient), the issuer's address and other identifiers, the achievement's and the
 * results' alignments, and the evidence must be a signed statement of that node under a property of the member's name. A signed text Lanyard does not read only goes missing from the display.
 */
import { isObj, type Json } from '../formats/json-util.ts';
import { langTexts } from '../formats/lang-text.ts';
import { creditsOf } from '../formats/ob3-to-badge.ts';
import { ADDRESS_PARTS } from '../formats/ob3-profile.ts';
import { termKey, type NqStatement } from '../jsonld/nquads-read.ts';
import { shorten } from '../display.ts';
import { lastSegment } from './statements.ts';

type Level = { nodes: Set<string>; json: Json[] };

/**
 * A member a bundled context states under another last segment: JFF Plugfest 1's context and the OB 3.0
 * beta context (imsglobal.github.io …/ob_v3p0.html) give §Address `addressLocality` as
 * `https://schema.org/addresLocality` (sic), so their issuers sign the town under that spelling
 * (test/core/verify/signed-display-locality.test.ts).
 */
const SPELLED: Record<string, readonly string[]> = { addressLocality: ['addressLocality', 'addresLocality'] };

/**
 * The values `at`'s nodes are signed with under `member`, as `matches` reads a statement's object: a
 * literal's lexical form, an IRI and its last segment (a blank node matches no shown text). Read once
 * per member: looking through every statement for each value took items × statements (10,000
 * evidence items, 132 s).
 */
function signedValues(statements: NqStatement[], at: Level, member: string): Set<string> {
  const out = new Set<string>();
  const names = SPELLED[member] ?? [member];
  for (const s of statements) {
    if (!names.includes(lastSegment(s.predicate)) || !at.nodes.has(termKey(s.subject))) continue;
    if ('literal' in s.object) out.add(s.object.literal);
    else if ('iri' in s.object) out.add(s.object.iri).add(lastSegment(s.object.iri));
  }
  return out;
}

/**
 * The members shown as a number (ob3-to-badge.ts creditsOf): signed when a literal of that member has
 * the same value, as xsd:float spells it ("4.2E1" for 42.0: JSON-LD 1.1 §8.6 canonical doubles).
 */
const NUMERIC = new Set(['creditsEarned', 'creditsAvailable']);

/** The first shown member of `at` that is not signed as that member, or undefined. */
function unsignedIn(statements: NqStatement[], at: Level, members: readonly string[]): { member: string; value: string } | undefined {
  for (const member of members) {
    let signed: Set<string> | undefined;
    for (const j of at.json) {
      if (NUMERIC.has(member)) {
        const n = creditsOf(j[member]);
        if (n !== undefined && ![...(signed ??= signedValues(statements, at, member))].some((x) => Number(x) === n)) return { member, value: String(n) };
        continue;
      }
      // What toBadge shows: a member that is one string, or each language of it that the popup may
      // choose (VC DM 2.0 §11.1 language value objects, formats/lang-text.ts, as many as it reads).
      for (const { value: v } of langTexts(j[member])) {
        if (!(signed ??= signedValues(statements, at, member)).has(v)) return { member, value: v };
      }
    }
  }
  return undefined;
}

/**
 * The nodes the JSON objects under `member` of `parent` are: an object's id, or (one without) any
 * blank node `parent`'s nodes point to. Found by the JSON, not by property names, which contexts
 * spell differently. Each must be one a parent node points to in a signed statement under a
 * property named like the member (`linksAs`): where a context does not protect its terms (JFF Plugfest
 * 1, OB 3.0.0 and 3.0.1), a holder can give the subject's type again with a scoped context of its own
 * (the statement is the same, so the proof holds) that makes `achievement` the reverse of
 * `credentialSubject` (JSON-LD 1.1 §4.8) or the subject's `source`: the credential's name, or the
 * assessor's, was shown under a valid proof as the achievement's.
 */
function under(statements: NqStatement[], parent: Level, member: string): Level {
  const json = parent.json.flatMap((j) => (Array.isArray(j[member]) ? j[member] : [j[member]])).filter(isObj);
  const nodes = new Set<string>();
  const ids = new Set<string>();
  let blanks = false;
  for (const j of json) {
    const id = j.id ?? j['@id'];
    if (typeof id === 'string') ids.add(id);
    else blanks = true;
  }
  // Every blank node the parent points to so, and each id, in one pass (once per object was items × statements).
  for (const s of statements) {
    if (!parent.nodes.has(termKey(s.subject)) || !linksAs(s.predicate, member)) continue;
    if ('blank' in s.object ? blanks : 'iri' in s.object && ids.has(s.object.iri)) nodes.add(termKey(s.object));
  }
  return { nodes, json };
}

/**
 * Whether a property states `member`: its IRI's last segment, in any letter case and without a
 * numbered suffix, as the bundled contexts spell these links (JFF Plugfest 1 `#Achievement`, `#Result`;
 * OB 3.0.1 `#achievement-0`; `#RubricCriterionLevel`).
 */
const linksAs = (predicate: string, member: string): boolean => lastSegment(predicate).replace(/-\d+$/, '').toLowerCase() === member.toLowerCase();

/** The members of an alignment (OB 3.0 §Alignment) the badge page shows. */
const ALIGNMENT = ['targetName', 'targetDescription', 'targetFramework', 'targetCode', 'targetUrl'] as const;

/** Why something Lanyard would show of the credential is not signed as it is shown, or undefined. */
export function unsignedShown(statements: NqStatement[], root: Set<string>, credential: Json): string | undefined {
  const top: Level = { nodes: root, json: [credential] };
  const subjects = under(statements, top, 'credentialSubject');
  const achievements = under(statements, subjects, 'achievement');
  const descriptions = under(statements, achievements, 'resultDescription');
  const issuers = under(statements, top, 'issuer');
  const results = under(statements, subjects, 'result');
  const shown: [string, Level, readonly string[]][] = [
    ['the credential', top, ['name', 'description', 'awardedDate']],
    ['its subject', subjects, ['narrative', 'creditsEarned']],
    // The identities the recipient check reads (formats/ob3-to-badge.ts recipientsOf): each as signed of an entry the subject links
    // as its identifier (signed-reading.ts holds each signed entry to the JSON; this, each entry read to what was signed).
    ["its subject's identifiers", under(statements, subjects, 'identifier'), ['identityHash', 'identityType', 'salt']],
    ['its issuer', issuers, ['name', 'description', 'url', 'email']],
    // Its address and other identifiers (OB 3.0 §Address, §IdentifierEntry), as shown (formats/ob3-profile.ts).
    ["its issuer's address", under(statements, issuers, 'address'), ADDRESS_PARTS],
    ["its issuer's other identifiers", under(statements, issuers, 'otherIdentifier'), ['identifierType', 'identifier']],
    ['its achievement', achievements, ['name', 'description', 'achievementType', 'fieldOfStudy', 'specialization', 'creditsAvailable']],
    ["its achievement's criteria", under(statements, achievements, 'criteria'), ['narrative']],
    // A result's value, status, and which description and rubric level name it (OB 3.0 §Result: anyURI literals), as shown (ob3-to-badge.ts resultsOf).
    ['its results', results, ['value', 'resultDescription', 'achievedLevel', 'status']],
    // Each alignment shown, the achievement's and its results' (ob3-to-badge.ts alignmentsOf): its words, and its URL, a link.
    ["its achievement's alignments", under(statements, achievements, 'alignment'), ALIGNMENT],
    ["its results' alignments", under(statements, results, 'alignment'), ALIGNMENT],
    ["its achievement's result descriptions", descriptions, ['name', 'valueMin', 'valueMax']],
    ["its result descriptions' rubric levels", under(statements, descriptions, 'rubricCriterionLevel'), ['name', 'points']],
    ['its evidence', under(statements, top, 'evidence'), ['name', 'description', 'narrative', 'genre', 'audience']],
  ];
  for (const [what, at, members] of shown) {
    const found = unsignedIn(statements, at, members);
    if (found) return `${what} shows a ${found.member} (${shorten(JSON.stringify(found.value), 80)}) that it does not sign as its ${found.member}: what would be shown is not what was signed`;
  }
  return undefined;
}
