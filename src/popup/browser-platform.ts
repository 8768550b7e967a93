/**
 * The page-only capabilities of the real actions, over the browser: permission prompts (they
 * need the popup's user gesture, never the worker), saving files through a download link, and
 * the clipboard. Only main.tsx imports this; components never do.
 */
import { pageApi } from '../platform/page-api.ts';
import type { FilesScreen, PopupPlatform } from './actions.ts';
import { RESUME_KEY, viewToRestore, type Resumed, type SavedView } from './resume.ts';
import { draftStore, DRAFTS_KEY, type DraftStore } from './drafts.ts';
import { readerLanguagesOf } from '../core/share/lang-text.ts';

/**
 * Firefox's toolbar popup is a panel that closes as soon as a file picker opens (bugzilla 1292701,
 * still so in 153 ESR): the page is gone before the input's change event, and the pick is lost.
 * Firefox alone has runtime.getBrowserInfo; extension.getViews({ type: 'popup' }) holds this page
 * only when it is that panel, not when it is open in a tab (where the picker works).
 */
function inFirefoxPanel(): boolean {
  try {
    const api = pageApi();
    if (typeof (api.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== 'function') return false;
    return (api.extension?.getViews?.({ type: 'popup' }) ?? []).some((view) => (view as unknown) === globalThis);
  } catch {
    return false;
  }
}

/** This popup page in a tab, on `screen` (main.tsx reads `?open=`); then the panel closes. */
function openInTab(screen: FilesScreen): void {
  const api = pageApi();
  const page = api.runtime.getManifest().action?.default_popup ?? 'src/popup/index.html';
  void api.tabs.create({ url: api.runtime.getURL(`${page}?open=${screen}`) }).then(() => globalThis.close());
}

export function createBrowserPlatform(): PopupPlatform {
  return {
    ...(inFirefoxPanel() ? { openInTab } : {}),
    // Called at once, with nothing awaited before it: Firefox allows the prompt only while the
    // click is being handled. Origins already granted resolve true without a prompt.
    requestOrigins: (origins) => pageApi().permissions.request({ origins }),
    hasOrigins: (origins) => pageApi().permissions.contains({ origins }),
    siteOrigins: () => pageApi().runtime.getManifest().host_permissions ?? [],
    // "activeTab": opening the popup lets it read the current tab's URL (no "tabs" permission).
    async currentTabUrl() {
      const [tab] = await pageApi().tabs.query({ active: true, currentWindow: true });
      return tab?.url && /^https?:/.test(tab.url) ? tab.url : undefined;
    },
    saveFile(fileName, mimeType, data) {
      const blob = typeof data === 'string' ? new Blob([data], { type: mimeType }) : data;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      // The download has started by then; revoking at once can cancel it in Firefox.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    async copy(text, html) {
      if (html !== undefined && typeof ClipboardItem === 'function') {
        await navigator.clipboard.write([new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([text], { type: 'text/plain' }) })]);
      } else {
        await navigator.clipboard.writeText(text);
      }
    },
  };
}

/** i18n.getMessage, and the UI language for dates. */
export const getMessage = (key: string, subs: string[]) => pageApi().i18n.getMessage(key, subs);
// The language of the messages shown (each messages.json names its own), which can differ from the
// browser's (getUILanguage, e.g. "en-US" while French messages are picked): the page's lang
// attribute and date formats must match the words on screen.
export const uiLanguage = () => pageApi().i18n.getMessage('messagesLocale') || pageApi().i18n.getUILanguage();
/** The reader's languages for a badge's texts: the browser's own, after the messages' where they differ (readerLanguagesOf). */
export const readerLanguages = () => readerLanguagesOf(pageApi().i18n.getUILanguage(), pageApi().i18n.getMessage('messagesLocale') || undefined);

/**
 * Where the popup was when it closed (resume.ts checks it), from the extension page's own
 * localStorage: read synchronously before the first render, so the popup waits for nothing more
 * (storage.session.get took up to 50 ms on a loaded machine, past the first replies). Content
 * scripts cannot read it (another origin). Past its ten minutes it is removed as it is read.
 */
export function recallView(now: number): Resumed | undefined {
  try {
    const raw = localStorage.getItem(RESUME_KEY);
    if (raw === null) return undefined;
    const view = viewToRestore(JSON.parse(raw), now);
    if (!view) localStorage.removeItem(RESUME_KEY);
    return view;
  } catch {
    return undefined;
  }
}

export function rememberView(view: SavedView): void {
  try {
    localStorage.setItem(RESUME_KEY, JSON.stringify(view));
  } catch {
    // Storage full or refused: the popup opens on the list next time, as before.
  }
}

/**
 * What was typed in the forms (drafts.ts checks it, and keeps no password or token), in the same
 * localStorage as the view: read and written synchronously, removed once stale or cleared.
 */
export function pageDrafts(now: () => number): DraftStore {
  const read = () => {
    try {
      const raw = localStorage.getItem(DRAFTS_KEY);
      return raw === null ? undefined : JSON.parse(raw);
    } catch {
      return undefined;
    }
  };
  const write = (v: unknown) => {
    try {
      if (v === undefined) localStorage.removeItem(DRAFTS_KEY);
      else localStorage.setItem(DRAFTS_KEY, JSON.stringify(v));
    } catch {
      // Storage full or refused: the form opens empty next time, as before.
    }
  };
  const store = draftStore(read, write, now);
  // Stale or malformed: removed as the popup opens.
  if (read() !== undefined && store.last() === undefined) write(undefined);
  return store;
}
