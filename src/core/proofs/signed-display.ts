/**
 * Whether what Lanyard shows of a credential (formats/ob3-badge.ts toBadge) was signed as what it is
 * shown as. A context that does not protect its terms (JSON-LD 1.1 §4.1.11 `@protected`; the JFF
 * Plugfest 1 context, OB 3.0's first drafts) lets an embedded context swap `name` and `description`
 * on a node: the statements, and so the proof, stay the same, and the badge would show its
 * description as its name. So each text shown of the credential, its subject, its issuer, its
 * achievement, the achievement's criteria and result descriptions (and their rubric levels), the
 * subject's results, credits and identifier entries (the recipient), the issuer's address and other identifiers, the achievement's and the
 * results' alignments, and the evidence (and the images, the achievement's tags, the criteria's and each evidence item's URL) must be a signed statement of that node under a property of the member's name. A signed text Lanyard does not read only goes missing from the display.
 *
 * Node by node (signed-tree.ts): each JSON object shown must be one node its parent's node links to,
 * whose own signed statements give every field shown of it, and whose children are likewise its
 * own. Compared per level (every alignment's words against the words all alignments sign), one
 * alignment's name showed with another's URL, or a result's alignment under another result, as signed.
 */
import type { Json } from '../formats/json-util.ts';
import { ADDRESS_PARTS } from '../formats/ob3-profile.ts';
import type { NqStatement } from '../jsonld/nquads-read.ts';
import { shorten } from '../display.ts';
import { linkedUnder, unsignedAmong, unsignedNode, type Shape } from './signed-tree.ts';
import { hiddenText, pickedByOrder } from './signed-order.ts';
import { arr, isObj, subjectOf } from '../formats/json-util.ts';
import { textOrId } from '../formats/ob3-to-badge.ts';
import { firstText } from '../formats/lang-text.ts';

/** The members of an alignment (OB 3.0 §Alignment) the badge page shows. */
const ALIGNMENT = ['targetName', 'targetDescription', 'targetFramework', 'targetCode', 'targetUrl'] as const;

const alignments = (what: string): Shape => ({ what, members: ALIGNMENT, children: {} });

/** An identifier entry (OB 3.0 §IdentityObject) as the recipient check reads it (formats/ob3-to-badge.ts recipientsOf). */
const IDENTIFIER: Shape = { what: "its subject's identifiers", members: ['identityHash', 'identityType', 'salt', 'hashed'], children: {} };

/** What is shown of the credential, node by node, as read by formats/ob3-to-badge.ts and ob3-profile.ts. */
const CREDENTIAL: Shape = {
  what: 'the credential',
  members: ['name', 'description', 'awardedDate', 'image'],
  children: {
    credentialSubject: {
      what: 'its subject',
      members: ['narrative', 'creditsEarned'],
      children: {
        // The identities the recipient check reads (formats/ob3-to-badge.ts recipientsOf): each as signed of an entry the subject links
        // as its identifier (signed-reading.ts holds each signed entry to the JSON; this, each entry read to what was signed).
        identifier: IDENTIFIER,
        achievement: {
          what: 'its achievement',
          members: ['name', 'description', 'achievementType', 'fieldOfStudy', 'specialization', 'creditsAvailable', 'image', 'tag'],
          children: {
            criteria: { what: "its achievement's criteria", members: ['narrative'], children: {}, ids: true },
            // Each alignment shown, the achievement's and its results' (ob3-to-badge.ts alignmentsOf): its words, and its URL, a link.
            alignment: alignments("its achievement's alignments"),
            resultDescription: {
              what: "its achievement's result descriptions",
              members: ['name', 'valueMin', 'valueMax'],
              children: { rubricCriterionLevel: { what: "its result descriptions' rubric levels", members: ['name', 'points'], children: {} } },
            },
          },
        },
        // A result's value, status, and which description and rubric level name it (OB 3.0 §Result: anyURI literals), as shown (ob3-to-badge.ts resultsOf).
        result: { what: 'its results', members: ['value', 'resultDescription', 'achievedLevel', 'status'], children: { alignment: alignments("its results' alignments") } },
      },
    },
    issuer: {
      what: 'its issuer',
      members: ['name', 'description', 'url', 'email', 'image'],
      children: {
        // Its address and other identifiers (OB 3.0 §Address, §IdentifierEntry), as shown (formats/ob3-profile.ts).
        address: { what: "its issuer's address", members: ADDRESS_PARTS, children: {} },
        otherIdentifier: { what: "its issuer's other identifiers", members: ['identifierType', 'identifier'], children: {} },
      },
    },
    // An evidence item's id is its link, shown (ob3-to-badge.ts: an object's id, or a string).
    evidence: { what: 'its evidence', members: ['name', 'description', 'narrative', 'genre', 'audience'], children: {}, ids: true },
  },
};

