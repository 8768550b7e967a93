// @vitest-environment jsdom
/**
 * axe-core on each screen (jsdom: no layout, so color-contrast is left to the browser test).
 * Serious and critical violations fail the test. Frames (the share card's sandboxed preview) are
 * not entered here: jsdom's frames cannot answer axe's messages.
 */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render.tsx';

afterEach(cleanup);

async function audit(): Promise<string[]> {
  const result = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } }, resultTypes: ['violations'], iframes: false });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openBadge(name: string) {
  renderApp();
  await screen.findByRole('listbox');
  const row = [...document.querySelectorAll('[role=option]')].find((o) => o.textContent?.includes(name)) as HTMLElement;
  fireEvent.click(row);
  await screen.findByRole('heading', { name: 'Verification' });
}

describe('accessibility (axe-core)', () => {
  it('list, with filters open', async () => {
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Filters' }));
    expect(await audit()).toEqual([]);
  });

  it('welcome and sign-in', async () => {
    renderApp({ scenario: 'first-run' });
    await screen.findByRole('heading', { name: 'Welcome to Lanyard' });
    expect(await audit()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /Canvas Credentials/ }));
    await screen.findByLabelText('Password');
    expect(await audit()).toEqual([]);
  });

  it('empty and error states', async () => {
    renderApp({ n: 0 });
    await screen.findByRole('heading', { name: 'No badges in your backpack' });
    expect(await audit()).toEqual([]);
    cleanup();
    renderApp({ scenario: 'broken' });
    await screen.findByRole('button', { name: 'Try again' });
    expect(await audit()).toEqual([]);
  });

  it('badge page and share', async () => {
    await openBadge('Web Accessibility Fundamentals');
    expect(await audit()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    expect(await audit()).toEqual([]);
  });

  it('the hostile badge page', async () => {
    await openBadge('<img src=x');
    expect(await audit()).toEqual([]);
  });

  it('accounts, addresses, settings, import', async () => {
    renderApp();
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    await screen.findByRole('heading', { level: 2, name: 'Accounts' });
    expect(await audit()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: /^E-mail addresses for/ }));
    await screen.findByLabelText('Add an address');
    expect(await audit()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 2, name: 'Settings' });
    expect(await audit()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    await screen.findByLabelText('Or paste a badge link, its JSON or a JWS');
    expect(await audit()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: "Can't find a badge?" }));
    await screen.findByLabelText('The address the badge was sent to');
    expect(await audit()).toEqual([]);
  });
});
