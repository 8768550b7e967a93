/// <reference types="vite/client" />
/**
 * The popup's entry: binds the real actions to runtime messaging and the browser, and mounts the
 * app. `index.html?preview=1[&n=1000][&scenario=first-run|empty|broken][&lang=fr][&world][&unlisted]` mounts it over
 * the mock actions instead (screenshots, the benchmark, design work); that code loads only then.
 */
import { render } from 'preact';
import { createSend } from '../messaging/send.ts';
import { guards } from '../messaging/validate.ts';
import { sendPageMessage } from '../platform/page-api.ts';
import { createActions, FILES_SCREENS } from './actions.ts';
import { App } from './App.tsx';
import { createBrowserPlatform, getMessage, pageDrafts, readerLanguages, recallView, rememberView, uiLanguage } from './browser-platform.ts';
import { earlyTransport, repliesOrTimeout, takeEarly } from './early.ts';
import { browserTranslator } from './i18n.ts';
import css from './styles.css?inline';

// The stylesheet comes inside this script rather than as its own file: one fetch fewer from the
// extension while the popup opens, and the script runs without waiting for a stylesheet to load.
const style = document.createElement('style');
style.textContent = css;
document.head.append(style);

const root = document.getElementById('app');
if (!root) throw new Error('popup: #app is missing from index.html');
const params = new URLSearchParams(location.search);
/** How long the first render waits for the early replies before it shows the loading skeleton. */
const FIRST_REPLIES_WAIT_MS = 60;

if (params.has('preview')) {
  void import('./preview.ts').then(({ startPreview }) => startPreview(root, params));
} else {
  const t = browserTranslator(getMessage);
  const locale = uiLanguage();
  document.documentElement.lang = locale;
  const languages = readerLanguages();
  // The first messages' replies may be on their way already (public/popup/boot.js, early.ts):
  // the first render waits a little for them (repliesOrTimeout says why).
  const early = takeEarly();
  // Opened in a tab to pick files (Firefox's panel closes at a file picker: browser-platform.ts).
  const start = FILES_SCREENS.find((s) => s === params.get('open'));
  const send = createSend(earlyTransport(sendPageMessage, early), guards.popup);
  // Where the popup was when it last closed, less than ten minutes ago (resume.ts).
  const resume = recallView(Date.now());
  // What was typed in "Add a badge" and the sign-in forms, never a password (drafts.ts).
  const drafts = pageDrafts(Date.now);
  void repliesOrTimeout(early, FIRST_REPLIES_WAIT_MS).then(() => render(<App actions={createActions(send, createBrowserPlatform())} t={t} locale={locale} languages={languages} start={start} resume={resume} remember={rememberView} drafts={drafts} />, root));
}
