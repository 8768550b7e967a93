/**
 * Which of several signed texts is shown. An RDFC proof signs statements, not JSON arrays: a member
 * written as a list (`name: ["Teamwork", "Leadership (Distinction)"]`) signs a set of values, in no
 * order (RDF 1.1 Concepts §3.1; JSON-LD 1.1 §4.3.1: only `@list` keeps one). Lanyard shows one
 * text of a member (formats/lang-text.ts `firstText`, share/lang-text.ts `chooseText`): the one in
 * the reader's language, else the first. Among texts of the same language (or none), the one shown
 * is then the first in the JSON, which anyone holding the credential can reorder without touching the
 * proof (hostile48: a holder made a badge read "Leadership (Distinction)" where its issuer listed
 * "Teamwork" first, valid). So a shown member giving two texts in one language is not confirmed.
 * Texts in different languages are told apart by the reader's language, not their order.
 */
import { isObj, type Json } from '../formats/json-util.ts';
import { langTexts } from '../formats/lang-text.ts';
import { ADDRESS_PARTS } from '../formats/ob3-profile.ts';
import type { NqStatement } from '../jsonld/nquads-read.ts';
import type { Shape } from './signed-tree.ts';
import { iriOf, statedBy } from './signed-shown.ts';
import { about, jsonValues } from './statements.ts';

/** The members Lanyard shows one text of (ob3-to-badge.ts `firstText`, `textsOf`; ob3-profile.ts the issuer's address); tags are all shown, links read only as one string. */
const ONE_TEXT = new Set<string>(['name', 'description', 'narrative', 'fieldOfStudy', 'specialization', 'targetName', 'targetDescription', 'targetFramework', 'value', 'genre', 'audience', ...ADDRESS_PARTS]);

export type Unordered = { what: string; member: string; values: string[] };

/**
 * The first member of `json` (shown as `shape`, its children too) that shows one of two texts in one language by their
 * order alone; undefined when none does. Linear in the JSON. Every text is read, not only the first MAX_LANGUAGES the
 * popup reads (formats/lang-text.ts), as in hiddenText: a text past them is given, and a second one of its language too.
 */
export function pickedByOrder(json: Json, shape: Shape): Unordered | undefined {
  for (const member of shape.members) {
    if (!ONE_TEXT.has(member) || !Array.isArray(json[member])) continue;
    const seen = new Map<string, string>();
    for (const { value, language } of langTexts(json[member], Infinity)) {
      const key = language?.toLowerCase() ?? '';
      const before = seen.get(key);
      if (before !== undefined && before !== value) return { what: shape.what, member, values: [before, value] };
      seen.set(key, value);
    }
  }
  for (const [member, child] of Object.entries(shape.children)) {
    const v = json[member];
    for (const c of Array.isArray(v) ? v : [v]) {
      if (!isObj(c)) continue;
      const found = pickedByOrder(c, child);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Each literal a JSON value gives (a text, each language of one, a number or Boolean as RDF writes it), into `into`:
 * every text, also past the MAX_LANGUAGES read (a name in the EU's 24 languages signs each, and is genuine).
 */
function textsInto(v: unknown, into: Set<string>): void {
  for (const { value } of langTexts(v, Infinity)) into.add(value);
  for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'number' || typeof x === 'boolean') into.add(jsonValues(x)[0]!);
}

/** Every text each id'd JSON object of `json` gives under a member of ONE_TEXT, by id then member (a node written in several places). Linear. */
function textsById(json: unknown, out = new Map<string, Map<string, Set<string>>>(), depth = 0): Map<string, Map<string, Set<string>>> {
  if (depth > 64) return out;
  if (Array.isArray(json)) for (const x of json) textsById(x, out, depth + 1);
  else if (isObj(json)) {
    const id = json.id ?? json['@id'];
    if (typeof id === 'string') {
      let byMember = out.get(id);
      if (!byMember) out.set(id, (byMember = new Map()));
      for (const member of ONE_TEXT) {
        if (json[member] === undefined) continue;
        let set = byMember.get(member);
        if (!set) byMember.set(member, (set = new Set()));
        textsInto(json[member], set);
      }
    }
    for (const k in json) if (k !== '@context') textsById(json[k], out, depth + 1);
  }
  return out;
}

/**
 * A text of a shown member that the node signs but no JSON object of that id gives (hostile48): a holder could move
 * one of two signed names under an alias its own context adds (`n2: "https://schema.org/name"`), and the one left
 * shows alone. Asked of the credential's node (`root`) and of each shown object with an IRI (its node is that IRI:
 * signed-tree.ts); texts of a node written in several places (an issuer that is also its achievement's creator) are
 * those of every place. A member the object does not show is not asked: a text moved away only goes missing.
 */
export function hiddenText(statements: readonly NqStatement[], root: string, json: Json, shape: Shape): Unordered | undefined {
  const given = textsById(json);
  const ask = (j: Json, s: Shape, node: string, own: boolean): Unordered | undefined => {
    const shown = s.members.filter((m) => ONE_TEXT.has(m) && langTexts(j[m]).length > 0);
    if (shown.length) {
      const written = own ? new Map(shown.map((m) => { const set = new Set<string>(); textsInto(j[m], set); return [m, set] as const; })) : given.get(node);
      for (const st of about(statements, new Set([node]))) {
        const { member } = statedBy(st.predicate);
        if (!shown.includes(member) || !('literal' in st.object)) continue;
        if (!written?.get(member)?.has(st.object.literal)) return { what: s.what, member, values: [st.object.literal] };
      }
    }
    for (const [member, child] of Object.entries(s.children)) {
      const v = j[member];
      for (const c of Array.isArray(v) ? v : [v]) {
        if (!isObj(c)) continue;
        const id = iriOf(c);
        const found = id !== undefined ? ask(c, child, id, false) : ask(c, child, '', true);
        if (found) return found;
      }
    }
    return undefined;
  };
  const id = json.id ?? json['@id'];
  return ask(json, shape, root, typeof id !== 'string');
}
