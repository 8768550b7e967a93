/**
 * Every piece of UI Lanyard puts on a page lives in a closed shadow root: the page's styles do
 * not reach it (`all: initial` on the host), and the page's scripts cannot read the user's badges
 * out of it. (Bitwarden's closed shadow roots; Hypothesis's shadow containers.)
 */
export interface ShadowUi {
  host: HTMLElement;
  root: ShadowRoot;
  destroy(): void;
}

/** Marks our hosts, so features and the page observer can tell them apart. */
export const HOST_ATTR = 'data-lanyard';

const BASE = ':host{all:initial!important}*{box-sizing:border-box;font:13px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}';

function style(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(BASE + css);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length !== 1) throw new Error('not adopted');
  } catch {
    // No constructable sheets here (or a content script may not adopt them): a <style> does the same.
    const el = document.createElement('style');
    el.textContent = BASE + css;
    root.append(el);
  }
}

export function mountShadow(kind: string, css: string, inline = false): ShadowUi {
  const host = document.createElement(inline ? 'lanyard-button' : 'lanyard-ui');
  host.setAttribute(HOST_ATTR, kind);
  const root = host.attachShadow({ mode: 'closed' });
  style(root, css);
  return { host, root, destroy: () => host.remove() };
}
