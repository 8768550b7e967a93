/**
 * The sign-in progress in Firefox (dist/firefox through Marionette: firefox/support.ts), over the
 * real background page and the test backpack: a popup closed while a password sign-in waits for the
 * backpack and opened again shows the same busy form with Cancel (state/get `signingIn`, as
 * test/browser/popup-sign-in-progress.test.ts checks in Chromium); the keyboard reaches Cancel, and
 * Cancel ends the sign-in in the background page. Screenshots in test-results/firefox/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import { Firefox } from './firefox/support.ts';

let ff: Firefox;
let bp: Backpack;
const releases: (() => void)[] = [];

beforeAll(async () => {
  bp = await startBackpack({ port: 0, badges: 3 });
  ff = await Firefox.launch();
  await ff.grantHosts(['http://127.0.0.1/*']);
});
afterAll(async () => {
  for (const r of releases) r();
  await ff?.quit();
  await bp?.close();
});

/** Holds the backpack's next request to `path` until the returned function is called. */
function hold(path: string): () => void {
  let release!: () => void;
  bp.control.failNext({ path, hold: new Promise<void>((r) => (release = r)) });
  releases.push(release);
  return release;
}

type State = { accounts: { id: string }[]; signIns?: unknown[] };
const TAB = '\uE004';
const ENTER = '\uE007';

describe('a sign-in under way, in Firefox', { timeout: 120_000 }, () => {
  it('a popup opened again shows it busy with Cancel, and Cancel by keyboard ends it in the background page', async () => {
    const release = hold('/v2/users/self');
    await ff.openPopup();
    await ff.click('button', /Canvas Credentials/);
    await ff.select('Region', 'custom');
    await ff.fill('Server address', bp.baseUrl);
    await ff.fill('E-mail', ADA.username);
    await ff.fill('Password', ADA.password);
    await ff.click('button', 'Sign in');
    await ff.el('button', 'Signing in…', 10_000);
    await ff.closeTab();
    // Firefox's own report when a page closes with a message unanswered (ExtensionCommon's
    // "Promise rejected after context unloaded", logged whether or not the page handles it): the
    // closed popup's sign-in message, which the background page goes on with. Nothing else.
    await new Promise((r) => setTimeout(r, 500));
    expect((await ff.takeErrors()).filter((e) => !e.startsWith('Promise rejected after context unloaded: '))).toEqual([]);

    await ff.openPopup();
    const busy = await ff.el('button', 'Signing in…', 10_000);
    expect(await ff.attribute(busy, 'aria-disabled')).toBe('true');
    const form = await ff.run(() => ({
      server: (document.querySelector('input[type=url], input[name=baseUrl]') as HTMLInputElement | null)?.value ?? [...document.querySelectorAll('input')].map((i) => i.value).join('|'),
      status: document.querySelector('#sign-in-status')?.textContent,
    }));
    expect(form.server).toContain(bp.baseUrl);
    expect(form.status).toBe(`A sign-in to ${new URL(bp.baseUrl).host} is under way. It goes on while this popup is closed.`);
    await ff.screenshot('sign-in-reopened');
    expect(await ff.axe()).toEqual([]);
    // Tab from the busy button reaches Cancel; Enter presses it.
    await ff.run((b: HTMLElement) => b.focus(), busy as unknown as HTMLElement);
    await ff.press(ENTER);
    await ff.press(TAB);
    expect(await ff.run(() => document.activeElement?.textContent)).toBe('Cancel');
    await ff.press(ENTER);
    await ff.el('button', 'Sign in', 10_000);
    const state = await ff.call<State>('state/get', {});
    expect(state.signIns).toBeUndefined();
    expect(state.accounts).toEqual([]);
    await ff.screenshot('sign-in-reopened-cancelled');
    release();
    expect(await ff.takeErrors()).toEqual([]);
    await ff.closeTab();
  });
});
