// @vitest-environment jsdom
/**
 * A badge that did not pass verification (forged, revoked, expired: core/share/warning.ts level
 * `invalid`) is not pushed to LinkedIn: its share screen showed "Add to LinkedIn profile" as the
 * screen's main (primary) button, as for a valid badge. Now it is an ordinary button, and the LinkedIn
 * panel says why, heard at the button too; the verdict stays shown above. A valid badge, and one that
 * could not be fully checked (indeterminate: never called forged), keep it as the main button.
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mockSettings } from '../../src/popup/mock-data.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import ShareScreen from '../../src/popup/share/ShareScreen.tsx';
import { renderWithEnv } from './render.tsx';

afterEach(cleanup);

const open = (key: string) => renderWithEnv(<ShareScreen badgeKey={key} settings={mockSettings()} onEditOrgIds={() => {}} />, createMockActions());
const describedBy = (el: Element): string =>
  (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');

describe('LinkedIn for a badge that is not valid', () => {
  it.each([['revoked', 'badgr-us:Dp0revoked'], ['expired', 'badgr-us:Fa1d2021xx']])('%s: "Add to LinkedIn profile" is not the main button, and says why', async (_, key) => {
    open(key);
    const add = await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    expect(add.classList.contains('primary')).toBe(false);
    const why = screen.getByText(/did not pass verification.*LinkedIn/i);
    expect(why.closest('section')?.getAttribute('aria-labelledby')).toBe('linkedin-title');
    expect(describedBy(add)).toContain(why.textContent!);
    // The verdict is still shown.
    expect(screen.getByText(/^This badge did not pass verification\./)).toBeTruthy();
  });

  it('an indeterminate badge keeps it as the main button', async () => {
    open('ob3-academy:urn-c2');
    const add = await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    expect(add.classList.contains('primary')).toBe(true);
    expect(screen.queryByText(/did not pass verification.*LinkedIn/i)).toBeNull();
  });
});
