// @vitest-environment jsdom
/**
 * The share screen's warning (core/share/warning.ts) is heard where the badge is handed on: each
 * control that shares it (LinkedIn, the link, the card, the text, the e-mail) is described by it
 * (aria-describedby). A warning shown as the screen opens is not always read (a status note that
 * is there from the start is not announced), and whoever tabs to "Add to LinkedIn profile" of a
 * revoked badge must hear that it is revoked at the button.
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mockSettings } from '../../src/popup/mock-data.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import ShareScreen from '../../src/popup/share/ShareScreen.tsx';
import { renderWithEnv } from './render.tsx';

afterEach(cleanup);

const open = (key: string) => renderWithEnv(<ShareScreen badgeKey={key} settings={mockSettings()} onEditOrgIds={() => {}} />, createMockActions());

const SHARING: [role: 'link' | 'button', name: string][] = [
  ['link', 'Add to LinkedIn profile'],
  ['link', 'Post on LinkedIn'],
  ['button', 'Copy link'],
  ['button', 'Copy for e-mail'],
  ['button', 'Copy embed HTML'],
  ['button', 'Copy text'],
  ['link', 'Send by e-mail'],
];

/** The text of the elements aria-describedby names. */
const description = (el: Element): string =>
  (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? `#${id} missing`).join(' ');

describe('the share warning at each sharing control', () => {
  it('describes every control that shares a revoked badge, and one not fully checked', async () => {
    for (const [key, said] of [['badgr-us:Dp0revoked', /^This badge did not pass verification\. The issuer has withdrawn \(revoked\) this badge\./], ['ob3-academy:urn-c2', /^Lanyard could not complete every check of this badge\./]] as const) {
      open(key);
      await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
      for (const [role, name] of SHARING) {
        const control = screen.queryByRole(role, { name });
        if (!control) continue; // a badge without a public link has no Post or Copy link
        expect(description(control), `${key}: ${name}`).toMatch(said);
      }
      expect(description(screen.getByRole('link', { name: 'Add to LinkedIn profile' }))).toMatch(said);
      cleanup();
    }
  });

  it('describes nothing for a badge that verified', async () => {
    open('badgr-us:aB3dE5fG7h');
    await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    for (const [role, name] of SHARING) expect(screen.getByRole(role, { name }).getAttribute('aria-describedby'), name).toBeNull();
  });
});
