/**
 * What Lanyard knows of Gmail (mail.google.com). Structure from the real 2020 compose dialog in
 * ../shared/reference/pages/ and from public extensions' selectors (InboxSDK, gmail.js,
 * mailvelope); tested in test/content/sites/gmail.test.ts.
 */
import type { ComposeSite } from './compose.ts';
import { byLabel, type Labels } from './selectors.ts';

export function isGmail(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'mail.google.com' && /^\/mail(\/|$)/.test(url.pathname);
}

/**
 * "Message Body": also carried by a hidden <textarea>, so it is only used with role and contenteditable.
 * Japanese "メッセージ本文" and "送信" as public Gmail extensions read them (code index files 5068567875,
 * 37193873211).
 */
const body: Labels = { en: 'Message Body', fr: 'Corps du message', de: 'Nachrichtentext', es: 'Cuerpo del mensaje', ja: 'メッセージ本文' };
/** The send button's label is followed by its shortcut between bidi marks: "Send ‪(Ctrl-Enter)‬". */
const send: Labels = { en: 'Send', fr: 'Envoyer', de: 'Senden', es: 'Enviar', ja: '送信' };

export const gmail: ComposeSite = {
  id: 'gmail',
  matches: isGmail,
  body: [
    'div[g_editable="true"][contenteditable="true"][role="textbox"]',
    ...byLabel('div[role="textbox"][contenteditable="true"][aria-label^=$]', body),
    'div.Am.Al.editable[contenteditable="true"]',
    'div.Am[contenteditable="true"]',
  ],
  // div.M9 holds a new message, an inline reply and a pop-out alike; td.I5 is the older reply cell.
  root: ['div.M9', 'td.I5', '[role="dialog"]'],
  send: [...byLabel('[role="button"][aria-label^=$]', send), 'div.T-I.aoO', '.gU.Up [role="button"]'],
  // The send bar: table.IZ[role=group] > tr.btC > td.gU.Up (send) + td.oc (formatting)…
  row: ['table[role="group"] tr.btC', 'tr.btC'],
};
