/**
 * A stored badge's words in the reader's languages, for what the background builds for content
 * scripts (the picker's rows, the hover card, the shared card and sentence, LinkedIn's add-to-profile
 * name). A text the badge gives in several languages (VC DM 2.0 §11.1, BadgeMeta `texts`) is the one
 * chooseText picks (core/share/lang-text.ts, as the popup does: src/popup/display.ts), else the
 * stored text (its first language); `dirs` holds the base direction of each chosen text that gives
 * one. Every language a Data Integrity credential may show was checked signed when it was verified
 * (core/proofs/signed-display.ts).
 */
import { storedName, type NoName } from '../../core/share/badge-name.ts';
import { chooseTexts, type ShownDirs } from '../../core/share/lang-text.ts';
import type { BadgeMeta } from '../../platform/records.ts';

export interface ReaderTexts {
  name: string;
  noName?: NoName;
  description?: string;
  issuerName?: string;
  /** Absent when no chosen text gives a direction; never one for a name the badge does not have. */
  dirs?: ShownDirs;
}

export function readerTexts(m: Pick<BadgeMeta, 'name' | 'noName' | 'description' | 'issuerName' | 'texts'>, languages: readonly string[]): ReaderTexts {
  const { pick, dirs } = chooseTexts(m.texts, languages);
  const named = storedName({ ...m, name: pick.name?.value ?? m.name });
  const { name: nameDir, narrative: _n, ...otherDirs } = dirs ?? {};
  const shownDirs: ShownDirs = { ...otherDirs, ...(nameDir && !named.noName ? { name: nameDir } : {}) };
  const description = pick.description?.value ?? m.description;
  const issuerName = pick.issuerName?.value ?? m.issuerName;
  return {
    ...named,
    ...(description !== undefined ? { description } : {}),
    ...(issuerName !== undefined ? { issuerName } : {}),
    ...(Object.keys(shownDirs).length ? { dirs: shownDirs } : {}),
  };
}
