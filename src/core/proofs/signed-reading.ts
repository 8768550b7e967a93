/**
 * Whether Lanyard reads what a Data Integrity proof signed. An RDFC-1.0 proof signs the document's
 * RDF statements (VC DI 1.0 §4.? "Verify Proof": canonicalize, then hash), not its JSON, and
 * JSON-LD lets the same statement be written under other keys than the terms Lanyard reads: the
 * property's full IRI, a term an added inline context defines, a `@nest` object (JSON-LD 1.1 §4.4).
 * The added context is not itself signed, so anyone holding a genuine credential could move its
 * validUntil, a credentialStatus entry or a member of one (statusSize: another bit is read), or
 * the proof's expires, out of Lanyard's sight while the proof still verifies, and an expired,
 * revoked or no-longer-vouched-for badge would read as valid; or the subject's identifier entries
 * (the recipient check's claims), and a badge issued to someone else would read as valid to anyone.
 *
 * So each statement the verdict rests on, as signed, must be one Lanyard reads where it reads it:
 * every value the canonical form gives the credential node (or a status entry, its subject, an
 * identifier entry of the subject, or the proof) under
 * a property named like a member Lanyard reads must be a value of that JSON member. Properties are
 * matched by their IRI's last segment (`…/2018/credentials#validUntil`, `…/status#statusSize`,
 * security's `#expiration` for `expires`), so a property under another vocabulary is held to the
 * member too: stricter, never looser. Other statements (names, descriptions) only show: a moved
 * one only goes missing from the display, and what is shown must be signed as what it is shown as
 * (signed-display.ts).
 */
import type { Json } from '../formats/json-util.ts';
import { defaultGraphOf, termKey, type NqStatement, type NqTerm } from '../jsonld/nquads-read.ts';
import { shorten } from '../display.ts';
import { unsignedIdentifiers, unsignedShown, type UnsignedRecipient } from './signed-display.ts';
import { about, below, jsonValues, lastSegment, rootOf } from './statements.ts';

const VERIFIABLE_CREDENTIAL = 'https://www.w3.org/2018/credentials#VerifiableCredential';

/** JSON member → the last IRI segments of the properties that state it. */
type Members = Record<string, readonly string[]>;
const same = (...names: string[]): Members => Object.fromEntries(names.map((n) => [n, [n]]));

/** What the verdict reads of the credential itself (validity.ts, structure, recipient, status/check.ts). */
const CREDENTIAL: Members = same('validFrom', 'validUntil', 'issuanceDate', 'expirationDate', 'issuer', 'credentialSubject', 'credentialStatus');
/** What status/status-list.ts and status/revocation-list.ts read of each entry. */
const STATUS_ENTRY: Members = same('statusListIndex', 'statusPurpose', 'statusListCredential', 'statusSize');
/**
 * What the recipient check reads of the subject (formats/ob3-badge.ts recipientsOf, verify/recipient.ts):
 * its id (the credentialSubject statement's object), its identifier entries (OB 3.0 §AchievementSubject
 * `identifier`; the beta context's IRI ends in `Identifier`) and, of each, OB 3.0 §IdentityObject.
 */
const SUBJECT: Members = { identifier: ['identifier', 'Identifier'] };
const IDENTITY: Members = same('identityHash', 'identityType', 'hashed', 'salt');
/**
 * What proofs/verify-proof.ts and verify.ts read of a proof (VC DI 1.0 §2.1): its suite, purpose and
 * method besides its expiry and chain. A proof's own @context, which no signature covers, decides
 * how its configuration reads (suites.ts proofConfig, as digitalbazaar's libraries do; VC DI EdDSA
 * §3.2.5 would use the document's): in a context of one's own, `assertionMethod` could name the
 * authenticationMethod a proof was signed for. So each is held to the statement, as signed.
 */
const PROOF: Members = {
  expires: ['expiration', 'expires'],
  previousProof: ['previousProof'],
  proofPurpose: ['proofPurpose'],
  verificationMethod: ['verificationMethod'],
  cryptosuite: ['cryptosuite'],
  type: ['type'],
};

/**
 * The first statement about `nodes` under a property of `members` that no value of the JSON
 * objects `json` accounts for; each JSON value accounts for one statement (a multiset), so a
 * second entry or date moved out of sight is found beside a first one Lanyard reads.
 */
