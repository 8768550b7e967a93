/**
 * How much of a badge's words a view carries to the popup or a content script (views.ts). An issuer
 * writes them, and a document is read up to 8 MB: a name and a description of megabytes each (and again
 * in each language of `texts`) went whole into every `badges/list` answer and every picker row, the
 * latter into the page's own process. No surface shows more than displayText reads of a text (twice its
 * cut, at most 2 × MAX_DISPLAY_CHARS: core/share/display.ts), so a view keeps that much and shows the same;
 * a narrative the badge page reads as Markdown is kept as far as parseMarkdown reads it (MAX_MARKDOWN_CHARS).
 * Links and ids are not cut (a cut link would be another link; safeHttpUrl refuses one over 4096 anyway),
 * but for a picker row's Credential ID, which is only text there (LinkedIn's form field, cut at 300).
 */
import { MAX_DISPLAY_CHARS } from '../../core/share/display.ts';
import { MAX_MARKDOWN_CHARS } from '../../core/share/markdown.ts';
import type { ShownTexts } from '../../core/share/lang-text.ts';

export const VIEW_TEXT_MAX = 2 * MAX_DISPLAY_CHARS;

/** The popup keeps this many tags (popup/display.ts viewForDisplay). */
export const VIEW_TAGS_MAX = 50;

/** The badge page shows this many evidence items and alignments, then "and N more" (popup/badge/BadgeFacts.tsx MAX_LIST_ITEMS). */
export const VIEW_LIST_MAX = 20;

/** The text cut to VIEW_TEXT_MAX UTF-16 units, as displayText's own first slice cuts it. */
export const viewText = <T extends string | undefined>(text: T): T => (typeof text === 'string' && text.length > VIEW_TEXT_MAX ? (text.slice(0, VIEW_TEXT_MAX) as T) : text);

/** A narrative, which the badge page reads as Markdown (popup/ui/Markdown.tsx), up to what parseMarkdown reads of it. */
export const viewMarkdown = <T extends string | undefined>(text: T): T => (typeof text === 'string' && text.length > MAX_MARKDOWN_CHARS ? (text.slice(0, MAX_MARKDOWN_CHARS) as T) : text);

/** Each language of each text, cut (the languages themselves are already at most MAX_LANGUAGES). */
export function viewTexts(texts: ShownTexts | undefined): ShownTexts | undefined {
  if (!texts) return texts;
  const out: ShownTexts = {};
  for (const [field, list] of Object.entries(texts) as [keyof ShownTexts, ShownTexts[keyof ShownTexts]][]) if (list) out[field] = list.map((t) => ({ ...t, value: viewText(t.value) }));
  return out;
}
