// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PickerBadge } from '../../../src/messaging/views.ts';
import { openPicker } from '../../../src/content/ui/picker.ts';
import { installRuntime, raw, type FakeRuntime } from '../support/runtime.ts';
import fr from '../../../public/_locales/fr/messages.json' with { type: 'json' };
import type { Messages } from '../../../src/popup/i18n.ts';
import { flush, hosts, pickerRoot, shown } from '../support/shadow.ts';
import { pause, pressAfterPause } from '../support/armed.ts';

// jsdom cannot make trusted events: here the tests' clicks and keys stand for the user's (src/content/ui/user.ts;
// test/content/ui/user-events.test.ts shows that a page's made-up ones do nothing).
vi.mock('../../../src/content/ui/user.ts', () => ({ fromUser: () => true }));

const BADGES: PickerBadge[] = [
  { key: 'a', name: 'Analytical Engine Programmer', issuerName: 'Analytical Society', issuedOn: '2026-03-02T10:00:00Z', verdict: 'valid', image: 'https://b.example/a.png' },
  { key: 'h', name: '<img src=x onerror=alert(1)>', verdict: 'invalid', image: 'javascript:alert(1)', warning: { level: 'invalid', check: { id: 'revocation', outcome: 'fail', code: 'ERR_REVOKED' } } },
  { key: 'p', name: 'Poetical Science', verdict: 'indeterminate', image: 'data:image/png;base64,iVBORw0KGgo=', warning: { level: 'indeterminate', check: { id: 'issuer-key', outcome: 'indeterminate', code: 'ERR_FETCH_FAILED' } } },
  { key: 'u', name: 'Unverified one', verdict: 'unverified', warning: { level: 'unverified' } },
];

let rt: FakeRuntime;
let anchor: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<button id="anchor">open</button><p id="outside">x</p>';
  anchor = document.getElementById('anchor')!;
  rt = installRuntime({
    'picker/list': ({ query }) => BADGES.filter((b) => b.name.toLowerCase().includes(query.toLowerCase())),
  });
});
afterEach(() => {
  rt.restore();
  document.documentElement.querySelectorAll('[data-lanyard]').forEach((e) => e.remove());
  vi.useRealTimers();
});

const options = () => [...pickerRoot().querySelectorAll('li[role=option]')];

/** Opens the picker; `picked` collects what it picked, `key` presses a key in its panel. */
async function openWithKeys(): Promise<{ picked: string[]; key(k: string): boolean }> {
  const picked: string[] = [];
  openPicker({ anchor, title: 't', onPick: async (b) => void picked.push(b.key) });
  await flush();
  const panel = pickerRoot().querySelector('[role=dialog]')!;
  // A person reads before pressing Enter (armed.ts: a pick right after the picker appears does nothing).
  return { picked, key: (k) => (k === 'Enter' && pause(), panel.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }))) };
}

