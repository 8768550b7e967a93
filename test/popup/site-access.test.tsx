// @vitest-environment jsdom
/**
 * The sites Lanyard's buttons run on (the manifest's `host_permissions`: LinkedIn, Gmail, Outlook)
 * are not Lanyard's for sure: Firefox lets the user take them back in about:addons (Permissions)
 * or the extensions panel, and installs before Firefox 127, or updates that add a host, never had
 * them (MDN manifest.json/host_permissions, "Requested permissions and user prompts"; Chromium's
 * "site access" settings do the same). The content scripts then never run there, and nothing said
 * so. Now the popup checks them (permissions.contains) each time it opens and offers one button
 * that asks for them again (permissions.request, first thing in the click).
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { createActions, type PopupPlatform } from '../../src/popup/actions.ts';
import { App } from '../../src/popup/App.tsx';
import { createBrowserPlatform } from '../../src/popup/browser-platform.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { now, t } from './render.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const SITES = manifest.host_permissions;
const LINKEDIN = 'https://www.linkedin.com/*';

function platform(granted: Set<string>): PopupPlatform & { requested: string[][] } {
  const requested: string[][] = [];
  return {
    requested,
    siteOrigins: () => SITES,
    requestOrigins: async (patterns) => (requested.push(patterns), patterns.forEach((p) => granted.add(p)), true),
    hasOrigins: async (patterns) => patterns.every((p) => granted.has(p)),
    saveFile: () => undefined,
    copy: async () => undefined,
  };
}

const send = (async () => ({ ok: true, value: {} })) as never;

describe('the sites the content scripts need', () => {
  it('says which ones are not granted, and asks for every one of them at once, before any await', async () => {
    const p = platform(new Set(SITES.filter((s) => s !== LINKEDIN && !s.startsWith('https://outlook.live'))));
    const actions = createActions(send, p);
    expect(await actions.siteAccess!()).toEqual([LINKEDIN, 'https://outlook.live.com/*']);
    const asked = actions.allowSites!();
    // Synchronously: a prompt is allowed only while the click is being handled (Firefox).
    expect(p.requested).toEqual([SITES]);
    expect(await asked).toBe(true);
    expect(await actions.siteAccess!()).toEqual([]);
  });

  it('the popup names the missing sites and its button grants them; then the notice says to reload their tabs', async () => {
    const granted = new Set(SITES.filter((s) => s !== LINKEDIN && s !== 'https://mail.google.com/*'));
    const p = platform(granted);
    const real = createActions(send, p);
    const actions = { ...createMockActions(), siteAccess: real.siteAccess!, allowSites: real.allowSites! };
    render(<App actions={actions} t={t} locale="en" now={now} />);
    const notice = await screen.findByText(t('siteAccessMissing', 'LinkedIn and Gmail'));
    expect(notice).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: t('siteAccessAllow') }));
    expect(p.requested).toEqual([SITES]);
    await screen.findByText(t('siteAccessGranted', 'LinkedIn and Gmail'));
    expect(screen.queryByRole('button', { name: t('siteAccessAllow') })).toBeNull();
  });

  it('"Allow access" goes once access is given: its focus goes to the answer, which is read once (focused, not announced as well)', async () => {
    const p = platform(new Set(SITES.filter((s) => s !== LINKEDIN)));
    const real = createActions(send, p);
    render(<App actions={{ ...createMockActions(), siteAccess: real.siteAccess!, allowSites: real.allowSites! }} t={t} locale="en" now={now} />);
    const allow = await screen.findByRole('button', { name: t('siteAccessAllow') });
    allow.focus();
    fireEvent.click(allow);
    const answer = await screen.findByText(t('siteAccessGranted', 'LinkedIn'));
    await waitFor(() => expect(document.activeElement).not.toBe(document.body));
    expect(document.activeElement?.contains(answer)).toBe(true);
    expect(answer.closest('[role=status],[role=alert],[aria-live]')).toBeNull();
  });

  it('the answer is announced when "Allow access" did not have focus (a click that left it elsewhere)', async () => {
    const p = platform(new Set(SITES.filter((s) => s !== LINKEDIN)));
    const real = createActions(send, p);
    render(<App actions={{ ...createMockActions(), siteAccess: real.siteAccess!, allowSites: real.allowSites! }} t={t} locale="en" now={now} />);
    fireEvent.click(await screen.findByRole('button', { name: t('siteAccessAllow') }));
    const answer = await screen.findByText(t('siteAccessGranted', 'LinkedIn'));
    expect(answer.closest('[role=status]')).not.toBeNull();
  });

  it('shows nothing when every site is granted, and nothing where the platform cannot tell', async () => {
    const p = platform(new Set(SITES));
    const real = createActions(send, p);
    render(<App actions={{ ...createMockActions(), siteAccess: real.siteAccess!, allowSites: real.allowSites! }} t={t} locale="en" now={now} />);
    await screen.findAllByRole('heading');
    await waitFor(() => expect(screen.queryByRole('button', { name: t('siteAccessAllow') })).toBeNull());
    cleanup();
    render(<App actions={createMockActions()} t={t} locale="en" now={now} />);
    await screen.findAllByRole('heading');
    expect(screen.queryByRole('button', { name: t('siteAccessAllow') })).toBeNull();
  });

  it('the browser platform reads them from the manifest as built', () => {
    const getManifest = () => ({ host_permissions: SITES, action: {} });
    vi.stubGlobal('browser', { runtime: { id: 'lanyard@lanyard.example', getManifest }, permissions: {}, extension: {} });
    expect(createBrowserPlatform().siteOrigins!()).toEqual(SITES);
  });
});
