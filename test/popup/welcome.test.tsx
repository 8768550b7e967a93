// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { parseMessage } from '../../src/messaging/validate.ts';
import { now, renderApp, t } from './render.tsx';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function badgrForm(options: Parameters<typeof renderApp>[0] = { scenario: 'first-run' }) {
  const r = renderApp(options);
  fireEvent.click(await screen.findByRole('button', { name: /Canvas Credentials \(Badgr\)/ }));
  await screen.findByRole('heading', { level: 2, name: 'Canvas Credentials (Badgr)' });
  return r;
}
function fill(email: string, password: string) {
  fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('sign-in', () => {
  it('offers the real regional hosts and a custom one', async () => {
    await badgrForm();
    const region = screen.getByRole('combobox', { name: 'Region' }) as HTMLSelectElement;
    expect([...region.options].map((o) => o.textContent)).toEqual([
      'United States (api.badgr.io)',
      'Europe (api.eu.badgr.io)',
      'Australia (api.au.badgr.io)',
      'Canada (api.ca.badgr.io)',
      'Singapore (api.sg.badgr.io)',
      'Other server…',
    ]);
    cleanup();
    renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Parchment Digital Badges/ }));
    const parchment = (await screen.findByRole('combobox', { name: 'Region' })) as HTMLSelectElement;
    expect(parchment.options[1]?.textContent).toBe('Europe (api.badges.parchment.eu)');
  });

  it('signs in with the chosen region, then shows the list', async () => {
    const { actions } = await badgrForm();
    fireEvent.change(screen.getByRole('combobox', { name: 'Region' }), { target: { value: 'eu' } });
    fill('ada@example.org', 'lanyard-demo');
    await screen.findByRole('listbox', {}, { timeout: 3000 });
    expect(actions.calls.find((c) => c.name === 'signIn')?.args[0]).toEqual({ kind: 'badgr', baseUrl: 'https://api.eu.badgr.io', username: 'ada@example.org', password: 'lanyard-demo', attempt: expect.any(String) });
  });

  it('says when the password is wrong, and when the host is unreachable', async () => {
    await badgrForm();
    fill('ada@example.org', 'nope');
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', "That e-mail and password don't match. Check them and try again.");
    fireEvent.change(screen.getByRole('combobox', { name: 'Region' }), { target: { value: 'custom' } });
    fireEvent.input(screen.getByLabelText('Server address'), { target: { value: 'http://unreachable.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter an https:// address.');
    fireEvent.input(screen.getByLabelText('Server address'), { target: { value: 'unreachable.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The server could not be reached. Check the address and your connection.'));
  });

  it('a field left empty or not an address is marked, described by the message, and takes focus', async () => {
    const { actions } = await badgrForm();
    const button = screen.getByRole('button', { name: 'Sign in' });
    button.focus();
    fireEvent.click(button);
    const email = screen.getByLabelText('E-mail');
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    fireEvent.input(email, { target: { value: 'ada@example.org' } });
    fireEvent.click(button);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Password')));
    expect(email.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Region' }), { target: { value: 'custom' } });
    fireEvent.input(screen.getByLabelText('Server address'), { target: { value: 'not a url' } });
    fill('ada@example.org', 'lanyard-demo');
    const address = screen.getByLabelText('Server address');
    await waitFor(() => expect(document.activeElement).toBe(address));
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('Enter an https:// address.');
    expect(actions.calls.some((c) => c.name === 'signIn')).toBe(false);
  });

  it('an address that answers but is not a backpack says so in words, on the address field', async () => {
    await badgrForm();
    fireEvent.change(screen.getByRole('combobox', { name: 'Region' }), { target: { value: 'custom' } });
    fireEvent.input(screen.getByLabelText('Server address'), { target: { value: 'https://not-a-backpack.example' } });
    fill('ada@example.org', 'lanyard-demo');
    expect((await screen.findByRole('alert')).textContent).toBe('That address answered, but not as a backpack does. Check the server address.');
    expect(screen.getByLabelText('Server address').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBeNull();
  });

  it('a provider address that is missing takes focus; one that is not a provider says so', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Another wallet or backpack/ }));
    const address = await screen.findByLabelText("Provider's web address");
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(document.activeElement).toBe(address));
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(address.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect(actions.calls.some((c) => c.name === 'signIn')).toBe(false);
    fireEvent.input(address, { target: { value: 'https://not-a-backpack.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('That address answered, but not as an Open Badges provider does. Check the address and the kind of provider.'));
  });

  it('when throttled, says how long to wait and keeps the button off until then', async () => {
    const { actions } = await badgrForm();
    fill('throttled@example.org', 'x');
    expect((await screen.findByRole('alert')).textContent).toBe('Too many sign-in attempts. Try again in 95 seconds.');
    const button = screen.getByRole('button', { name: /Try again in \d+ s/ });
    // Off (aria-disabled, so that it keeps focus in Chromium: ui/busy.ts), and a press sends nothing.
    expect(button.getAttribute('aria-disabled')).toBe('true');
    const before = actions.calls.filter((c) => c.name === 'signIn').length;
    fireEvent.click(button);
    await new Promise((r) => setTimeout(r, 20));
    expect(actions.calls.filter((c) => c.name === 'signIn').length).toBe(before);
  });

  it('the wait belongs to the server that asked for it: another region signs in at once, and back on the first the wait goes on', async () => {
    const { actions } = await badgrForm();
    fill('throttled@example.org', 'x');
    await screen.findByRole('button', { name: /Try again in \d+ s/ });
    const region = screen.getByRole('combobox', { name: 'Region' });
    // Throttled by api.badgr.io, the user sees they picked the wrong region: api.eu.badgr.io never asked them to wait.
    fireEvent.change(region, { target: { value: 'eu' } });
    const button = screen.getByRole('button', { name: 'Sign in' });
    expect(button.getAttribute('aria-disabled')).toBeNull();
    fireEvent.change(region, { target: { value: 'us' } });
    expect(screen.getByRole('button', { name: /Try again in \d+ s/ }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.change(region, { target: { value: 'eu' } });
    fill('ada@example.org', 'lanyard-demo');
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'signIn').at(-1)?.args[0]).toMatchObject({ baseUrl: 'https://api.eu.badgr.io', username: 'ada@example.org' }));
  });

  it('a provider that refuses registration: offer the password sign-in on the same host', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Another wallet or backpack/ }));
    fireEvent.input(await screen.findByLabelText("Provider's web address"), { target: { value: 'https://refuses.example' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Badge Connect (Open Badges 2.1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    expect((await screen.findByRole('alert')).textContent).toContain('does not let Lanyard register');
    expect(actions.calls.find((c) => c.name === 'signIn')?.args[0]).toEqual({ kind: 'badge-connect', baseUrl: 'https://refuses.example', attempt: expect.any(String) });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in with a password instead' }));
    expect(((await screen.findByLabelText('Server address')) as HTMLInputElement).value).toBe('https://refuses.example');
  });

  it('refused host permission is explained', async () => {
    await badgrForm({ scenario: 'first-run', denyPermissions: true });
    fill('ada@example.org', 'lanyard-demo');
    expect((await screen.findByRole('alert')).textContent).toContain('was not given access');
  });
});

describe('local backpack', () => {
  it('"Restore from a Lanyard backup file" lands on the backup section, focus on its heading (it landed on the top of Settings, the backup four sections below, out of view)', async () => {
    renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: 'Restore from a Lanyard backup file' }));
    const heading = await screen.findByRole('heading', { level: 3, name: 'Backup' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    // From the header, Settings opens at its top as before.
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const title = await screen.findByRole('heading', { level: 2, name: 'Settings' });
    await waitFor(() => expect(document.activeElement).toBe(title));
  });

  it('the paste box names the JSON it takes (it said "a badge link or a JWS"), and a pasted JSON badge goes to the background as text', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
    const box = await screen.findByLabelText(/JSON/);
    expect(box.tagName).toBe('TEXTAREA');
    const json = '{"@context":"https://w3id.org/openbadges/v2","type":"Assertion"}';
    fireEvent.input(box, { target: { value: json } });
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'importBadge').at(-1)?.args[0]).toEqual({ kind: 'text', text: json }));
  });

  it('imports a pasted URL and a picked file', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
    fireEvent.input(await screen.findByLabelText('Or paste a badge link, its JSON or a JWS'), { target: { value: 'not a badge' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    expect((await screen.findByRole('alert')).textContent).toContain('not a badge Lanyard can read');
    const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'kayak.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Choose files…'), { target: { files: [file] } });
    // Its page opens (said-once.test.tsx: it says it was added).
    await screen.findByRole('heading', { level: 2, name: 'kayak' }, { timeout: 3000 });
    expect(actions.calls.filter((c) => c.name === 'importBadge').at(-1)?.args[0]).toEqual({ kind: 'file', name: 'kayak.png', base64: 'iVBORw==' });
  });

  it('the file picker offers every kind of file a badge comes in: baked PNG, SVG and SVGZ, JSON and JSON-LD, a JWS', async () => {
    renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
    const accept = ((await screen.findByLabelText('Choose files…')) as HTMLInputElement).accept.split(',');
    expect(accept).toEqual(expect.arrayContaining(['.png', '.svg', '.svgz', '.json', '.jsonld', '.jws', '.jwt', 'application/ld+json']));
  });

  it('a refused paste stays in the box, marked invalid and described by the answer, until it is changed', async () => {
    renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
    const box = (await screen.findByLabelText('Or paste a badge link, its JSON or a JWS')) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'not a badge' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    const alert = await screen.findByRole('alert');
    expect(box.value).toBe('not a badge');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(alert.closest('[id]')?.id).toBe(box.getAttribute('aria-describedby'));
    fireEvent.input(box, { target: { value: 'not a badge either' } });
    expect(box.getAttribute('aria-invalid')).toBeNull();
  });

  it('with several files, says which one failed and how many were added', async () => {
    const scrolled: Element[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this);
    };
    renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
    const good = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'kayak.png', { type: 'image/png' });
    const bad = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    const huge = new File([new Uint8Array(8 * 1024 * 1024 + 1)], 'huge.png', { type: 'image/png' });
    fireEvent.change(await screen.findByLabelText('Choose files…'), { target: { files: [good, bad, huge] } });
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    // Brought into view (it sat below the fold, cut by the popup's bottom edge in Chromium).
    await waitFor(() => expect(scrolled).toContain(alert.parentElement));
    expect(alert.textContent).toContain('Added: 1.');
    expect(alert.textContent).toContain('notes.txt: That is not a badge Lanyard can read');
    expect(alert.textContent).toContain('huge.png: That file is too large to be a badge.');
    delete (Element.prototype as Partial<Element>).scrollIntoView;
  });

  it('with several files, a badge held already is counted as such, not as added', async () => {
    renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const a = new File([png], 'kayak.png', { type: 'image/png' });
    const again = new File([png], 'kayak copy.png', { type: 'image/png' });
    const bad = new File(['hello'], 'notes.txt', { type: 'text/plain' });
    fireEvent.change(await screen.findByLabelText('Choose files…'), { target: { files: [a, again, bad] } });
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('Added: 1.');
    expect(alert.textContent).toContain('Already had: 1.');
  });

  it('a file that cannot be read (a dropped folder, a file gone since it was picked) or is empty is named, and the others are still added', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
    // Chromium lists a dropped folder in dataTransfer.files; reading it rejects (NotFoundError). It
    // rejected Promise.all over every file: nothing was added and nothing was said.
    const folder = new File([new Uint8Array(1)], 'badges', { type: '' });
    Object.defineProperty(folder, 'arrayBuffer', { value: () => Promise.reject(new DOMException('A requested file or directory could not be found', 'NotFoundError')) });
    const empty = new File([], 'empty.png', { type: 'image/png' });
    const good = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'kayak.png', { type: 'image/png' });
    fireEvent.change(await screen.findByLabelText('Choose files…'), { target: { files: [folder, empty, good] } });
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('Added: 1.');
    expect(alert.textContent).toContain('badges: That file could not be read.');
    expect(alert.textContent).toContain('empty.png: That is not a badge Lanyard can read');
    // Only the readable, non-empty file was sent (an empty one is refused by the worker's guard as a bad request).
    expect(actions.calls.filter((c) => c.name === 'importBadge').map((c) => (c.args[0] as { name: string }).name)).toEqual(['kayak.png']);
  });

  it('files dropped while others are being added join them: none is lost, one answer says them all', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
    const zone = document.querySelector('.dropzone')!;
    const png = (n: number) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, n])], `badge${n}.png`, { type: 'image/png' });
    fireEvent.drop(zone, { dataTransfer: { files: [png(1)], getData: () => '' } });
    // Dropped before the first answer came: it was ignored without a word.
    fireEvent.drop(zone, { dataTransfer: { files: [png(2), new File(['hello'], 'notes.txt', { type: 'text/plain' })], getData: () => '' } });
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(actions.calls.filter((c) => c.name === 'importBadge').map((c) => (c.args[0] as { name: string }).name)).toEqual(['badge1.png', 'badge2.png', 'notes.txt']);
    expect(alert.textContent).toContain('Added: 2.');
    expect(alert.textContent).toContain('notes.txt: That is not a badge Lanyard can read');
  });

  it('a link dragged from a page (no file) is added as if pasted: the first URL of its uri-list', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
    const getData = (type: string) => (type === 'text/uri-list' ? '# a comment\r\nhttps://badges.example.org/assertions/1\r\nhttps://other.example/2' : 'ignored');
    fireEvent.drop(document.querySelector('.dropzone')!, { dataTransfer: { files: [], getData } });
    await screen.findByRole('heading', { level: 2, name: 'Imported badge', description: 'Added “Imported badge”.' }, { timeout: 3000 });
    expect(actions.calls.filter((c) => c.name === 'importBadge').map((c) => c.args[0])).toEqual([{ kind: 'text', text: 'https://badges.example.org/assertions/1' }]);
  });

  it('sends a file whose name is very long or empty (a picture dragged from a web page) under a name the worker takes', async () => {
    const { actions } = renderApp({ scenario: 'first-run' });
    fireEvent.click(await screen.findByRole('button', { name: /Just this browser/ }));
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const long = new File([png], `ab${'😀'.repeat(200)}.png`, { type: 'image/png' });
    const unnamed = new File([png], '', { type: 'image/png' });
    fireEvent.change(await screen.findByLabelText('Choose files…'), { target: { files: [long, unnamed] } });
    await waitFor(() => expect(actions.calls.filter((c) => c.name === 'importBadge')).toHaveLength(2), { timeout: 3000 });
    for (const c of actions.calls.filter((c) => c.name === 'importBadge')) {
      // The worker's own guard: before, these were refused as bad messages.
      expect(parseMessage('popup', { type: 'badges/import', args: { source: c.args[0] } }).ok).toBe(true);
      expect((c.args[0] as { name: string }).name).not.toMatch(/[\uD800-\uDBFF]$/);
    }
  });
});

