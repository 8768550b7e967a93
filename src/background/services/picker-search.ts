/**
 * The picker's search (content.ts pickerList, picker/list): a badge is found when its name or its
 * issuer's name as the picker shows them (reader-texts.ts, in the reader's languages), or one of its
 * tags, holds the query, case aside. The page asks again at each keystroke; each record's words are
 * lower-cased once, kept while the record is the one stored (its `rev`, new with every write:
 * platform/db.ts) and the languages are the same, rather than every name, issuer and tag of every
 * badge at each query. A badge without a name is found by the words said for it in the extension's
 * language (`nameless`), read at each query, never kept.
 */
import type { NoName } from '../../core/share/badge-name.ts';
import type { BadgeRecord } from '../../platform/records.ts';
import { readerTexts } from './reader-texts.ts';

interface Words {
  rev: string;
  languages: string;
  /** The name (when it has one), the issuer's name and the tags, lower-cased. */
  lower: string[];
  /** Why it has no name (badge-name.ts): it is found by the words said for that. */
  noName?: NoName;
}

export interface PickerSearch {
  /** The records whose words hold `query` (trimmed, lower-cased; '' finds every one), in their order. */
  find(records: readonly BadgeRecord[], query: string, languages: readonly string[], nameless: (why: NoName) => string): BadgeRecord[];
}

export function createPickerSearch(): PickerSearch {
  /** By record key; only the keys of the last search's records are kept, so a removed badge's words go. */
  let kept = new Map<string, Words>();
  const wordsOf = (r: BadgeRecord, languages: string, list: readonly string[]): Words => {
    const hit = kept.get(r.key);
    if (hit && r.rev !== undefined && hit.rev === r.rev && hit.languages === languages) return hit;
    const t = readerTexts(r.meta, list);
    const lower = [...(t.noName ? [] : [t.name]), t.issuerName ?? '', ...r.meta.tags].map((w) => w.toLowerCase());
    const words: Words = { rev: r.rev ?? '', languages, lower, ...(t.noName ? { noName: t.noName } : {}) };
    // A record stored before `rev` existed is not kept: nothing would tell it was written again.
    if (r.rev !== undefined) kept.set(r.key, words);
    return words;
  };
  return {
    find(records, query, list, nameless) {
      const q = query.trim().toLowerCase();
      if (!q) return [...records];
      const languages = list.join('\n');
      const before = kept;
      kept = new Map();
      for (const r of records) {
        const old = before.get(r.key);
        if (old) kept.set(r.key, old);
      }
      const said = new Map<NoName, string>();
      const namelessHolds = (why: NoName): boolean => {
        if (!said.has(why)) said.set(why, nameless(why).toLowerCase());
        return (said.get(why) as string).includes(q);
      };
      return records.filter((r) => {
        const w = wordsOf(r, languages, list);
        return (w.noName !== undefined && namelessHolds(w.noName)) || w.lower.some((word) => word.includes(q));
      });
    },
  };
}
