/**
 * A badge without a name. A record keeps no name and the reason (BadgeMeta `noName`): nothing could
 * be read, or the badge names itself nothing. Each surface says it in the user's words through these
 * message keys, at display time. Versions before session 13 stored English words in the name
 * instead ("Unreadable badge", "Untitled badge", or the engine's "Unnamed badge"): those read as the
 * reason they stood for.
 */
import { hasVisibleText } from './display.ts';

export type NoName = 'unreadable' | 'untitled';

export const NO_NAMES: readonly NoName[] = ['unreadable', 'untitled'];

/** The words for a badge without a name, on the user's own screens (popup, picker, hover card). */
export const NAMELESS_KEY = { unreadable: 'badgeNamelessUnreadable', untitled: 'badgeNamelessUntitled' } as const;

const STORED_BEFORE: Readonly<Record<string, NoName>> = { 'Unreadable badge': 'unreadable', 'Untitled badge': 'untitled', 'Unnamed badge': 'untitled' };

/** A stored name and reason as they are meant: a name, or none and why (an older record's English words read as their reason). */
export function storedName(m: { name?: string; noName?: NoName }): { name: string; noName?: NoName } {
  // A name of only spaces, controls or braille blanks (U+2800) shows as nothing: no name (display.ts hasVisibleText), as what is shared reads it.
  const name = hasVisibleText(m.name) ? m.name : '';
  const before = Object.hasOwn(STORED_BEFORE, name) ? STORED_BEFORE[name] : undefined;
  if (m.noName || before || !name) return { name: '', noName: m.noName ?? before ?? 'untitled' };
  return { name };
}