/**
 * The credential as shown: its own image only when its achievement gives none (ob3-to-badge.ts toBadge), so one
 * its issuer states otherwise (LearnCard's Boost: `…/boost-image`) is not held to the proof when it is not shown.
 */
function asShown(credential: Json): Json {
  const a = subjectOf(credential)?.achievement;
  if (!isObj(a) || textOrId(a.image) === undefined || !('image' in credential)) return credential;
  const { image: _notShown, ...shown } = credential;
  return shown;
}

/** The credential as its texts are shown: its own name and description only where its achievement gives none (ob3-to-badge.ts toBadge `nameFrom`). */
function textsShown(credential: Json): Json {
  const a = subjectOf(credential)?.achievement;
  if (!isObj(a)) return credential;
  const { name, description, ...rest } = credential;
  return { ...rest, ...(firstText(a.name) === undefined ? { name } : {}), ...(firstText(a.description) === undefined ? { description } : {}) };
}

/** Why something Lanyard would show of the credential is not signed as it is shown, or undefined. */
export function unsignedShown(statements: NqStatement[], root: string, credential: Json): string | undefined {
  const shown = asShown(credential);
  const found = unsignedNode(statements, root, shown, CREDENTIAL);
  if (found) return `${found.what} shows a ${found.member} (${shorten(JSON.stringify(found.value), 80)}) that it does not sign as its ${found.member}: what would be shown is not what was signed`;
  // Which of two texts in one language shows is their JSON order, which the proof does not sign (signed-order.ts).
  const texts = textsShown(shown);
  const picked = pickedByOrder(texts, CREDENTIAL);
  if (picked) return `${picked.what} gives two texts as its ${picked.member} in one language (${shorten(JSON.stringify(picked.values), 80)}): which is shown is their order in the JSON, which the proof does not sign`;
  // One of two signed texts moved out of sight, so the other shows alone (signed-order.ts).
  const hidden = hiddenText(statements, root, texts, CREDENTIAL);
  return hidden && `${hidden.what} signs a ${hidden.member} (${shorten(JSON.stringify(hidden.values[0]), 80)}) that its JSON does not give beside the one shown: which is shown is not what was signed`;
}

/** What of the recipient the subject Lanyard reads shows unsigned: its id, and the positions of identifier entries. */
export type UnsignedRecipient = { id: boolean; entries: number[] };

/**
 * What of the subject Lanyard reads (json-util.ts subjectOf) names a recipient its signed node does
 * not: its id when the credential does not link to that node as its subject, and the positions in its
 * identifier list of the entries no identifier entry of the subject's node is. What the recipient check
 * and the "Issued to" line must not read (formats/ob3-data-integrity.ts). The subject is the node of
 * its id, or any blank node the credential links to as its subject; with no credential node (`root`
 * undefined) nothing is signed.
 */
export function unsignedIdentifiers(statements: NqStatement[], root: string | undefined, credential: Json): UnsignedRecipient {
  const s = subjectOf(credential);
  if (!s) return { id: false, entries: [] };
  const entries = arr(s.identifier).filter(isObj);
  const id = s.id ?? s['@id'];
  const iri = typeof id === 'string' && !id.startsWith('_:') ? id : undefined;
  const subjects = root === undefined ? [] : linkedUnder(statements, root, 'credentialSubject').filter((n) => (iri !== undefined ? n === iri : n.startsWith('_:')));
  return { id: iri !== undefined && subjects.length === 0, entries: unsignedAmong(statements, subjects, entries, 'identifier', IDENTIFIER) };
}
