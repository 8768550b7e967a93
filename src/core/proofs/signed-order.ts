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
import type { Shape } from './signed-tree.ts';

/** The members Lanyard shows one text of (ob3-to-badge.ts `firstText`, `textsOf`; ob3-profile.ts the issuer's address); tags are all shown, links read only as one string. */
const ONE_TEXT = new Set<string>(['name', 'description', 'narrative', 'fieldOfStudy', 'specialization', 'targetName', 'targetDescription', 'targetFramework', 'value', 'genre', 'audience', ...ADDRESS_PARTS]);

export type Unordered = { what: string; member: string; values: string[] };

/** The first member of `json` (shown as `shape`, its children too) that shows one of two texts in one language by their order alone; undefined when none does. Linear in the JSON. */
export function pickedByOrder(json: Json, shape: Shape): Unordered | undefined {
  for (const member of shape.members) {
    if (!ONE_TEXT.has(member) || !Array.isArray(json[member])) continue;
    const seen = new Map<string, string>();
    for (const { value, language } of langTexts(json[member])) {
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
