// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { QrCode } from '../../src/popup/share/QrCode.tsx';
import { afterEach, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/core/share/escape.ts';
import type { ErrorCode } from '../../src/core/errors.ts';
import { HOSTILE_NAME, MOCK_NOW, mockSettings } from '../../src/popup/mock-data.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import ShareScreen from '../../src/popup/share/ShareScreen.tsx';
import { renderWithEnv, verifyingActions } from './render.tsx';
import { shareContent, shareWarning } from '../../src/popup/share/share-content.ts';
import { createTranslator } from '../../src/popup/i18n.ts';
import en from '../../public/_locales/en/messages.json';
import fr from '../../public/_locales/fr/messages.json';

afterEach(cleanup);

function open(key: string) {
  const actions = createMockActions();
  const r = renderWithEnv(<ShareScreen badgeKey={key} settings={mockSettings()} onEditOrgIds={() => {}} />, actions);
  return { ...r, actions };
}
const params = (href: string | null) => Object.fromEntries(new URL(href ?? '').searchParams);

describe('share', () => {
  it('LinkedIn add-to-profile carries the certification, the organization id from settings, months 1–12, URL and id', async () => {
    open('badgr-us:aB3dE5fG7h');
    const add = await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    expect(add.getAttribute('href')).toMatch(/^https:\/\/www\.linkedin\.com\/profile\/add\?/);
    expect(params(add.getAttribute('href'))).toEqual({
      startTask: 'CERTIFICATION_NAME',
      name: 'Web Accessibility Fundamentals',
      organizationId: '1035',
      issueYear: '2025',
      issueMonth: '9',
      certUrl: 'https://api.badgr.io/public/assertions/aB3dE5fG7h',
      certId: 'aB3dE5fG7h',
    });
    expect(add.getAttribute('target')).toBe('_blank');
    expect(add.getAttribute('rel')).toContain('noopener');
    const post = screen.getByRole('link', { name: 'Post on LinkedIn' });
    expect(params(post.getAttribute('href'))).toEqual({ url: 'https://api.badgr.io/public/assertions/aB3dE5fG7h' });
    expect(screen.getByText(/with its company page \(id 1035\)/)).toBeTruthy();
  });

  it('without an organization id LinkedIn gets the name, with expiry month and year', async () => {
    open('ob3-academy:urn-c1');
    const add = await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    const p = params(add.getAttribute('href'));
    expect(p.organizationName).toBe('Open Climate Academy');
    expect(p.organizationId).toBeUndefined();
    expect([p.issueYear, p.issueMonth, p.expirationYear, p.expirationMonth]).toEqual(['2026', '2', '2029', '2']);
  });

  it('copies the link, the e-mail card (rich), the embed HTML and the text; shows a QR code', async () => {
    const { actions } = open('badgr-us:aB3dE5fG7h');
    fireEvent.click(await screen.findByRole('button', { name: 'Copy link' }));
    await screen.findByText('Copied the link.');
    expect(actions.clipboard).toEqual({ text: 'https://api.badgr.io/public/assertions/aB3dE5fG7h' });
    fireEvent.click(screen.getByRole('button', { name: 'Copy for e-mail' }));
    await waitFor(() => expect(actions.clipboard?.html).toContain('<table role="presentation"'));
    expect(actions.clipboard?.text).toBe('I earned the badge “Web Accessibility Fundamentals” from Northwind University. See and verify it: https://api.badgr.io/public/assertions/aB3dE5fG7h');
    fireEvent.click(screen.getByRole('button', { name: 'Copy embed HTML' }));
    await waitFor(() => expect(actions.clipboard?.html).toBeUndefined());
    expect(actions.clipboard?.text).toContain('Issued by Northwind University');
    expect(actions.clipboard?.text).toContain('Issued Sep 14, 2025');
    const qr = screen.getByRole('img', { name: 'QR code of the public link to Web Accessibility Fundamentals' });
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M\d/);
  });

  it('the hostile badge: embed HTML holds its name only escaped, and unsafe links are left out', async () => {
    const { actions, container } = open('badgr-us:Hx0st1le00');
    fireEvent.click(await screen.findByRole('button', { name: 'Copy embed HTML' }));
    await waitFor(() => expect(actions.clipboard).toBeDefined());
    const html = actions.clipboard?.text ?? '';
    expect(html).not.toContain(HOSTILE_NAME);
    expect(html).toContain(escapeHtml(HOSTILE_NAME));
    expect(html).not.toMatch(/<script|javascript:/i);
    const parsed = new DOMParser().parseFromString(html, 'text/html');
    expect([...parsed.body.querySelectorAll('*')].flatMap((e) => e.getAttributeNames()).filter((a) => a.startsWith('on'))).toEqual([]);
    expect(parsed.querySelector('img')).toBeNull();
    // The preview iframe is sandboxed (no scripts) and holds the same escaped card.
    const frame = container.querySelector('iframe') as HTMLIFrameElement;
    expect(frame.getAttribute('sandbox')).toBe('');
    // Not a stop for Tab (its sandboxed links do nothing): the browser test tabs past it.
    expect(frame.hasAttribute('inert')).toBe(true);
    expect(frame.getAttribute('srcdoc')).toContain(escapeHtml(HOSTILE_NAME));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`Share “${HOSTILE_NAME}”`);
    // The LinkedIn URL carries the name as data.
    expect(params(screen.getByRole('link', { name: 'Add to LinkedIn profile' }).getAttribute('href')).name).toBe(HOSTILE_NAME);
  });

  it('a badge without a public page has no link, but can still be downloaded', async () => {
    const { actions } = open('local:9f2c1e');
    expect(await screen.findByText(/no public web page, so there is no link to share/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Post on LinkedIn' })).toBeNull();
    // The LinkedIn panel says why there is no post and no Credential URL, heard at "Add to profile" too.
    const add = screen.getByRole('link', { name: 'Add to LinkedIn profile' });
    expect(new URL(add.getAttribute('href')!).searchParams.get('certUrl')).toBeNull();
    const why = 'This badge has no public web page: LinkedIn is given no link to it, and there is nothing to post. The rest of the certification is filled in.';
    expect(add.closest('section')?.textContent).toContain(why);
    expect((add.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent)).toContain(why);
    fireEvent.click(screen.getByRole('button', { name: 'Badge image (with its data)' }));
    await screen.findByText('Saved local-9f2c1e.png.');
    fireEvent.click(screen.getByRole('button', { name: 'Badge data (JSON)' }));
    await screen.findByText('Saved local-9f2c1e.json.');
    expect(actions.saved).toEqual(['local-9f2c1e.png', 'local-9f2c1e.json']);
  });

  it('warns before sharing a badge that failed verification (revoked, expired) or could not be fully checked', async () => {
    open('badgr-us:Dp0revoked');
    const revoked = await screen.findByRole('alert');
    expect(revoked.textContent).toBe('This badge did not pass verification. The issuer has withdrawn (revoked) this badge. Anyone who checks it will be told it is not valid, so sharing it can do you more harm than good.');
    cleanup();
    open('badgr-us:Fa1d2021xx');
    expect((await screen.findByRole('alert')).textContent).toMatch(/^This badge did not pass verification\. The badge has expired\. Anyone/);
    cleanup();
    open('ob3-academy:urn-c2');
    await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getAllByRole('status').some((s) => s.textContent === 'Lanyard could not complete every check of this badge. Lanyard could not find out whether the issuer withdrew the badge. Whoever you share it with may not be able to verify it either.')).toBe(true);
    cleanup();
    open('badgr-us:aB3dE5fG7h');
    await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/verification|every check|not checked/)).toBeNull();
  });

  it('the warning is all in the user’s language: the deciding check’s sentence by its id, outcome and code, never the engine’s English', () => {
    const tFr = createTranslator(fr);
    const check = (id: 'revocation' | 'signature' | 'hosted', outcome: 'fail' | 'indeterminate', message: string, code?: ErrorCode) => ({ id, outcome, message, ...(code ? { code } : {}) });
    expect(shareWarning({ verdict: 'invalid', checks: [check('signature', 'indeterminate', 'x'), check('revocation', 'fail', 'The badge was revoked.', 'ERR_REVOKED')] }, tFr)).toEqual({
      kind: 'error',
      text: "Ce badge n’a pas réussi la vérification. L’émetteur a retiré (révoqué) ce badge. Quiconque le vérifie apprendra qu’il n’est pas valide\u202f; le partager peut vous nuire plus que vous servir.",
    });
    // An unsettled signature: the brief sentence (the share screen shows no technical details).
    expect(shareWarning({ verdict: 'indeterminate', checks: [check('signature', 'indeterminate', 'bbs-2023 is not checked', 'ERR_UNSUPPORTED')] }, tFr)?.text).toBe(
      "Lanyard n’a pas pu mener à bien toutes les vérifications de ce badge. Lanyard n’a pas pu établir si la signature garantit ce badge. La personne avec qui vous le partagez ne pourra peut-être pas le vérifier non plus.",
    );
    // No check says why (a record without its checks): the warning without a reason, not a fragment.
    expect(shareWarning({ verdict: 'invalid', checks: [] }, tFr)?.text).toBe("Ce badge n’a pas réussi la vérification. Quiconque le vérifie apprendra qu’il n’est pas valide\u202f; le partager peut vous nuire plus que vous servir.");
    expect(shareWarning({ verdict: 'indeterminate', checks: [check('hosted', 'indeterminate', 'https://i.example/a answered 503', 'ERR_HTTP_STATUS')] }, createTranslator(en))?.text).not.toMatch(/503|i\.example/);
  });

  it('warns for a badge kept as valid whose expiry has passed since it was verified', () => {
    const w = shareWarning({ verdict: 'valid', checks: [], expires: '2020-01-01T00:00:00Z' }, createTranslator(en));
    expect(w?.kind).toBe('error');
    expect(w?.text).toMatch(/^This badge did not pass verification\. The badge has expired\. Anyone/);
    expect(shareWarning({ verdict: 'valid', checks: [], expires: '2999-01-01T00:00:00Z' }, createTranslator(en))).toBeUndefined();
  });

  it('Send by e-mail opens a mailto: with the subject, the sentence and the whole public link (RFC 6068)', async () => {
    open('badgr-us:aB3dE5fG7h');
    const mail = await screen.findByRole('link', { name: 'Send by e-mail' });
    const href = mail.getAttribute('href') ?? '';
    expect(href.startsWith('mailto:?subject=')).toBe(true);
    expect(href).not.toContain('+');
    const fields = Object.fromEntries(href.slice(8).split('&').map((kv) => kv.split('=').map(decodeURIComponent)));
    expect(fields).toEqual({
      subject: 'My badge: Web Accessibility Fundamentals',
      body: 'I earned the badge “Web Accessibility Fundamentals” from Northwind University.\r\nSee and verify it here:\r\n\r\nhttps://api.badgr.io/public/assertions/aB3dE5fG7h',
    });
    cleanup();
    open('local:9f2c1e');
    const noLink = await screen.findByRole('link', { name: 'Send by e-mail' });
    expect(decodeURIComponent(noLink.getAttribute('href') ?? '')).not.toMatch(/https?:|verify it here/);
  });

  it('says when the link is only the credential id (OB 3.0, signed, from a file), not a page the badge came from', async () => {
    const { actions } = open('ob3-academy:urn-c1');
    await screen.findByRole('button', { name: 'Copy link' });
    expect(screen.queryByText(/the issuer gave as the badge's id/)).toBeNull(); // the mock imported it by URL
    const detail = await actions.getBadge('ob3-academy:urn-c1');
    if (!detail.ok) throw new Error('mock');
    const t = createTranslator(en);
    for (const [format, originalKind, unconfirmed] of [
      ['ob3.0-data-integrity', 'json', true],
      ['ob3.0-jwt', 'jws', true],
      ['ob2.0-signed', 'png', true],
      ['ob3.0-data-integrity', 'url', false],
      ['ob2.0-hosted', 'json', false],
    ] as const) {
      expect(shareContent({ ...detail.value, format, originalKind }, mockSettings(), t, 'en').linkUnconfirmed, `${format} ${originalKind}`).toBe(unconfirmed);
    }
    expect(shareContent({ ...detail.value, publicUrl: undefined, originalKind: 'json' }, mockSettings(), t, 'en').linkUnconfirmed).toBe(false);
  });


  it('a link too long for a readable QR code (or for any: uqr throws past ~2300 characters) gets a note, not a crash', () => {
    for (const n of [600, 3000, 4000]) {
      render(<QrCode text={`https://badges.example/a/${'x'.repeat(n)}`} label="QR" tooLong="too long" />);
      expect(screen.queryByRole('img', { name: 'QR' }), String(n)).toBeNull();
      expect(screen.getByText('too long')).toBeTruthy();
      cleanup();
    }
    render(<QrCode text="https://api.badgr.io/public/assertions/aB3dE5fG7h" label="QR" tooLong="too long" />);
    expect(screen.getByRole('img', { name: 'QR' })).toBeTruthy();
  });
});

