/**
 * What "Insert badge" does once pressed (loaded on demand: ui-mail.ts): the picker, then the
 * badge's card, sanitised, where the caret was before the picker opened (or, in a plain-text
 * message, its sentence and link: dom/paste.ts); the editor is told so it saves the draft.
 */
import { ask } from '../messages.ts';
import { errorWords, tx } from '../i18n.ts';
import { insertCard } from '../dom/insert.ts';
import { sanitizeCard } from '../dom/sanitize.ts';
import { openPicker } from '../ui/picker.ts';
import type { MailUi } from '../ui-api.ts';

export const mailUi: MailUi = {
  insertCard: ({ anchor, signal, editor, range }) =>
    void openPicker({
      signal,
      anchor,
      title: tx('contentPickerTitleInsert'),
      async onPick(badge) {
        const r = await ask('picker/card', { key: badge.key });
        if (!r.ok) return errorWords(r.error);
        if (!editor.isConnected) return tx('contentPickerMessageClosed');
        insertCard(editor, range, sanitizeCard(r.value.html), r.value.text);
      },
    }),
};
