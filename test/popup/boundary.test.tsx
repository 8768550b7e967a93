// @vitest-environment jsdom
/** The popup's error boundary in place (issue 12 point 11): a screen that throws while rendering leaves a way back. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from './render.tsx';

// The verification panel of the badge page throws, as a renderer that meets a field it did not expect would.
vi.mock('../../src/popup/badge/VerificationPanel.tsx', () => ({
  VerificationPanel: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'outcome')");
  },
}));

afterEach(cleanup);

describe('the popup error boundary', () => {
  it('a badge page that throws says what failed, keeps the header, and Back returns to the list', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderApp();
    fireEvent.click(await screen.findByText('Web Accessibility Fundamentals'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain("showing the badge screen: TypeError: Cannot read properties of undefined (reading 'outcome')"));
    expect(screen.getByRole('banner')).toBeTruthy();
    const backs = screen.getAllByRole('button', { name: 'Back' });
    fireEvent.click(backs[backs.length - 1] as HTMLElement);
    expect(await screen.findByText('Web Accessibility Fundamentals')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    spy.mockRestore();
  });
});
