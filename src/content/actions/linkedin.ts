/**
 * What LinkedIn's buttons do once pressed (loaded on demand: ui-linkedin.ts): the picker, then
 * the add-to-profile link, the certification form filled, or a post's sentence and link.
 */
import { ask } from '../messages.ts';
import { errorWords, tx } from '../i18n.ts';
import { isAddToProfileUrl, modal } from '../sites/linkedin.ts';
import { closest } from '../sites/selectors.ts';
import { insertText } from '../dom/insert.ts';
import { httpUrl } from '../dom/sanitize.ts';
import { openPicker } from '../ui/picker.ts';
import type { LinkedInUi } from '../ui-api.ts';
import { fillCertificationForm } from './linkedin-form.ts';

/** Where a chosen badge sends the tab (a seam for tests: jsdom cannot navigate). */
export const navigate = { to: (url: string) => location.assign(url) };

/** The sentence, then the link unless the sentence has it already. */
export function postText(text: string, url: string | undefined): string {
  const link = url ? httpUrl(url) : null;
  const t = text.trim();
  return link && !t.includes(link) ? `${t} ${link}` : t;
}

export const linkedinUi: LinkedInUi = {
  addToProfile: ({ anchor, signal }) =>
    void openPicker({
      signal,
      anchor,
      title: tx('contentPickerTitleProfile'),
      async onPick(badge) {
        const r = await ask('picker/linkedin-url', { key: badge.key });
        if (!r.ok) return errorWords(r.error);
        if (!isAddToProfileUrl(r.value.url)) return tx('contentPickerRefusedLink');
        navigate.to(r.value.url);
      },
    }),
  // The certification form and the post composer may be modals that keep the focus inside: the picker mounts in them.
  fillForm: ({ anchor, signal }) =>
    void openPicker({ signal, anchor, container: closest(anchor, modal), title: tx('contentPickerTitleFill'), onPick: async (badge) => fillCertificationForm(document, badge) }),
  share: ({ anchor, signal, editor, range }) =>
    void openPicker({
      signal,
      anchor,
      container: closest(anchor, modal),
      title: tx('contentPickerTitleShare'),
      async onPick(badge) {
        const r = await ask('picker/card', { key: badge.key, linkedIn: true });
        if (!r.ok) return errorWords(r.error);
        // LinkedIn re-renders its bubbles and composer: the editor the button was for may be gone (as mail.ts).
        if (!editor.isConnected) return tx('contentPickerMessageClosed');
        insertText(editor, range, postText(r.value.text, r.value.url));
      },
    }),
};
