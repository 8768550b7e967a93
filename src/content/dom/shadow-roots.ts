/**
 * Every shadow root in the document, open or closed, nested ones too (DOM §4.2.2 shadow trees), found through
 * the prototype's getter and the extension's own DOM API (own-click.ts anyRoot: Firefox content scripts'
 * `openOrClosedShadowRoot`, Chromium's `chrome.dom`), never through anything the page can set. A popover or
 * modal dialog inside one is in the top layer like the document's (CSS Position 4 §3), but neither the
 * document's `:popover-open` nor its listeners see it: `beforetoggle` is not composed (HTML §6.12), so it
 * stops at its root. top-layer.ts looks inside these roots where the browser cannot tell what covers its UI.
 * It reads every element: in a Firefox content script about 7 µs each through anyRoot, 3.5 µs with Firefox's property
 * alone (20,000 elements: median 144 ms, then 69 ms; 60,000 and 600 closed roots: 199 ms; firefox-esr 153 on a
 * loaded 2-core machine, attack32), so top-layer.ts spaces the walks by what the last one took.
 */
import { anyRoot } from './own-click.ts';

/** A bound on the roots kept: a page making more only makes the walk stop (what is found is still seen). */
export const MAX_ROOTS = 2000;

/** Firefox content scripts' own property (Xray: a page cannot define it), open and closed roots in one read; else anyRoot. */
function reader(): (el: Element) => ShadowRoot | null {
  if (!('openOrClosedShadowRoot' in document.documentElement)) return anyRoot;
  return (el) => {
    const root = (el as { openOrClosedShadowRoot?: unknown }).openOrClosedShadowRoot;
    return root && root instanceof ShadowRoot ? root : null;
  };
}

/** The document's shadow roots, in tree order of their hosts, each nested one after its host's root; `skip`'s (Lanyard's own) left out. */
export function shadowRoots(skip: Element): ShadowRoot[] {
  const rootOf = reader();
  const roots: ShadowRoot[] = [];
  const scopes: (Document | ShadowRoot)[] = [document];
  for (let i = 0; i < scopes.length && roots.length < MAX_ROOTS; i++) {
    for (const el of scopes[i]!.querySelectorAll('*')) {
      if (el === skip) continue;
      const root = rootOf(el);
      if (root) (roots.push(root), scopes.push(root));
      // Within one scope too: top-layer.ts asks each root for its open popovers at every look.
      if (roots.length >= MAX_ROOTS) break;
    }
  }
  return roots;
}
