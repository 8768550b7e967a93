/**
 * What Lanyard knows of Outlook on the web. No real compose snapshot is public: the selectors
 * follow public extensions (roles and aria labels; hashed classes churn), and the fixture in
 * test/fixtures/pages/outlook-compose.html is written to that structure.
 */
import type { ComposeSite } from './compose.ts';
import { byLabel, type Labels } from './selectors.ts';

/** Outlook.com, Microsoft 365 (both hosts) and the newer cloud.microsoft host. */
export const OUTLOOK_HOSTS = ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com', 'outlook.cloud.microsoft'];

export function isOutlook(url: URL): boolean {
  return url.protocol === 'https:' && OUTLOOK_HOSTS.includes(url.hostname) && /^\/(mail|owa)(\/|$)/i.test(url.pathname);
}

/**
 * "Message body" (lower-case b, unlike Gmail); newer builds add ", press Alt+F10 to exit". French
 * "Corps du message" and Turkish "İleti gövdesi" / "Gönder" are read in public Outlook scripts, and
 * Japanese "メッセージ本文" in a public script that fills Outlook's Japanese compose (code index file
 * 18815977829: div[role="textbox"][aria-multiline="true"][aria-label="メッセージ本文"], beside its "件名を追加"
 * subject field).
 */
const body: Labels = { en: 'Message body', fr: 'Corps du message', de: 'Nachrichtentext', es: 'Cuerpo del mensaje', tr: 'İleti gövdesi', ja: 'メッセージ本文' };
const send: Labels = { en: 'Send', fr: 'Envoyer', de: 'Senden', es: 'Enviar', tr: 'Gönder' };

export const outlook: ComposeSite = {
  id: 'outlook',
  matches: isOutlook,
  body: [
    ...byLabel('div[role="textbox"][contenteditable="true"][aria-label^=$]', body),
    ...byLabel('[contenteditable="true"][aria-label^=$]', body),
    'div[id^="editorParent"] [contenteditable="true"]',
  ],
  root: ['[role="dialog"]', '[data-app-section="Form_Content"]', 'form'],
  send: [
    ...byLabel('button[aria-label^=$]', send),
    ...byLabel('button[title^=$]', send),
    // Language-independent: the new Outlook's send button carries a test id (public extensions key on
    // [data-testid="ComposeSendButton"]); Fluent v9 buttons no longer have ms-Button classes.
    'button[data-testid="ComposeSendButton"]',
    '[data-testid="ComposeSendButton"] button',
    // The split button's primary half by its id (a desktop wrapper's tests model the compose with it beside
    // #editorParent_1; an attribute selector, as a reply and a pop-out may both carry it).
    'button[id="splitButton-send__primaryActionButton"]',
    'button.ms-Button--primary',
  ],
};
