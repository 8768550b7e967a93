// @vitest-environment jsdom
/**
 * The list's Filters button is a disclosure (WAI-ARIA APG, Disclosure pattern): aria-expanded says
 * whether its panel is open and aria-controls names the panel while it is there (shut, it named an
 * id no element had), and it shows its state: open, it looks pressed (a filled face and a chevron
 * turned down, as the Details toggles draw theirs: styles/controls.css); shut, neither.
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadPopupStyles, renderApp } from './render.tsx';

beforeAll(loadPopupStyles);
afterEach(cleanup);

describe('the Filters button', () => {
  it('says and shows whether its panel is open', async () => {
    renderApp();
    await screen.findByRole('listbox');
    const button = screen.getByRole('button', { name: 'Filters' });
    // jsdom does not resolve var(): the pressed face is read by its inset shadow.
    const shutLook = getComputedStyle(button).boxShadow;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    // Shut, there is no panel: aria-controls must not name an element that is not there.
    const shutControls = button.getAttribute('aria-controls');
    if (shutControls !== null) expect(document.getElementById(shutControls)).not.toBeNull();

    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = document.getElementById(button.getAttribute('aria-controls') ?? '');
    expect(panel).not.toBeNull();
    expect(panel!.contains(screen.getByRole('combobox', { name: 'Verification' }))).toBe(true);
    expect(getComputedStyle(button).boxShadow).not.toBe(shutLook);

    fireEvent.keyDown(button, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(getComputedStyle(button).boxShadow).toBe(shutLook);
  });
});