/**
 * The mock's badge Lanyard has not checked, as if its address were confirmed: the mock's is also
 * pending, whose own sentence (share-pending.test.tsx) stays after any check.
 */
function confirmed<A extends ReturnType<typeof createMockActions>>(actions: A): A {
  const get = actions.getBadge;
  actions.getBadge = async (key) => {
    const r = await get(key);
    return r.ok ? { ok: true, value: { ...r.value, pending: false } } : r;
  };
  return actions;
}

// Found in a review of the popup: "verify it before you share it" offered no way to do that on the share screen.
describe('sharing a badge Lanyard has not checked', () => {
  it('offers the check right there; checked and verified, the warning goes and focus goes to the title', async () => {
    const actions = confirmed(verifyingActions());
    let changed = 0;
    renderWithEnv(<ShareScreen badgeKey="badgr-us:Py7pending" settings={mockSettings()} onEditOrgIds={() => {}} onChanged={() => changed++} />, actions);
    expect(await screen.findByText('Lanyard has not checked this badge yet: verify it before you share it.')).toBeTruthy();
    const check = screen.getByRole('button', { name: 'Check now' });
    check.focus();
    fireEvent.click(check);
    await waitFor(() => expect(screen.queryByText(/verify it before you share it/)).toBeNull());
    expect(actions.calls.filter((c) => c.name === 'verify').map((c) => c.args)).toEqual([['badgr-us:Py7pending']]);
    expect(document.querySelector('.share-screen [aria-live="polite"]')?.textContent).toBe('Checked.');
    expect(screen.queryByRole('button', { name: 'Check now' })).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe('screen-title'));
    expect(changed).toBe(1);
  });

  it('checked and still not verified: the answer says what the warning now says, and the warning is not read a second time', async () => {
    renderWithEnv(<ShareScreen badgeKey="badgr-us:Py7pending" settings={mockSettings()} onEditOrgIds={() => {}} />, confirmed(createMockActions()));
    fireEvent.click(await screen.findByRole('button', { name: 'Check now' }));
    const live = document.querySelector('.share-screen [aria-live="polite"]')!;
    await waitFor(() => expect(live.textContent).toBe('Checked. Lanyard has not checked this badge yet: verify it before you share it.'));
    const warning = screen.getAllByText('Lanyard has not checked this badge yet: verify it before you share it.').find((e) => !live.contains(e))!;
    expect(warning.closest('[role], [aria-live]')).toBeNull();
  });

  it('a verified badge offers no check on the share screen', async () => {
    open('badgr-us:aB3dE5fG7h');
    await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    expect(screen.queryByRole('button', { name: /^Check/ })).toBeNull();
  });
});

