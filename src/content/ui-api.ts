/**
 * What the on-demand files (ui-linkedin.ts, ui-mail.ts: the picker and the code that fills the
 * page) give the always-loaded content scripts. The background injects them into the content
 * scripts' isolated world (src/background/services/content-ui.ts); they hand their functions over
 * through that world's global object, which the page's scripts never see (Chromium's isolated
 * worlds, Firefox's content-script sandboxes: each has its own global).
 */
import { ownGlobal } from './world.ts';

export interface Opening {
  /** The button host the picker opens next to. */
  anchor: HTMLElement;
  /** The feature's signal: the picker closes with it. */
  signal: AbortSignal;
}

/** Into an editor: the caret the user had before the click. */
export interface IntoEditor extends Opening {
  editor: HTMLElement;
  range: Range | null;
}

export interface LinkedInUi {
  /** Profile: the chosen badge opens LinkedIn's add-to-profile form, filled. */
  addToProfile(o: Opening): void;
  /** The certification form, filled from the chosen badge. */
  fillForm(o: Opening): void;
  /** The post composer: the badge's sentence and link at the caret. */
  share(o: IntoEditor): void;
}

export interface MailUi {
  /** A compose body: the badge's card, sanitised, at the caret. */
  insertCard(o: IntoEditor): void;
}

export interface Uis {
  linkedin: LinkedInUi;
  mail: MailUi;
}

const GLOBAL = '__lanyardUi';
type Holder = { [GLOBAL]?: Partial<Uis> };

/** The on-demand functions loaded so far into this world. */
export function loadedUis(): Partial<Uis> {
  // Own property only: a page element with id="__lanyardUi" is not what our files provided (world.ts).
  return (ownGlobal(GLOBAL) as Holder[typeof GLOBAL]) ?? {};
}

/** Called by an on-demand file when it runs. */
export function provideUi<K extends keyof Uis>(name: K, ui: Uis[K]): void {
  (globalThis as Holder)[GLOBAL] = { ...loadedUis(), [name]: ui };
}
