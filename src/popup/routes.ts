/** The popup's screens and the lazily loaded components behind them. */
import type { ImportRun } from './badge/added-sentence.tsx';
import type { WelcomeMode } from './welcome/WelcomeScreen.tsx';
import { lazyScreen } from './ui/lazy.tsx';

export type Route =
  | { name: 'list' }
  /** `added`: just imported from "Add a badge", new or held already (`heldFrom`: as that backpack's synced copy): the page says so, once (BadgeScreen.tsx). */
  /** `run`: the other files added with it, said with it (added-sentence.tsx). */
  | { name: 'badge'; key: string; added?: 'new' | 'again'; heldFrom?: string; run?: ImportRun }
  | { name: 'share'; key: string }
  | { name: 'welcome'; mode?: WelcomeMode; host?: string; user?: string }
  | { name: 'import' }
  | { name: 'accounts' }
  | { name: 'addresses'; accountId: string }
  /** `backup`: opened at the backup section (the welcome's "Restore from a Lanyard backup file"). */
  | { name: 'settings'; orgIds?: boolean; issuer?: string; backup?: boolean }
  | { name: 'guide' };

// Everything but the list loads on first use: the popup's first script stays small.
export const BadgeScreen = lazyScreen(() => import('./badge/BadgeScreen.tsx').then((m) => m.default));
export const ShareScreen = lazyScreen(() => import('./share/ShareScreen.tsx').then((m) => m.default));
export const WelcomeScreen = lazyScreen(() => import('./welcome/WelcomeScreen.tsx').then((m) => m.default));
export const ImportScreen = lazyScreen(() => import('./welcome/ImportScreen.tsx').then((m) => m.default));
export const AccountsScreen = lazyScreen(() => import('./accounts/AccountsScreen.tsx').then((m) => m.default));
export const AddressesScreen = lazyScreen(() => import('./addresses/AddressesScreen.tsx').then((m) => m.default));
export const GuideScreen = lazyScreen(() => import('./guide/GuideScreen.tsx').then((m) => m.default));
export const SettingsScreen = lazyScreen(() => import('./settings/SettingsScreen.tsx').then((m) => m.default));