describe('badge picker', () => {
  it('lists badges with their data: pictures, issuer, date and a verification mark; names stay text', async () => {
    openPicker({ anchor, title: 'Insert a badge', onPick: async () => {} });
    await flush();
    const root = pickerRoot();
    expect(root.querySelector('[role=dialog]')?.getAttribute('aria-label')).toBe('Insert a badge');
    // The name says all the row shows, issuer and date too, in its order (WCAG 2.5.3 Label in Name).
    expect(options().map((o) => o.getAttribute('aria-label'))).toEqual([
      'Analytical Engine Programmer, Analytical Society · Mar 2026, Verified',
      '<img src=x onerror=alert(1)>, Not valid',
      'Poetical Science, Not fully verified',
      'Unverified one, Not checked yet',
    ]);
    const imgs = [...root.querySelectorAll('li img')].map((i) => i.getAttribute('src'));
    // Only the picture the message holds: an https one would be requested by the page (its service worker sees it).
    expect(imgs).toEqual(['data:image/png;base64,iVBORw0KGgo=']);
    expect(shown(options()[0])).toContain('Analytical Society · ');
    expect(shown(options()[1]?.querySelector('b'))).toBe('<img src=x onerror=alert(1)>');
    expect(root.querySelector('[onerror]')).toBeNull();
    expect(options().map((o) => shown(o.querySelector('.m i')))).toEqual(['✓', '✕', '?', '–']);
    // The status in words, not colour alone.
    expect(options().map((o) => shown(o.querySelector('.m')))).toEqual(['✓', '✕ Not valid', '? Not fully verified', '– Not checked yet']);
  });

  it('searches through the background after a pause in typing', async () => {
    vi.useFakeTimers();
    openPicker({ anchor, title: 't', onPick: async () => {} });
    await vi.runAllTimersAsync();
    const input = pickerRoot().querySelector('input')!;
    // As a browser types: each edit announced by its beforeinput.
    for (const q of ['p', 'po', 'poe']) {
      input.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: q.at(-1), cancelable: true }));
      input.value = q;
      input.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: q.at(-1) }));
    }
    await vi.runAllTimersAsync();
    expect(rt.sent.map((m) => m.args)).toEqual([{ query: '' }, { query: 'poe' }]);
    expect(options().map((o) => shown(o.querySelector('b')))).toEqual(['Poetical Science']);
  });

  it('undoes an edit of the search no beforeinput announced (the page’s document.execCommand), and searches nothing for it', async () => {
    vi.useFakeTimers();
    openPicker({ anchor, title: 't', onPick: async () => {} });
    await vi.runAllTimersAsync();
    const input = pickerRoot().querySelector('input')!;
    input.value = 'poe';
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: 'poe' }));
    await vi.runAllTimersAsync();
    expect(input.value).toBe('');
    // Nor one made in the stead of the person's keystroke (its beforeinput cancelled by the page): another text.
    input.dispatchEvent(new InputEvent('beforeinput', { inputType: 'insertText', data: 'z', cancelable: true }));
    input.value = 'poe';
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: 'poe' }));
    await vi.runAllTimersAsync();
    expect(input.value).toBe('');
    expect(rt.sent.map((m) => m.args)).toEqual([{ query: '' }]);
    expect(options().length).toBeGreaterThan(1);
  });

  it('picks with the keyboard and closes; Escape closes', async () => {
    const { picked, key } = await openWithKeys();
    key('ArrowDown');
    key('ArrowDown');
    key('ArrowUp');
    expect(options()[1]?.getAttribute('aria-selected')).toBe('true');
    key('ArrowUp');
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
    key('ArrowDown');
    key('ArrowUp');
    key('Enter');
    await flush();
    expect(picked).toEqual(['a']);
    expect(hosts('picker')).toEqual([]);
    openPicker({ anchor, title: 't', onPick: async () => {} });
    key('Escape'); // the old panel is gone: nothing happens
    pickerRoot().querySelector('[role=dialog]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(hosts('picker')).toEqual([]);
  });

  it('keys an input method is composing with are its own: Enter commits the text, Escape cancels it, arrows choose among its candidates', async () => {
    // UI Events §5.6.2 / §4.3.3: a keydown during composition has isComposing (Firefox gives Enter its key; Chrome keyCode 229 "Process").
    const { picked } = await openWithKeys();
    const panel = pickerRoot().querySelector('[role=dialog]')!;
    const composing = (key: string, init: KeyboardEventInit = { isComposing: true }) => {
      const e = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
      panel.dispatchEvent(e);
      return e.defaultPrevented;
    };
    pause();
    expect(composing('ArrowDown')).toBe(false);
    expect(options()[0]?.getAttribute('aria-selected')).toBe('true');
    expect(composing('Enter')).toBe(false);
    expect(composing('Enter', { keyCode: 229 } as KeyboardEventInit)).toBe(false);
    expect(composing('Escape')).toBe(false);
    await flush();
    expect(picked).toEqual([]);
    expect(hosts('picker').length).toBe(1);
    // Once the text is committed, the same keys are the picker's.
    composing('ArrowDown', {});
    expect(options()[1]?.getAttribute('aria-selected')).toBe('true');
  });

  it('Enter held with Ctrl, Meta, Alt or Shift picks nothing: a shortcut meant for the site (Gmail’s Ctrl+Enter sends)', async () => {
    const { picked } = await openWithKeys();
    const panel = pickerRoot().querySelector('[role=dialog]')!;
    pause();
    for (const held of ['ctrlKey', 'metaKey', 'altKey', 'shiftKey']) {
      const e = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, [held]: true });
      panel.dispatchEvent(e);
      expect(e.defaultPrevented, held).toBe(false);
    }
    await flush();
    expect(picked).toEqual([]);
    expect(hosts('picker').length).toBe(1);
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
    await flush();
    expect(picked).toEqual(['a']);
  });

  it('shows the error a pick returns and stays open; a click outside closes it', async () => {
    openPicker({ anchor, title: 't', onPick: async () => 'LinkedIn said no' });
    await flush();
    pressAfterPause(options()[0]);
    await flush();
    expect(shown(pickerRoot().querySelector('[role=status]'))).toBe('LinkedIn said no');
    document.getElementById('outside')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
    expect(hosts('picker')).toEqual([]);
  });

  it('shows the background’s error, and an empty state', async () => {
    rt.handle['picker/list'] = () => raw({ ok: false, error: { code: 'ERR_LOCKED', message: 'Unlock Lanyard first.' } });
    openPicker({ anchor, title: 't', onPick: async () => {} });
    await flush();
    expect(shown(pickerRoot().querySelector('[role=status]'))).toBe('Unlock Lanyard first.');
    rt.handle['picker/list'] = () => [];
    openPicker({ anchor, title: 't', onPick: async () => {} });
    await flush();
    expect(hosts('picker')).toHaveLength(1);
    expect(shown(pickerRoot().querySelector('[role=status]'))).toMatch(/No badges yet/);
  });

  it('says a transport failure and a removed badge in its own words, by code', async () => {
    rt.handle['picker/list'] = () => raw({ ok: false, error: { code: 'ERR_TRANSPORT', message: 'Extension context invalidated.' } });
    openPicker({ anchor, title: 't', onPick: async () => {} });
    await flush();
    expect(shown(pickerRoot().querySelector('[role=status]'))).toBe('Lanyard did not answer: reload the page, then try again.');
  });

  it('keeps typing away from the site’s shortcuts, and closes with the feature', async () => {
    const seen: string[] = [];
    document.addEventListener('keydown', (e) => seen.push(e.key));
    const feature = new AbortController();
    openPicker({ anchor, title: 't', onPick: async () => {}, signal: feature.signal });
    await flush();
    pickerRoot().querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, composed: true }));
    expect(seen).toEqual([]);
    feature.abort();
    expect(hosts('picker')).toEqual([]);
  });
});

