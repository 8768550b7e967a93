/**
 * LinkedIn's post composer and messaging editors (overlay bubbles, /messaging/): a "Share a badge" button. Pressing it loads the picker (on-demand.ts);
 * the chosen badge's sentence and link go in at the caret, as plain text (LinkedIn makes the link
 * a preview itself; actions/linkedin.ts). Since 2026 the composer may live in an open shadow root
 * (sites/linkedin.ts `shadowHosts`): it is watched and searched too.
 */
import type { Feature } from '../loader.ts';
import { withUi } from '../on-demand.ts';
import { observeRoot, onDomChange } from '../observer.ts';
import { isComposerPage, shadowHosts } from '../sites/linkedin.ts';
import { openRoots } from '../sites/selectors.ts';
import { composerEditors, composerSlot } from '../sites/linkedin-find.ts';
import { trackCaret } from '../dom/caret.ts';
import { put, takeOut } from '../dom/put.ts';
import { pressInShadow } from '../dom/shadow-press.ts';
import { makeButton, onButton } from '../ui/button.ts';
import { tx } from '../i18n.ts';

const KIND = 'linkedin-share-badge';

export const linkedinComposer: Feature = {
  id: KIND,
  matches: isComposerPage,
  init(signal) {
    const added = new Map<HTMLElement, Element[]>();
    const editorOf = new WeakMap<HTMLElement, HTMLElement>();
    const caret = trackCaret((n) => [...added.keys()].find((e) => e.contains(n)) ?? null, signal);
    const press = (anchor: HTMLElement) => {
      const editor = editorOf.get(anchor);
      if (!editor) return;
      // Saved now, before the picker takes the focus.
      const range = caret.rangeIn(editor);
      void withUi('linkedin', signal, (ui) => ui.share({ anchor, signal, editor, range }));
    };
    onDomChange(() => {
      for (const root of openRoots(document, shadowHosts)) if (root instanceof ShadowRoot) observeRoot(root);
      const editors = composerEditors(document);
      // A composer that closed (its editor gone, or kept in a closed dialog) or a button the page re-rendered away.
      for (const [editor, nodes] of added) {
        if (editors.includes(editor) && nodes[0]?.isConnected) continue;
        takeOut(nodes);
        added.delete(editor);
      }
      for (const editor of editors) {
        if (added.has(editor)) continue;
        const host = makeButton(KIND, tx('contentButtonShareBadge'));
        editorOf.set(host, editor);
        added.set(editor, put(composerSlot(editor), host));
        pressInShadow(host, press, signal);
      }
    }, signal);
    onButton(KIND, press, signal);
    signal.addEventListener('abort', () => added.forEach(takeOut));
  },
};
