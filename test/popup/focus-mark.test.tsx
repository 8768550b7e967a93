// @vitest-environment jsdom
/**
 * A heading the app focuses shows it (WCAG 2.4.7 Focus Visible), found in a review of the popup:
 * Settings' Backup and LinkedIn company pages headings took focus with no mark, as the rule drew
 * it on the screens' titles alone, and :focus-visible does not match a script's focus after a
 * click (jsdom matches :focus-visible for any focus, so the rule must not need it to pass here
 * honestly: it draws on :focus). The popup's own stylesheet is loaded into the page, and the focused heading's style read.
 */
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockSettings } from '../../src/popup/mock-data.ts';
import SettingsScreen from '../../src/popup/settings/SettingsScreen.tsx';
import { loadPopupStyles, renderWithEnv } from './render.tsx';

beforeAll(loadPopupStyles);
afterEach(cleanup);

const noop = () => undefined;
const mark = (el: Element) => getComputedStyle(el).boxShadow;

describe('a heading the app focuses shows focus', () => {
  for (const [what, props, name] of [
    ['Backup', { focusBackup: true }, /backup/i],
    ['LinkedIn company pages', { focusOrgIds: true }, /LinkedIn/],
    ['the screen title', {}, 'Settings'],
  ] as const) {
    it(`Settings opened at ${what}: the focused heading has the focus mark`, async () => {
      renderWithEnv(<SettingsScreen settings={mockSettings()} issuers={[]} onChanged={noop} {...props} />);
      const heading = await screen.findByRole('heading', { name });
      await waitFor(() => expect(document.activeElement).toBe(heading));
      expect(mark(heading)).toBe('inset 3px 0 0 var(--focus)');
      // Not a mark such a heading has anyway: the others, not focused, have none.
      const others = [...document.querySelectorAll('[tabindex="-1"]')].filter((h) => h !== heading);
      expect(others.length).toBeGreaterThan(0);
      for (const other of others) expect(mark(other)).toBe('');
    });
  }
});