describe('a badge that is not valid (the share screen’s warning)', () => {
  const warningBox = () => pickerRoot().querySelector<HTMLElement>('[role=alert]');
  const button = (name: string) => [...pickerRoot().querySelectorAll('button')].find((b) => shown(b) === name)!;

  it('warns before use, as the share screen does; "Choose another" goes back, "Use it anyway" uses it', async () => {
    const picked: string[] = [];
    openPicker({ anchor, title: 't', onPick: async (b) => void picked.push(b.key) });
    await flush();
    pressAfterPause(options()[2]);
    await flush();
    expect(picked).toEqual([]);
    expect(shown(warningBox())).toBe('Lanyard could not complete every check of this badge. Lanyard could not confirm that the signing key belongs to the issuer named on the badge. Whoever you share it with may not be able to verify it either.');
    expect(warningBox()?.closest('[hidden]')).toBeNull();
    expect(pickerRoot().querySelector('ul')?.hidden).toBe(true);
    // The safe choice has the focus.
    expect(shown(pickerRoot().activeElement)).toBe('Choose another');
    button('Choose another').click();
    expect(pickerRoot().querySelector('ul')?.hidden).toBe(false);
    expect(warningBox()?.closest('[hidden]')).not.toBeNull();
    pressAfterPause(options()[1]);
    await flush();
    expect(shown(warningBox())).toBe('This badge did not pass verification. The issuer has withdrawn (revoked) this badge. Anyone who checks it will be told it is not valid, so sharing it can do you more harm than good.');
    pressAfterPause(button('Use it anyway'));
    await flush();
    expect(picked).toEqual(['h']);
    expect(hosts('picker')).toEqual([]);
  });

  it('Enter on a warned badge only warns; Escape goes back to the list, a second Escape closes', async () => {
    const { picked, key } = await openWithKeys();
    key('ArrowDown');
    key('ArrowDown');
    key('ArrowDown');
    key('Enter');
    await flush();
    expect(picked).toEqual([]);
    expect(shown(warningBox())).toBe('Lanyard has not checked this badge yet: verify it before you share it.');
    key('Enter');
    await flush();
    expect(picked).toEqual([]);
    key('Escape');
    expect(hosts('picker')).toHaveLength(1);
    expect(pickerRoot().querySelector('ul')?.hidden).toBe(false);
    key('Escape');
    expect(hosts('picker')).toEqual([]);
  });

  it('names a host Lanyard may not read in its own words', async () => {
    rt.handle['picker/list'] = () => [{ key: 'x', name: 'X', verdict: 'indeterminate', warning: { level: 'indeterminate', needsAccess: 'issuer.example' } }];
    openPicker({ anchor, title: 't', onPick: async () => {} });
    await flush();
    pressAfterPause(options()[0]);
    await flush();
    expect(shown(warningBox())).toBe('Lanyard could not complete every check of this badge. Lanyard may not read issuer.example yet. Whoever you share it with may not be able to verify it either.');
  });

  it('speaks the browser’s language (French here)', async () => {
    rt.restore();
    rt = installRuntime({ 'picker/list': () => BADGES }, fr as Messages);
    openPicker({ anchor, title: 't', onPick: async () => {} });
    await flush();
    expect(pickerRoot().querySelector('input')?.getAttribute('placeholder')).toBe('Rechercher dans vos badges');
    expect(options()[2]?.getAttribute('aria-label')).toBe('Poetical Science, Pas entièrement vérifié');
    // The month in the words' language (contentLocale), not the page's lang="en" or "Mar".
    expect(shown(options()[0]?.querySelector('small'))).toBe('Analytical Society · mars 2026');
    pressAfterPause(options()[1]);
    await flush();
    // The whole warning in French, the check's sentence too (check-words.ts), never the engine's English.
    expect(shown(warningBox())).toBe("Ce badge n’a pas réussi la vérification. L’émetteur a retiré (révoqué) ce badge. Quiconque le vérifie apprendra qu’il n’est pas valide\u202f; le partager peut vous nuire plus que vous servir.");
    expect(button('L’utiliser quand même')).toBeTruthy();
    button('En choisir un autre').click();
    pressAfterPause(options()[2]);
    await flush();
    expect(shown(warningBox())).toBe("Lanyard n’a pas pu mener à bien toutes les vérifications de ce badge. Lanyard n’a pas pu confirmer que la clé de signature appartient à l’émetteur indiqué sur le badge. La personne avec qui vous le partagez ne pourra peut-être pas le vérifier non plus.");
  });

  it.each([
    [{ level: 'indeterminate', check: { id: 'signature', outcome: 'indeterminate', code: 'ERR_UNSUPPORTED' } }, "Lanyard n’a pas pu établir si la signature garantit ce badge."],
    [{ level: 'invalid', check: { id: 'validity', outcome: 'fail', code: 'ERR_EXPIRED' } }, 'Le badge a expiré.'],
    [{ level: 'indeterminate', needsAccess: 'issuer.example' }, 'Lanyard n’a pas encore accès à issuer.example.'],
  ] as const)('says why in French, in the page’s words: %j', async (warning, why) => {
    rt.restore();
    rt = installRuntime({ 'picker/list': () => [{ key: 'x', name: 'X', verdict: warning.level, warning }] }, fr as Messages);
    openPicker({ anchor, title: 't', onPick: async () => {} });
    await flush();
    pressAfterPause(options()[0]);
    await flush();
    expect(shown(warningBox())).toContain(` ${why} `);
    expect(shown(warningBox())).not.toMatch(/technical|techniques|[A-Z]{3}_/);
  });
});
