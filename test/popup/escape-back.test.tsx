// @vitest-environment jsdom
/**
 * Escape does what the header's Back does on every screen that has one (src/popup/ui/escape-back.ts),
 * but not where Escape means something already (a confirmation, a field with text in it), and never
 * on the home screen, where it is left to the browser (Chromium closes the popup).
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render.tsx';

afterEach(cleanup);

const focused = () => document.activeElement as HTMLElement;
const h2 = () => screen.getByRole('heading', { level: 2 }).textContent;
/** Escape on what has focus, bubbling as a real key does; true when the page took it (default prevented). */
const escape = (on: Element = focused()) => !fireEvent.keyDown(on, { key: 'Escape' });

async function list() {
  const r = renderApp();
  await screen.findByRole('listbox');
  return r;
}

describe('Escape is Back', () => {
  it('from a badge back to the list, from its share screen back to the badge', async () => {
    await list();
    fireEvent.click(screen.getAllByRole('option').find((o) => o.textContent?.includes('Web Accessibility Fundamentals'))!);
    await screen.findByRole('heading', { name: 'Verification' });
    const name = h2();
    fireEvent.click(screen.getByRole('button', { name: 'Share' }));
    await screen.findByRole('heading', { level: 2, name: /^Share “/ });
    expect(escape()).toBe(true);
    await waitFor(() => expect(h2()).toBe(name));
    expect(escape()).toBe(true);
    await waitFor(() => expect(screen.getByRole('listbox')).toBeTruthy());
    await waitFor(() => expect(focused()).toBe(screen.getByRole('listbox')));
  });

  // review44: the share screen's link and embed code are read-only fields, always with text: nothing typed in them
  // is lost, and Escape means nothing there of its own, so it is Back there too.
  it('from the share screen with its read-only link or embed code focused', async () => {
    await list();
    fireEvent.click(screen.getAllByRole('option').find((o) => o.textContent?.includes('Web Accessibility Fundamentals'))!);
    await screen.findByRole('heading', { name: 'Verification' });
    const name = h2();
    for (const field of ['link', 'code'] as const) {
      fireEvent.click(screen.getByRole('button', { name: 'Share' }));
      await screen.findByRole('heading', { level: 2, name: /^Share “/ });
      const box = field === 'link' ? document.querySelector<HTMLInputElement>('input[readonly]') : document.querySelector<HTMLTextAreaElement>('textarea[readonly]');
      expect(box?.value, field).toBeTruthy();
      box!.focus();
      expect(escape(box!), field).toBe(true);
      await waitFor(() => expect(h2()).toBe(name));
    }
  });

  it('from Settings, Accounts, the guide and an account’s addresses', async () => {
    await list();
    for (const [nav, title] of [['Settings', 'Settings'], ['Accounts', 'Accounts'], ["Can't find a badge?", 'find a badge']] as const) {
      fireEvent.click(screen.getByRole('button', { name: nav }));
      await screen.findByRole('heading', { level: 2, name: new RegExp(title) });
      expect(escape()).toBe(true);
      await waitFor(() => expect(screen.queryByRole('button', { name: 'Back' })).toBeNull());
    }
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    fireEvent.click(await screen.findByRole('button', { name: /^E-mail addresses for/ }));
    await screen.findByRole('heading', { level: 2, name: 'E-mail addresses' });
    expect(escape()).toBe(true);
    await screen.findByRole('heading', { level: 2, name: 'Accounts' });
  });

  it('not on the home screen: the browser has it (Chromium closes the popup)', async () => {
    await list();
    expect(escape(screen.getByRole('listbox'))).toBe(false);
    expect(escape(document.body)).toBe(false);
    expect(screen.getByRole('listbox')).toBeTruthy();
  });

  it('not in a field with text in it, nor while a confirmation is asked; an empty field goes back', async () => {
    await list();
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    const field = await screen.findByRole('textbox', { name: /paste/i });
    fireEvent.input(field, { target: { value: 'https://example.org/badge' } });
    field.focus();
    expect(escape(field)).toBe(false);
    expect((screen.getByRole('textbox', { name: /paste/i }) as HTMLTextAreaElement).value).toBe('https://example.org/badge');
    fireEvent.input(field, { target: { value: '' } });
    expect(escape(field)).toBe(true);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Back' })).toBeNull());

    // A <select>: Escape closes its picker.
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    await screen.findByRole('heading', { level: 2, name: 'Settings' });
    const select = document.querySelector('main select') as HTMLSelectElement;
    select.focus();
    expect(escape(select)).toBe(false);
    expect(h2()).toBe('Settings');

    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    const card = (await screen.findByRole('heading', { name: 'Canvas Credentials (US)' })).closest('li') as HTMLElement;
    fireEvent.click(within(card).getByRole('button', { name: /^Sign out for/ }));
    const group = within(card).getByRole('group');
    await waitFor(() => expect(group.contains(focused())).toBe(true));
    expect(escape()).toBe(true);
    await waitFor(() => expect(within(card).queryByRole('group')).toBeNull());
    // The question closed; the screen stayed.
    expect(h2()).toBe('Accounts');
  });

  it('on the first run’s home, from a way in back to the ways, focus on the way chosen; no further', async () => {
    renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
    await screen.findByRole('heading', { level: 2, name: 'Canvas Credentials (Badgr)' });
    await waitFor(() => expect(focused().tagName).toBe('H2'));
    expect(escape()).toBe(true);
    await screen.findByRole('heading', { level: 2, name: 'Welcome to Lanyard' });
    await waitFor(() => expect(focused().textContent).toMatch(/^Canvas Credentials \(Badgr\)/));
    // The home screen's Escape is the browser's again.
    expect(escape()).toBe(false);
  });

  it('on "Add a backpack": the form’s way back first, then the header’s', async () => {
    await list();
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add a backpack' }));
    fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
    await screen.findByRole('heading', { level: 2, name: 'Canvas Credentials (Badgr)' });
    expect(escape()).toBe(true);
    await screen.findByRole('heading', { level: 2, name: 'Add a backpack' });
    expect(escape()).toBe(true);
    await screen.findByRole('heading', { level: 2, name: 'Accounts' });
  });
});
