// @vitest-environment jsdom
/**
 * The list shows its focus and the active row's bar once arrows are used in it, not only when the
 * browser calls the focus "visible": Firefox keeps :focus-visible off for a list focused by the
 * popup's script after a click (Back from a badge) even while the user then moves with the arrow
 * keys, where Chromium turns it on at the first key (test/browser/firefox-popup.test.ts shows it
 * in Firefox). The list marks keyboard use itself (`data-keys`), and a pointer press clears it.
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { popupStylesheet, renderApp } from './render.tsx';

afterEach(cleanup);

describe('the list marks keyboard use', () => {
  it('an arrow key sets data-keys on the listbox; a pointer press clears it', async () => {
    renderApp();
    const list = await screen.findByRole('listbox', { name: 'Your badges' });
    list.focus();
    expect(list.hasAttribute('data-keys')).toBe(false);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toBe('badge-row-1');
    expect(list.hasAttribute('data-keys')).toBe(true);
    fireEvent.pointerDown(list);
    expect(list.hasAttribute('data-keys')).toBe(false);
    fireEvent.keyDown(list, { key: 'End' });
    expect(list.hasAttribute('data-keys')).toBe(true);
  });

  it('the stylesheet draws the focus ring and the active row’s bar for a focused list marked so', () => {
    const css = popupStylesheet();
    expect(css).toMatch(/\.list-viewport\[data-keys\]:focus[^{]*\{[^}]*outline: 2px solid var\(--focus\)/);
    expect(css).toMatch(/\.list-viewport\[data-keys\]:focus \.badge-row\.active[^{]*\{[^}]*box-shadow: inset 3px 0 0 var\(--focus\)/);
  });
});
