/**
 * What every component may use, handed down through context: the actions, the translator, the
 * UI locale (for dates) and the clock (fixed in tests).
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PopupActions } from './actions.ts';
import type { Translate } from './i18n.ts';

export interface PopupEnv {
  actions: PopupActions;
  t: Translate;
  locale: string;
  now: () => number;
}

export const EnvContext = createContext<PopupEnv | null>(null);

export function useEnv(): PopupEnv {
  const env = useContext(EnvContext);
  if (!env) throw new Error('popup: component rendered outside <EnvContext>');
  return env;
}