// Found in the 2026-12-06 review: "Check now" was offered only for a badge never checked; one checked
// weeks ago, or whose last check could not reach the issuer (offline), was shared on an old result.
describe('sharing a badge on an old or incomplete result', () => {
  it('a badge last checked six weeks ago says so and offers "Check again"; checked, the offer goes', async () => {
    const actions = verifyingActions();
    renderWithEnv(<ShareScreen badgeKey="local:7a1b3c" settings={mockSettings()} onEditOrgIds={() => {}} />, actions);
    expect(await screen.findByText('Last checked 6 weeks ago.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(document.querySelector('.share-screen [aria-live="polite"]')?.textContent).toBe('Checked again.'));
    expect(actions.calls.filter((c) => c.name === 'verify').map((c) => c.args)).toEqual([['local:7a1b3c']]);
    expect(screen.queryByRole('button', { name: 'Check again' })).toBeNull();
    expect(screen.queryByText(/^Last checked/)).toBeNull();
  });

  it('a badge whose latest check could not reach the issuer says when it was last verified, what was out of reach, and offers the check', async () => {
    const actions = createMockActions();
    const get = actions.getBadge;
    actions.getBadge = async (key) => {
      const r = await get(key);
      return r.ok ? { ok: true, value: { ...r.value, unreachable: { at: new Date(MOCK_NOW - 3_600_000).toISOString(), hosts: ['api.badgr.io'] } } } : r;
    };
    renderWithEnv(<ShareScreen badgeKey="badgr-us:aB3dE5fG7h" settings={mockSettings()} onEditOrgIds={() => {}} />, actions);
    expect((await screen.findByText(/^Last verified 5 minutes ago\. The latest check could not reach/)).textContent).toContain('api.badgr.io');
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
  });

  it('a badge not fully verified (a check that could not finish) offers "Check again" with the age of its result', async () => {
    open('ob3-academy:urn-c2');
    expect(await screen.findByText('Last checked 1 hour ago.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeTruthy();
  });
});
