// @vitest-environment jsdom
/** The content scripts' words (src/content/i18n.ts): the extension's messages, read safely from the world. */
import { afterEach, describe, expect, it } from 'vitest';
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import { errorWords, tx, uiLanguage } from '../../src/content/i18n.ts';
import type { Messages } from '../../src/popup/i18n.ts';
import { installRuntime, type FakeRuntime } from './support/runtime.ts';

let rt: FakeRuntime | undefined;
afterEach(() => {
  rt?.restore();
  rt = undefined;
  delete (Object.getPrototypeOf(globalThis) as Record<string, unknown>).chrome;
});

describe('content i18n', () => {
  it('answers from the extension’s messages in the browser’s language, with substitutions', () => {
    rt = installRuntime({}, fr as Messages);
    expect(tx('contentButtonInsertBadge')).toBe('Insérer un badge');
    expect(tx('contentNoAccess', 'issuer.example')).toBe('Lanyard n’a pas encore accès à issuer.example.');
    expect(uiLanguage()).toBe('fr');
  });

  it('shows the key, never a page element’s text, when there is no extension namespace (a clobbered chrome.i18n)', () => {
    const form = document.createElement('form');
    form.id = 'chrome';
    const input = Object.assign(document.createElement('input'), { name: 'i18n', value: 'pwned' });
    form.append(input);
    document.body.append(form);
    // Where Chromium puts named properties: on the global's prototype chain (world.ts).
    Object.defineProperty(Object.getPrototypeOf(globalThis), 'chrome', { value: Object.assign(form, { i18n: input }), configurable: true });
    expect(tx('contentButtonInsertBadge')).toBe('contentButtonInsertBadge');
    form.remove();
  });

  it('says reply errors by code, and keeps the background’s message for the others', () => {
    rt = installRuntime();
    expect(errorWords({ code: 'ERR_NOT_FOUND', message: 'This badge is no longer in Lanyard' })).toBe('This badge is no longer in Lanyard.');
    expect(errorWords({ code: 'ERR_TRANSPORT', message: 'Extension context invalidated.' })).toBe('Lanyard did not answer: reload the page, then try again.');
    expect(errorWords({ code: 'ERR_DISABLED', message: 'Hover verification is off' })).toBe('Hover verification is off');
  });
});
