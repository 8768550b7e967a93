/**
 * LinkedIn's post composer: a "Share a badge" button that inserts the badge's sentence and its
 * link at the caret, as plain text (LinkedIn makes the link a preview itself).
 */
import type { Feature } from '../loader.ts';
import { ask } from '../messages.ts';
import { onDomChange } from '../observer.ts';
import { isComposerPage, modal } from '../sites/linkedin.ts';
import { closest } from '../sites/selectors.ts';
import { composerEditors, composerSlot } from '../sites/linkedin-find.ts';
import { trackCaret } from '../dom/caret.ts';
import { insertText } from '../dom/insert.ts';
import { put, takeOut } from '../dom/put.ts';
import { httpUrl } from '../dom/sanitize.ts';
import { makeButton, onButton } from '../ui/button.ts';
import { openPicker } from '../ui/picker.ts';

const KIND = 'linkedin-share-badge';

/** The sentence, then the link unless the sentence has it already. */
export function postText(text: string, url: string | undefined): string {
  const link = url ? httpUrl(url) : null;
  const t = text.trim();
  return link && !t.includes(link) ? `${t} ${link}` : t;
}

export const linkedinComposer: Feature = {
  id: 'linkedin-share-badge',
  matches: isComposerPage,
  init(signal) {
    const added = new Map<HTMLElement, Element[]>();
    const editorOf = new WeakMap<HTMLElement, HTMLElement>();
    const caret = trackCaret((n) => [...added.keys()].find((e) => e.contains(n)) ?? null, signal);
    onDomChange(() => {
      for (const [editor, nodes] of added) {
        if (editor.isConnected && nodes[0]?.isConnected) continue;
        takeOut(nodes);
        added.delete(editor);
      }
      for (const editor of composerEditors(document)) {
        if (added.has(editor)) continue;
        const host = makeButton(KIND, 'Share a badge');
        editorOf.set(host, editor);
        added.set(editor, put(composerSlot(editor), host));
      }
    }, signal);
    onButton(KIND, (host) => {
      const editor = editorOf.get(host);
      if (!editor) return;
      const range = caret.rangeIn(editor)?.cloneRange() ?? null;
      openPicker({
        signal,
        anchor: host,
        container: closest(host, modal),
        title: 'Share a badge',
        async onPick(badge) {
          const r = await ask('picker/card', { key: badge.key });
          if (!r.ok) return r.error.message;
          insertText(editor, range, postText(r.value.text, r.value.url));
        },
      });
    }, signal);
    signal.addEventListener('abort', () => added.forEach(takeOut), { once: true });
  },
};