describe('several badges in one file (a presentation, a list)', () => {
  const batchOf = async (batch: { total: number; added: number; held: number; refused: number }) => {
    const { actions } = renderApp();
    await screen.findByRole('listbox');
    const listed = await actions.listBadges();
    const first = listed.ok ? listed.value[0]! : undefined;
    actions.importBadge = async () => ({ ok: true, value: { ...first!, batch } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a badge' }));
    const file = new File(['[{}]'], 'export.json', { type: 'application/json' });
    fireEvent.change(await screen.findByLabelText('Choose files…'), { target: { files: [file] } });
  };

  it('says how many were added and held, and stays on the import screen', async () => {
    await batchOf({ total: 3, added: 2, held: 1, refused: 0 });
    await waitFor(() => expect(document.getElementById('import-answer')?.textContent).toBe('Added: 2. Already had: 1.'));
    expect(screen.getByLabelText('Choose files…')).toBeTruthy();
  });

  it('names the file and how many of its badges were refused', async () => {
    await batchOf({ total: 3, added: 2, held: 0, refused: 1 });
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('Added: 2.');
    expect(alert.textContent).toContain('export.json: 1 of the 3 badges it holds could not be added');
  });
});

describe('signing in again', () => {
  it('"Sign in again" fills in the account\'s server and e-mail: only the password is left to type', async () => {
    const actions = createMockActions();
    const getState = actions.getState;
    // The Canvas Credentials account's session ended.
    actions.getState = async () => {
      const r = await getState();
      return r.ok ? { ...r, value: { ...r.value, accounts: r.value.accounts.map((a) => (a.id === 'badgr-us' ? { ...a, needsSignIn: true } : a)) } } : r;
    };
    render(<App actions={actions} t={t} locale="en" now={now} />);
    await screen.findByRole('listbox');
    fireEvent.click(screen.getByRole('button', { name: 'Accounts' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Sign in again for Canvas Credentials/ }));
    await screen.findByLabelText('Password');
    expect((screen.getByLabelText('E-mail') as HTMLInputElement).value).toBe('ada@example.org');
    expect((screen.getByRole('combobox', { name: 'Region' }) as HTMLSelectElement).value).toBe('us');
  });
});
