// @vitest-environment jsdom
/**
 * A badge whose public link is on a local or private network (a dev issuer on localhost, a backpack
 * on 192.168.x.x or a `.corp` / `.internal` host: core/verify/private-address.ts): LinkedIn's readers
 * and most of a mail's cannot open it. The share screen says so under the link, as it says of a link
 * that is only the badge's id (shareLinkUnconfirmed); a link on the public internet gets no such note.
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { BadgeDetail } from '../../src/messaging/views.ts';
import { shareContent } from '../../src/popup/share/share-content.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { mockSettings } from '../../src/popup/mock-data.ts';
import ShareScreen from '../../src/popup/share/ShareScreen.tsx';
import { renderWithEnv, t } from './render.tsx';

afterEach(cleanup);

const NOTE = /This link is on a local or private network/;
const badge = { key: 'local|l', accountId: 'local', name: 'First Aid', issuerName: 'Red Cross', tags: [], format: 'ob2.0-hosted', verdict: 'valid', recipient: null, pending: false, evidence: [], alignments: [], claimedRecipients: [], checks: [] } as unknown as BadgeDetail;

describe('a link on a local or private network', () => {
  it('is flagged for each such host, not for a public one', () => {
    for (const publicUrl of ['http://localhost:8000/public/assertions/a', 'http://192.168.1.20/public/assertions/a', 'https://badges.acme.corp/a/1', 'http://[::1]/a', 'https://badgr/a']) {
      expect(shareContent({ ...badge, publicUrl }, undefined, t, 'en').linkPrivate, publicUrl).toBe(true);
    }
    expect(shareContent({ ...badge, publicUrl: 'https://api.badgr.io/public/assertions/a' }, undefined, t, 'en').linkPrivate).toBe(false);
    expect(shareContent({ ...badge }, undefined, t, 'en').linkPrivate).toBe(false);
  });

  it('the share screen says so under the link, which is still there to copy', async () => {
    const actions = createMockActions();
    const local = { ...badge, key: 'local|private', publicUrl: 'http://192.168.1.20/public/assertions/a' };
    actions.getBadge = async (key: string) => ({ ok: true, value: key === local.key ? local : { ...badge, publicUrl: 'https://api.badgr.io/public/assertions/a' } }) as never;
    renderWithEnv(<ShareScreen badgeKey={local.key} settings={mockSettings()} onEditOrgIds={() => {}} />, actions);
    expect(await screen.findByText(NOTE)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeTruthy();
    cleanup();
    renderWithEnv(<ShareScreen badgeKey="local|public" settings={mockSettings()} onEditOrgIds={() => {}} />, actions);
    await screen.findByRole('button', { name: 'Copy link' });
    expect(screen.queryByText(NOTE)).toBeNull();
  });

  it('is given to LinkedIn neither as the Credential URL nor as a post, and the LinkedIn panel says why (core/share/linkedin.ts linkedInLink)', async () => {
    const local = { ...badge, publicUrl: 'http://192.168.1.20/public/assertions/a' };
    const c = shareContent(local, undefined, t, 'en');
    expect(c.post).toBeUndefined();
    expect(new URL(c.addToProfile).searchParams.get('certUrl')).toBeNull();
    expect(c.link).toBe(local.publicUrl);
    const actions = createMockActions();
    actions.getBadge = async () => ({ ok: true, value: local }) as never;
    renderWithEnv(<ShareScreen badgeKey="local|l" settings={mockSettings()} onEditOrgIds={() => {}} />, actions);
    const add = await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    expect(screen.queryByRole('link', { name: 'Post on LinkedIn' })).toBeNull();
    const panel = add.closest('section')!;
    expect(panel.textContent).toContain(t('shareLinkedInPrivate'));
    const heard = (add.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent).join(' ');
    expect(heard).toContain(t('shareLinkedInPrivate'));
    cleanup();
    // A public link: posted, and no such sentence.
    actions.getBadge = async () => ({ ok: true, value: { ...badge, publicUrl: 'https://api.badgr.io/public/assertions/a' } }) as never;
    renderWithEnv(<ShareScreen badgeKey="local|p" settings={mockSettings()} onEditOrgIds={() => {}} />, actions);
    expect(await screen.findByRole('link', { name: 'Post on LinkedIn' })).toBeTruthy();
    expect(document.body.textContent).not.toContain(t('shareLinkedInPrivate'));
  });

  it('is heard at each control that hands the link on (LinkedIn, Copy link, the card, the e-mail)', async () => {
    const actions = createMockActions();
    const local = { ...badge, publicUrl: 'http://192.168.1.20/public/assertions/a' };
    actions.getBadge = async () => ({ ok: true, value: local }) as never;
    renderWithEnv(<ShareScreen badgeKey="local|l" settings={mockSettings()} onEditOrgIds={() => {}} />, actions);
    await screen.findByRole('button', { name: 'Copy link' });
    const heard = (el: Element) => (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? `missing #${id}`).join(' ');
    for (const [role, name] of [['link', 'Add to LinkedIn profile'], ['button', 'Copy link'], ['button', 'Copy for e-mail'], ['button', 'Copy text'], ['link', 'Send by e-mail']] as const) {
      expect(heard(screen.getByRole(role, { name })), name).toMatch(NOTE);
    }
    // The downloads hand on the file, not the link: not described by it.
    expect(heard(screen.getByRole('button', { name: 'Badge data (JSON)' }))).toBe('');
  });
});
