/**
 * What every component may use, handed down through context: the actions, the translator, the
 * UI locale (for dates), the reader's languages (for a badge's texts) and the clock (fixed in tests).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PopupActions } from './actions.ts';
import type { DraftStore } from './drafts.ts';
import type { Translate } from './i18n.ts';

export interface PopupEnv {
  actions: PopupActions;
  t: Translate;
  locale: string;
  /**
   * The reader's languages, first first, to choose among a badge's texts (VC DM 2.0 §11.1; chooseText):
   * the browser's, which can be one Lanyard has no messages in (core/share/lang-text.ts readerLanguagesOf);
   * absent, the UI locale.
   */
  languages?: readonly string[];
  now: () => number;
  /** What was typed in the forms, kept while the popup is closed (drafts.ts); absent, nothing is kept. */
  drafts?: DraftStore;
}

export const EnvContext = createContext<PopupEnv | null>(null);

export function useEnv(): PopupEnv {
  const env = useContext(EnvContext);
  if (!env) throw new Error('popup: component rendered outside <EnvContext>');
  return env;
}