function unaccounted(statements: NqStatement[], nodes: Set<string>, json: Json[], members: Members): { member: string; object: NqTerm } | undefined {
  // The statements about `nodes`, found once for every member (issue 14: each member walked them all), from the list's index (statements.ts).
  const said = about(statements, nodes);
  if (said.length === 0) return undefined;
  // The statements under each member, in their order, from one walk of them (issue 14: a walk per member, and the JSON
  // values of members no statement states counted for nothing).
  const named = namesOf(members);
  let under: Map<string, NqStatement[]> | undefined;
  for (const s of said) {
    const stated = named.get(lastSegment(s.predicate));
    if (stated === undefined) continue;
    under ??= new Map();
    for (const member of stated) {
      const list = under.get(member);
      if (list) list.push(s);
      else under.set(member, [s]);
    }
  }
  if (under === undefined) return undefined;
  for (const member in members) {
    const list = under.get(member);
    if (list === undefined) continue;
    // The JSON values left, counted by value (a node without an id as undefined): a search and a splice per statement took entries² (40,000 identifiers, 69 s).
    const left = new Map<string | undefined, number>();
    for (const j of json) for (const v of jsonValues(j[member])) left.set(v, (left.get(v) ?? 0) + 1);
    for (const s of list) {
      // As statements.ts `matches` reads an object: a blank node, a literal's lexical form, an IRI or its last segment.
      const o = s.object;
      const found = 'blank' in o ? take(left, undefined) : 'literal' in o ? take(left, o.literal) : take(left, o.iri) || take(left, lastSegment(o.iri));
      if (!found) return { member, object: o };
    }
  }
  return undefined;
}

/** Each last IRI segment of `members` → the members it states; worked out once per list (they are constants). */
const segmentMembers = new WeakMap<Members, Map<string, string[]>>();
function namesOf(members: Members): Map<string, string[]> {
  let named = segmentMembers.get(members);
  if (!named) {
    named = new Map();
    for (const member in members) {
      for (const name of members[member]!) {
        const stating = named.get(name) ?? [];
        if (!stating.includes(member)) named.set(name, [...stating, member]);
      }
    }
    segmentMembers.set(members, named);
  }
  return named;
}

/** One JSON value of `left` accounts for a statement whose object is `v`: taken, if one is left. */
function take(left: Map<string | undefined, number>, v: string | undefined): boolean {
  const n = left.get(v) ?? 0;
  if (n > 0) left.set(v, n - 1);
  return n > 0;
}

const shown = (o: NqTerm): string => ('blank' in o ? 'a node' : shorten(termKey(o), 80));
const say = (what: string, found: { member: string; object: NqTerm }): string =>
  `${what} signs a ${found.member} (${shown(found.object)}) that is not where Lanyard reads it (its ${found.member} member): what would be checked is not what was signed`;

/**
 * The statements of the default graph of canonical N-Quads: given as the canonicalizer made them
 * (nquads-read.ts Canonical, what verify-proof.ts passes), or read from the text.
 */
const statementsOf = (canon: string | NqStatement[]): NqStatement[] => (typeof canon === 'string' ? defaultGraphOf(canon) : canon);

/** Why Lanyard's reading of the credential is not what its canonical form `canon` signs, or undefined. */
export function unreadInCredential(canon: string | NqStatement[], credential: Json): string | undefined {
  const statements = statementsOf(canon);
  const root = rootOf(statements, credential.id ?? credential['@id'], VERIFIABLE_CREDENTIAL);
  if (root === undefined) return 'the credential signs no single credential node that Lanyard could read its dates and status from';
  const top = new Set([root]);
  const found = unaccounted(statements, top, [credential], CREDENTIAL);
  if (found) return say('the credential', found);
  const entries = below(statements, top, [credential], 'credentialStatus', ['credentialStatus']);
  const inEntry = entries.nodes.size ? unaccounted(statements, entries.nodes, entries.json, STATUS_ENTRY) : undefined;
  if (inEntry) return say('a status entry', inEntry);
  const subjects = below(statements, top, [credential], 'credentialSubject', ['credentialSubject']);
  const inSubject = unaccounted(statements, subjects.nodes, subjects.json, SUBJECT);
  if (inSubject) return say('the subject', inSubject);
  const ids = below(statements, subjects.nodes, subjects.json, 'identifier', SUBJECT.identifier!);
  const inIdentity = unaccounted(statements, ids.nodes, ids.json, IDENTITY);
  return inIdentity ? say('an identifier entry', inIdentity) : unsignedShown(statements, root, credential);
}

/**
 * What of the recipient Lanyard reads (formats/ob3-to-badge.ts recipientsOf: the subject's id and identifier
 * entries) `canon` does not sign for the subject (signed-display.ts unsignedIdentifiers): asked when unreadInCredential has found something, so that the
 * recipient is read from signed entries only (formats/ob3-data-integrity.ts).
 */
export function unsignedRecipientIn(canon: string | NqStatement[], credential: Json): UnsignedRecipient {
  const statements = statementsOf(canon);
  return unsignedIdentifiers(statements, rootOf(statements, credential.id ?? credential['@id'], VERIFIABLE_CREDENTIAL), credential);
}

/** Why Lanyard's reading of the proof is not what its configuration's canonical form `canon` signs, or undefined. */
export function unreadInProof(canon: string | NqStatement[], proof: Json): string | undefined {
  const statements = statementsOf(canon);
  const root = rootOf(statements, proof.id ?? proof['@id']);
  if (root === undefined) return 'its configuration signs no single proof node that Lanyard could read its expiry from';
  const found = unaccounted(statements, new Set([root]), [proof], PROOF);
  return found ? say('the proof', found) : undefined;
}
