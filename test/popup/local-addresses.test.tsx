// @vitest-environment jsdom
/**
 * "Your addresses in this browser" on the Accounts screen (src/popup/addresses/LocalAddressesPanel.tsx):
 * the local backpack's typed addresses, added and removed from the keyboard, checked first (a
 * plausible address, none listed twice in any letter case or Unicode form), said from a live region
 * that exists before the answer; and a badge issued to one says which, and that no backpack
 * verified it (src/popup/badge/BadgeFacts.tsx).
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BadgeFacts } from '../../src/popup/badge/BadgeFacts.tsx';
import { detailForDisplay } from '../../src/popup/display.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { renderApp, renderWithEnv, t } from './render.tsx';
import { across } from '../support/across.ts';

afterEach(cleanup);

async function accounts() {
  const r = renderApp();
  await screen.findByRole('listbox');
  fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
  await screen.findByRole('heading', { level: 2, name: 'Accounts' });
  await screen.findByText('No address yet.');
  return r;
}

const field = () => screen.getByRole('textbox', { name: 'Add an address' }) as HTMLInputElement;
const submit = (value: string) => {
  fireEvent.input(field(), { target: { value } });
  fireEvent.submit(field().closest('form')!);
};

describe('the addresses typed for this browser', () => {
  it('adds one as typed, refuses what is no address and what is listed already, in words tied to the field', async () => {
    const { actions } = await accounts();
    expect(screen.getByRole('heading', { level: 3, name: 'Your addresses in this browser' })).toBeTruthy();

    submit('not an address');
    expect((await screen.findByRole('alert')).textContent).toContain('Enter a valid e-mail address.');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field().getAttribute('aria-describedby')!)?.textContent).toContain('Enter a valid e-mail address.');
    expect(actions.calls.some((c) => c.name === 'addLocalAddress')).toBe(false);

    submit('  Ada@Old.example ');
    await screen.findByText(across('Added Ada@Old.example. Your badges are being checked again.'));
    expect(actions.calls.filter((c) => c.name === 'addLocalAddress').map((c) => c.args)).toEqual([['Ada@Old.example']]);
    // The badges are being checked again: the popup reads its state and list again.
    const added = actions.calls.findIndex((c) => c.name === 'addLocalAddress');
    await waitFor(() => expect(actions.calls.slice(added).some((c) => c.name === 'getState')).toBe(true));
    expect(field().value).toBe('');
    expect(field().getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByRole('button', { name: 'Remove Ada@Old.example' })).toBeTruthy();

    submit('ada@old.EXAMPLE');
    expect((await screen.findByRole('alert')).textContent).toContain('This address is in the list already.');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    submit('jose\u0301@example.org');
    await screen.findByText(across(/Added jose\u0301@example.org/));
    submit('JOS\u00c9@example.org');
    expect((await screen.findByRole('alert')).textContent).toContain('This address is in the list already.');
    expect(actions.calls.filter((c) => c.name === 'addLocalAddress')).toHaveLength(2);
  });

  // The background joins spellings by core/verify/address-key.ts addressKey: one that is another only once a
  // character outside ASCII is folded (U+212A KELVIN SIGN for "K") is another address there (hostile41), so the
  // popup does not refuse it as listed already (review44: it did, by its own NFC and lower-case key).
  it('sends an address that is a listed one only once folded into ASCII: the background tells them apart', async () => {
    const { actions } = await accounts();
    submit('kate@example.org');
    await screen.findByText(across(/Added kate@example.org/));
    submit('\u212aate@example.org');
    await screen.findByText(across(/Added \u212aate@example.org/));
    expect(actions.calls.filter((c) => c.name === 'addLocalAddress').map((c) => c.args)).toEqual([['kate@example.org'], ['\u212aate@example.org']]);
  });

  // An address copied from a mailto: link (RFC 6068) is the address it names (hostile47: it was kept as
  // "mailto:…", which no badge names); messaging/validate.ts isEmail refuses it so spelled.
  it('adds an address pasted as a mailto: link as the address it names', async () => {
    const { actions } = await accounts();
    submit(' mailto:Ada@example.org ');
    await screen.findByText(across(/Added Ada@example.org\./));
    expect(actions.calls.filter((c) => c.name === 'addLocalAddress').map((c) => c.args)).toEqual([['Ada@example.org']]);
  });

  // RFC 6068 §2: a mailto: link's header fields ("?subject=…") are no part of the address it names (review45).
  it('adds an address pasted as a mailto: link with a subject as the address alone', async () => {
    const { actions } = await accounts();
    submit('mailto:ada@example.org?subject=My%20badge');
    await screen.findByText(across(/Added ada@example.org\./));
    expect(actions.calls.filter((c) => c.name === 'addLocalAddress').map((c) => c.args)).toEqual([['ada@example.org']]);
  });

  it('removes one, says so, and hands focus to the panel\'s heading', async () => {
    const { actions } = await accounts();
    submit('ada@old.example');
    const remove = await screen.findByRole('button', { name: 'Remove ada@old.example' });
    remove.focus();
    fireEvent.click(remove);
    await screen.findByText(across('Removed ada@old.example. Your badges are being checked again.'));
    expect(actions.calls.find((c) => c.name === 'removeLocalAddress')?.args).toEqual(['ada@old.example']);
    expect(screen.queryByRole('button', { name: 'Remove ada@old.example' })).toBeNull();
    await waitFor(() => expect(document.activeElement?.id).toBe('local-addresses-title'));
    expect(screen.getByText('No address yet.')).toBeTruthy();
  });
});

describe('a badge issued to an address typed for this browser', () => {
  it('says which address, and that no backpack verified it', async () => {
    const actions = createMockActions();
    const list = await actions.listBadges();
    if (!list.ok) throw new Error('no badges');
    const got = await actions.getBadge(list.value[0]!.key);
    if (!got.ok) throw new Error('no badge');
    const badge = detailForDisplay({ ...got.value, recipient: null, pending: false, typedTo: 'ada@old.example', claimedRecipients: [{ type: 'email', identity: 'sha256$00', hashed: true }] }, t);
    renderWithEnv(<BadgeFacts badge={badge} />);
    expect(screen.getByText((_, el) => el?.tagName === 'DD' && (el.textContent ?? '').startsWith('ada@old.example, an address you typed (no backpack has verified it)'))).toBeTruthy();
  });
});
