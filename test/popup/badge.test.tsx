// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BadgeFacts } from '../../src/popup/badge/BadgeFacts.tsx';
import BadgeScreen from '../../src/popup/badge/BadgeScreen.tsx';
import type { BadgeDetail } from '../../src/messaging/views.ts';
import { checkSentence } from '../../src/popup/badge/check-text.ts';
import { VerificationPanel } from '../../src/popup/badge/VerificationPanel.tsx';
import { t } from './render.tsx';
import { HOSTILE_NAME } from '../../src/popup/mock-data.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { renderWithEnv, verifyingActions } from './render.tsx';

afterEach(cleanup);

const noop = () => {};
function open(key: string, actions = createMockActions()) {
  const r = renderWithEnv(<BadgeScreen badgeKey={key} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actions);
  return { ...r, actions };
}

describe('the badge page', () => {
  it('shows everything the badge says, with criteria Markdown rendered', async () => {
    open('badgr-us:aB3dE5fG7h');
    expect(await screen.findByRole('heading', { level: 2, name: 'Web Accessibility Fundamentals' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Northwind University' }).getAttribute('href')).toBe('https://northwind.example.edu/');
    const criteria = screen.getByRole('heading', { name: 'How it was earned' }).parentElement as HTMLElement;
    expect(within(criteria).getByRole('heading', { level: 4, name: 'To earn this badge' })).toBeTruthy();
    expect(within(criteria).getAllByRole('listitem')).toHaveLength(3);
    expect(within(criteria).getByText('public website').tagName).toBe('STRONG');
    expect(within(criteria).getByRole('link', { name: 'the course page' }).getAttribute('href')).toBe('https://northwind.example.edu/courses/a11y');
    expect(screen.getByText('Sep 14, 2025')).toBeTruthy();
    expect(screen.getByText('Does not expire')).toBeTruthy();
    expect(screen.getByText('ada@example.org')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'WCAG 2.2 Understanding Docs' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Audit of the city library website' }).getAttribute('href')).toBe('https://portfolio.example.org/ada/a11y-audit');
    expect(within(screen.getByRole('list', { name: 'Tags' })).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['accessibility', 'web', 'wcag']);
  });

  it('names the format in words, not by the engine\'s id', async () => {
    open('badgr-us:aB3dE5fG7h');
    const format = (await screen.findByText('Format')).nextElementSibling as HTMLElement;
    expect(format.textContent).toBe('Open Badges 2.0, hosted by the issuer');
    cleanup();
    open('ob3-academy:urn-c1');
    expect(((await screen.findByText('Format')).nextElementSibling as HTMLElement).textContent).toBe('Open Badges 3.0, signed (Data Integrity)');
    const { formatName } = await import('../../src/popup/badge/format-name.ts');
    expect(formatName(t, 'ob1.1-signed')).toBe('Open Badges 1.1, signed by the issuer');
    expect(formatName(t, 'ob3.0-jwt')).toBe('Open Badges 3.0, signed (JWT)');
    expect(formatName(t, 'hosted-url')).toBe('A link, not read yet');
    expect(formatName(t, 'unknown')).toBe('Not recognised');
    expect(formatName(t, 'blockcerts2')).toBe('Blockcerts 2.0, recorded in a blockchain');
    expect(formatName(t, 'blockcerts3')).toBe('Blockcerts 3.0, recorded in a blockchain');
  });

  it('a Blockcerts certificate says its blockchain record is what Lanyard cannot check, not that a key or a website was missing', () => {
    const c = (id: 'signature' | 'issuer-key' | 'hosted') => t(checkSentence({ id, outcome: 'indeterminate', code: 'ERR_BLOCKCHAIN_ANCHOR', message: 'MerkleProof2017' }));
    expect(c('signature')).toBe('This is a Blockcerts certificate: its signature is recorded in a blockchain, which Lanyard cannot check.');
    expect(c('issuer-key')).toBe('Only the blockchain record could tie this certificate to its issuer, and Lanyard cannot check it.');
    expect(c('hosted')).toBe("A Blockcerts certificate is confirmed by its blockchain record, not by a copy on the issuer's website.");
  });

  it('explains the verdict and each check in plain words', async () => {
    open('badgr-us:Fa1d2021xx');
    await screen.findByRole('heading', { name: 'Verification' });
    expect(screen.getByText(/did not pass verification/)).toBeTruthy();
    const validity = screen.getByText('Dates').closest('li') as HTMLElement;
    expect(within(validity).getByText('Failed')).toBeTruthy();
    expect(within(validity).getByText('The badge has expired.')).toBeTruthy();
    expect(within(validity).getByText(/ERR_EXPIRED/)).toBeTruthy();
    expect(screen.getByText('Expired', { selector: 'dt' })).toBeTruthy();
    expect(screen.getAllByRole('listitem').filter((li) => li.classList.contains('check'))).toHaveLength(8);
  });

  it('a badge that is not valid lists the check that failed first: the verdict says "the check marked Failed below says why" (seen on an expired OB 3.0 badge whose key was not confirmed)', () => {
    const checks = [
      { id: 'parse', outcome: 'pass', message: 'read' },
      { id: 'signature', outcome: 'warning', message: 'a warning' },
      { id: 'issuer-key', outcome: 'indeterminate', code: 'ERR_ISSUER_UNRESOLVED', message: 'not bound' },
      { id: 'validity', outcome: 'fail', code: 'ERR_EXPIRED', message: 'expired' },
    ];
    const detail = { key: 'local:x', accountId: 'local', name: 'Teamwork', tags: [], format: 'ob3.0-di', verdict: 'invalid', recipient: null, pending: false, evidence: [], alignments: [], checks, claimedRecipients: [] } as unknown as BadgeDetail;
    renderWithEnv(<VerificationPanel badge={detail} onReverify={noop} reverifying={false} />);
    const shown = [...document.querySelectorAll('.verification > .checks > li .outcome')].map((o) => o.textContent);
    expect(shown).toEqual(['Failed', 'Could not check', 'Note']);
  });

  it('says why a check could not be completed, not a blanket "could not check" (found on a pending Badgr badge)', () => {
    // The pending badge's public copy answers 404: the website was reached, it did not serve the badge.
    expect(t(checkSentence({ id: 'hosted', outcome: 'indeterminate', code: 'ERR_HTTP_STATUS', message: 'answered HTTP 404' }))).toBe("The issuer's website answered, but did not return this badge.");
    expect(t(checkSentence({ id: 'hosted', outcome: 'indeterminate', code: 'ERR_FETCH_FAILED', message: 'unreachable' }))).toBe("The issuer's website could not be reached to confirm the badge.");
    // Issued to an unverified address of the user's (or one only another backpack vouches for).
    expect(t(checkSentence({ id: 'recipient', outcome: 'indeterminate', message: 'Issued to ada@old-job.example, an address of yours that is not verified yet' }))).toBe('The badge was issued to an address not yet confirmed as yours.');
  });

  it('a signature left unsettled for another reason than a missing key does not say the key was missing', () => {
    // A proof that verifies but signs something Lanyard does not read, an expired proof, a suite Lanyard does not check.
    for (const code of ['ERR_UNSUPPORTED', 'ERR_EXPIRED', 'ERR_DATE_INVALID', 'ERR_UNKNOWN_CONTEXT'] as const) {
      expect(t(checkSentence({ id: 'signature', outcome: 'indeterminate', code, message: 'why' })), code).toBe('Lanyard could not settle whether the signature vouches for this badge; the technical details say why.');
    }
    expect(t(checkSentence({ id: 'signature', outcome: 'indeterminate', code: 'ERR_NO_KEY', message: 'no key' }))).toBe('Lanyard could not get the key needed to check the signature.');
  });

  it('a link not read yet claims no expiry and no recipient (seen on a pasted link whose site was out of reach)', () => {
    const skipped = [{ id: 'hosted', outcome: 'indeterminate', code: 'ERR_FETCH_FAILED', message: 'unreachable' }];
    const detail = { key: 'local:u', accountId: 'local', name: 'Badge at 127.0.0.1:9', tags: [], format: 'hosted-url', verdict: 'indeterminate', recipient: null, pending: false, evidence: [], alignments: [], checks: skipped, claimedRecipients: [] } as unknown as BadgeDetail;
    renderWithEnv(<BadgeFacts badge={detail} />);
    expect(screen.queryByText('Does not expire')).toBeNull();
    expect(screen.queryByText('None of your addresses')).toBeNull();
    expect((screen.getByText('Expires').nextElementSibling as HTMLElement).textContent).toBe('Not known until Lanyard can read the badge');
    expect((screen.getByText('Issued to').nextElementSibling as HTMLElement).textContent).toBe('Not known until Lanyard can read the badge');
  });

  it('a pending badge whose link was not read yet still names the address to confirm (was "Not known until Lanyard can read the badge · Confirm this address", seen on a Badgr badge issued to an old address)', () => {
    // Badgr keeps a badge issued to an unconfirmed address private, so its link is not read; the
    // address is the account's own (the backpack's listing), known without the badge's document.
    const skipped = [{ id: 'hosted', outcome: 'indeterminate', code: 'ERR_HTTP_STATUS', message: 'answered HTTP 404' }];
    const detail = { key: 'k', accountId: 'a', name: 'Bernoulli Numbers', tags: [], format: 'hosted-url', verdict: 'indeterminate', recipient: 'ada@old-job.example', pending: true, evidence: [], alignments: [], checks: skipped, claimedRecipients: [] } as unknown as BadgeDetail;
    renderWithEnv(<BadgeFacts badge={detail} onAddresses={() => undefined} />);
    const issuedTo = screen.getByText('Issued to').nextElementSibling as HTMLElement;
    expect(issuedTo.textContent).toBe('ada@old-job.example (not confirmed yet) Confirm this address');
    // What only the badge's document says stays unknown.
    expect((screen.getByText('Expires').nextElementSibling as HTMLElement).textContent).toBe('Not known until Lanyard can read the badge');
  });

  it('"Issued to" names the address the badge names in clear when it is not one of the user\'s (found on an OB 3.0 API badge)', () => {
    const compared = [{ id: 'recipient', outcome: 'indeterminate', message: 'issued to an address Lanyard does not know as yours' }];
    const detail = { key: 'k', accountId: 'a', name: 'Punch Card Programming', tags: [], format: 'ob3.0-jwt', verdict: 'indeterminate', recipient: null, pending: false, evidence: [], alignments: [], checks: compared, claimedRecipients: [{ type: 'email', identity: 'ada@example.org', hashed: false }] } as BadgeDetail;
    renderWithEnv(<BadgeFacts badge={detail} />);
    expect(screen.getByText('Issued to').nextElementSibling?.textContent).toBe('ada@example.org (not one of your confirmed addresses)');
    cleanup();
    renderWithEnv(<BadgeFacts badge={{ ...detail, claimedRecipients: [{ type: 'email', identity: 'sha256$abc', hashed: true }] }} />);
    expect(screen.getByText('Issued to').nextElementSibling?.textContent).toBe('A hidden (hashed) address that matches none of yours');
    // Checked again offline: the recipient check was skipped (no hosted copy), so nothing is claimed.
    cleanup();
    const skipped = [{ id: 'recipient', outcome: 'skipped', message: 'The hosted copy is needed for this check' }] as BadgeDetail['checks'];
    renderWithEnv(<BadgeFacts badge={{ ...detail, checks: skipped, claimedRecipients: [{ type: 'email', identity: 'sha256$abc', hashed: true }] }} />);
    expect(screen.getByText('Issued to').nextElementSibling?.textContent).toBe('A hidden (hashed) address, not checked against yours this time');
    cleanup();
    renderWithEnv(<BadgeFacts badge={{ ...detail, checks: skipped }} />);
    expect(screen.getByText('Issued to').nextElementSibling?.textContent).toBe('ada@example.org (not checked against your addresses this time)');
  });

  it('shows "issuer not confirmed" when the issuer key is indeterminate, and keeps every hostile field as text', async () => {
    const { container } = open('badgr-us:Hx0st1le00');
    expect(await screen.findByRole('heading', { level: 2, name: HOSTILE_NAME })).toBeTruthy();
    expect(screen.getByText('Issuer not confirmed.')).toBeTruthy();
    expect(screen.getByText(/could not confirm that the signing key belongs/)).toBeTruthy();
    // No link from javascript: anywhere, no element made from any field.
    for (const a of container.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(container.querySelector('script, img[src="x"], [onerror], [onmouseover], [onclick], svg[onload]')).toBeNull();
    expect(screen.getByText('"><script>alert(2)</script>')).toBeTruthy();
    expect(screen.getByText(/\[data\]\(data:text\/html/)).toBeTruthy();
    expect(screen.getByText('<svg onload=alert(8)>')).toBeTruthy();
    expect(screen.getByText('<img src=x onerror=alert(17)>')).toBeTruthy();
  });

  it('re-verifies on demand', async () => {
    const { actions } = open('ob3-academy:urn-c2');
    fireEvent.click(await screen.findByRole('button', { name: 'Check again' }));
    // Not verified after the check: said plainly, not as a success.
    const note = await screen.findByText('Checked again. The result is below: not everything could be confirmed.');
    expect(note.closest('.notice')?.classList.contains('notice-success')).toBe(false);
    expect(actions.calls.some((c) => c.name === 'verify' && c.args[0] === 'ob3-academy:urn-c2')).toBe(true);
    expect(screen.getByText('Lanyard could not find out whether the issuer withdrew the badge.')).toBeTruthy();
  });

  it('offers host access when a check could not fetch, then checks again', async () => {
    const { actions } = open('ob3-academy:urn-c2');
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access' }));
    await screen.findByText(/^Checked again\./);
    expect(actions.calls.find((c) => c.name === 'allowHosts')?.args[0]).toEqual(['https://guild-of-makers.example/', 'https://guild-of-makers.example/c/2']);
    expect(actions.calls.filter((c) => c.name === 'verify')).toHaveLength(1);
  });

  it('does not offer "Allow access" when Lanyard may already reach the hosts (the site is down: the offer did nothing)', async () => {
    const { actions } = open('ob3-academy:urn-c2', createMockActions({ hostsGranted: true }));
    await screen.findByText('Lanyard could not find out whether the issuer withdrew the badge.');
    await waitFor(() => expect(actions.calls.some((c) => c.name === 'hasHosts')).toBe(true));
    expect(screen.queryByRole('button', { name: 'Allow access' })).toBeNull();
  });

  it('offers to confirm the address of a pending badge, and to remove a local badge after asking', async () => {
    const seen: string[] = [];
    renderWithEnv(<BadgeScreen badgeKey="badgr-us:Py7pending" onShare={noop} onAddresses={(id) => seen.push(id)} onChanged={noop} onRemoved={noop} />);
    // The address is isolated in its own <bdi> (rtl.test.tsx): the sentence is the <dd>'s text.
    expect(await screen.findByText((_, el) => el?.tagName === 'DD' && !!el.textContent?.startsWith('ada@old-school.example (not confirmed yet)'))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm this address' }));
    expect(seen).toEqual(['badgr-us']);
    cleanup();
    const actions = createMockActions();
    let removed = false;
    renderWithEnv(<BadgeScreen badgeKey="local:7a1b3c" onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={() => (removed = true)} />, actions);
    fireEvent.click(await screen.findByRole('button', { name: 'Remove from Lanyard' }));
    const yes = screen.getByRole('button', { name: 'Remove' });
    await waitFor(() => expect(document.activeElement).toBe(yes));
    fireEvent.click(yes);
    await waitFor(() => expect(removed).toBe(true));
  });

  it('says so when the badge cannot be loaded', async () => {
    open('nope');
    expect(await screen.findByRole('heading', { name: 'This badge could not be opened' })).toBeTruthy();
  });
});

describe('what "Check again" said is announced each time (WCAG 4.1.3)', () => {
  it('the answer goes into a live region that was there before it, and a second check clears the first answer', async () => {
    renderWithEnv(<BadgeScreen badgeKey="badgr-us:aB3dE5fG7h" onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, createMockActions({ latencyMs: 30 }));
    const again = await screen.findByRole('button', { name: 'Check again' });
    const live = document.querySelector('.badge-screen [aria-live="polite"]');
    expect(live, 'a live region before any answer').not.toBeNull();
    expect(live?.textContent).toBe('');
    fireEvent.click(again);
    await waitFor(() => expect(live?.textContent).toBe('Checked again.'));
    // The same words again would change nothing in the page, and a screen reader says nothing:
    // the region empties while the next check runs.
    fireEvent.click(again);
    await waitFor(() => expect(again.getAttribute('aria-busy')).toBe('true'));
    expect(live?.textContent).toBe('');
    await waitFor(() => expect(live?.textContent).toBe('Checked again.'));
  });
});

// Found in a review of the popup: a badge a backpack sent that Lanyard never checked offered
// "Check again", and said "Checked again." after its first check.
describe('a badge never checked', () => {
  it('offers "Check now", and after its first check says "Checked", not "again"', async () => {
    const actions = createMockActions();
    open('badgr-us:Py7pending', actions);
    const check = await screen.findByRole('button', { name: 'Check now' });
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();
    fireEvent.click(check);
    // The mock leaves it unverified: not a success.
    expect(await screen.findByText('Checked. The result is below: not everything could be confirmed.')).toBeTruthy();
    expect(actions.calls.filter((c) => c.name === 'verify').map((c) => c.args)).toEqual([['badgr-us:Py7pending']]);
    cleanup();
    // Checked and verified now.
    open('badgr-us:Py7pending', verifyingActions());
    fireEvent.click(await screen.findByRole('button', { name: 'Check now' }));
    expect((await screen.findByRole('status')).textContent).toBe('Checked.');
    // Checked once, it is "Check again" from now on.
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
  });
});

// Session 30 walk: the page said when the badge was last checked twice, a few lines apart: in the
// verification panel ("Last checked 14 minutes ago.") and again among the details.
describe('when the badge was last checked', () => {
  it('is said once, in the verification panel', async () => {
    open('badgr-us:aB3dE5fG7h');
    await screen.findByRole('heading', { name: 'Details' });
    const panel = document.getElementById('verification-title')!.closest('section')!;
    expect(within(panel).getByText(/^Last checked .* ago\.$/)).toBeTruthy();
    expect(document.body.textContent!.match(/Last checked/g)).toHaveLength(1);
  });
});
