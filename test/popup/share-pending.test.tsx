// @vitest-environment jsdom
/**
 * A pending badge (issued to an address the backpack has not confirmed: badge-record.ts assess) is
 * private at the backpack until then: Badgr's public assertion URL answers 404 while the assertion is
 * pending. The share screen said only the generic "could not complete every check"; it now says the
 * link will not open for others until the address is confirmed at the backpack.
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { mockSettings } from '../../src/popup/mock-data.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import ShareScreen from '../../src/popup/share/ShareScreen.tsx';
import { shareWarning } from '../../src/popup/share/share-content.ts';
import { createTranslator } from '../../src/popup/i18n.ts';
import { renderWithEnv } from './render.tsx';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';

afterEach(cleanup);

const t = createTranslator(en);
const PENDING = en.shareWarnPending.message;
const recipientPending = { id: 'recipient' as const, outcome: 'indeterminate' as const, message: 'Issued to ada@old-school.example, an address of yours that is not verified yet: verify it to claim this badge' };
const revoked = { id: 'revocation' as const, outcome: 'fail' as const, message: 'Revoked', code: 'ERR_REVOKED' as const };
const unreached = { id: 'hosted' as const, outcome: 'indeterminate' as const, message: 'answered 503', code: 'ERR_HTTP_STATUS' as const };

describe('sharing a pending badge', () => {
  it('says its link will not open for others until the address is confirmed at the backpack, instead of the generic warning', () => {
    expect(PENDING).toMatch(/link will not open for others/);
    expect(shareWarning({ verdict: 'indeterminate', checks: [recipientPending], pending: true }, t)).toEqual({ kind: 'info', text: PENDING });
    expect(shareWarning({ verdict: 'valid', checks: [], pending: true }, t)).toEqual({ kind: 'info', text: PENDING });
    expect(shareWarning({ verdict: 'indeterminate', checks: [recipientPending], pending: true }, createTranslator(fr))?.text).toBe(fr.shareWarnPending.message);
  });

  it('keeps a warning that is about something else, and adds the pending sentence after it', () => {
    const invalid = shareWarning({ verdict: 'invalid', checks: [revoked, recipientPending], pending: true }, t);
    expect(invalid?.kind).toBe('error');
    expect(invalid?.text).toMatch(/^This badge did not pass verification\. The issuer has withdrawn \(revoked\) this badge\..* harm than good\. /);
    expect(invalid?.text.endsWith(PENDING)).toBe(true);
    const other = shareWarning({ verdict: 'indeterminate', checks: [unreached, recipientPending], pending: true }, t);
    expect(other?.text).toMatch(/^Lanyard could not complete every check of this badge\./);
    expect(other?.text.endsWith(PENDING)).toBe(true);
    expect(shareWarning({ verdict: 'unverified', checks: [], pending: true }, t)?.text).toBe(`${en.shareWarnUnverified.message} ${PENDING}`);
  });

  it('says nothing of it for a badge that is not pending', () => {
    expect(shareWarning({ verdict: 'indeterminate', checks: [recipientPending], pending: false }, t)?.text).not.toContain(PENDING);
    expect(shareWarning({ verdict: 'valid', checks: [] }, t)).toBeUndefined();
  });

  it('the share screen of a pending badge shows it', async () => {
    renderWithEnv(<ShareScreen badgeKey="badgr-us:Py7pending" settings={mockSettings()} onEditOrgIds={() => {}} />, createMockActions());
    await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    expect(document.getElementById('share-warning')?.textContent).toContain(PENDING);
  });
});
