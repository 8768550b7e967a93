/**
 * What Lanyard knows of LinkedIn's post composer and messaging editors, as data. Imported as one namespace,
 * `composer` (sites/linkedin.ts), so that a bundle keeps only the values it reads, under short names. Fixtures and
 * tests: test/content/sites/linkedin.test.ts.
 */
import { byLabel, selectors, type Selectors } from './selectors.ts';

/** The late-2026 post editor (composer.post below). */
const SHARE_BOX_EDITOR = '[componentkey="ShareBox_textEditor"][contenteditable="true"]';
/**
 * The messaging editor, in the overlay's conversation bubbles and on /messaging/: div.msg-form__contenteditable in
 * form.msg-form, whatever the UI language (public automation, AI-reply extensions and an MCP server type into it,
 * 2024-2026; test/fixtures/pages/linkedin-messaging-overlay.html).
 */
const MESSAGE_EDITOR = '.msg-form__contenteditable[contenteditable="true"]';

/**
 * The server-driven composer (late 2026, at /sharing/compose, in a native <dialog>): a Tiptap editor keyed
 * componentkey="ShareBox_textEditor", the one language-independent mark of the post editor (public posters,
 * a crossposter and a formatting extension, 2026-08 to 10; test/fixtures/pages/linkedin-sharing-compose-sdui-2026.html).
 * A post editor whatever else it is: `notIn` does not apply to it, nor to the messaging editor.
 */
export const post = [SHARE_BOX_EDITOR, MESSAGE_EDITOR].join();
/** Searched beside `editor` (not one of its fallbacks): a conversation may be open beside the post composer. */
export const message: Selectors = [MESSAGE_EDITOR];
export const editor = selectors(
  SHARE_BOX_EDITOR,
  '.share-creation-state__text-editor [contenteditable="true"]',
  byLabel('[role="textbox"][contenteditable="true"][aria-label^=$]', {
    en: 'Text editor for creating content',
    fr: 'Éditeur de texte pour créer du contenu',
    de: 'Texteditor zum Erstellen von Inhalten',
    es: 'Editor de texto para crear contenido',
  }),
  '.share-box [contenteditable="true"]',
);
/**
 * Comment boxes share the editor and its label: never decorate them. The 2026 comment box is a
 * Tiptap (ProseMirror) editor without the old classes; the post composer is still Quill.
 */
export const notIn: Selectors = ['.comments-comment-box', '.comments-comment-texteditor', '.comments-comment-box__form', '.tiptap', '.ProseMirror'];
/** A closed <dialog> LinkedIn keeps in the page: its editor is no composer to decorate. */
export const closed: Selectors = ['dialog:not([open])'];
export const root: Selectors = ['.share-creation-state', '.share-box', '[data-sdui-screen*="sharing.ShareCompose"]', '.msg-form', '[role="dialog"]', 'dialog'];
/** The footer's row of actions (add media, event…; a message's attach, GIF, emoji), else the button goes after the editor's box. */
export const slot: Selectors = ['.share-creation-state__footer', '.share-box_actions', '.share-creation-state__detour-btn-container', '.msg-form__left-actions'];
/**
 * Slots whose last child is the primary action (the composer footer's Post, or the div holding it and the schedule
 * clock): the button goes before it, beside the other actions, not past Post at the modal's edge and last in its Tab
 * order. Public code reads the footer so: ".share-creation-state__footer > div" as the submit, "… button:first-child"
 * as add media, and an extension inserts its own icon before the footer's lastElementChild (code index files
 * 60326477071, 52575480730, 40796266503).
 */
export const beforeLast = '.share-creation-state__footer';
