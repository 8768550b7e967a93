/**
 * Firefox runs the background as an event page that it stops once idle (30 s by default:
 * extensions.background.idle.timeout; MDN "Background scripts"): its listeners must be there again
 * from the first line when a message wakes it. Here the page is stopped as its idle timer would
 * (extension.terminateBackground, in the parent), then the popup (dist/firefox through Marionette:
 * firefox/support.ts) opens on the list kept before, with no error from the restarted page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Firefox, waitFor } from './firefox/support.ts';

let ff: Firefox;

beforeAll(async () => {
  ff = await Firefox.launch();
});
afterAll(async () => {
  await ff?.quit();
});


describe('Firefox’s event page, stopped and woken', { timeout: 180_000 }, () => {
  it('a stopped background page wakes for the popup’s messages and answers from what it kept', async () => {
    await ff.importConformance('dcc/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-identityHash.json');

    expect(await ff.backgroundState()).toBe('running');
    await ff.chrome(`WebExtensionPolicy.getByID(arguments[0]).extension.terminateBackground({ disableResetIdleForTest: true });`, [ff.launched.geckoId]);
    await waitFor(async () => (await ff.backgroundState()) === 'stopped', 10_000, 'the background page stopped');

    await ff.openPopup();
    await ff.el('#badge-row-0', /verisimilitude/);
    expect(await ff.backgroundState()).toBe('running');
    await ff.click('#badge-row-0');
    await ff.text('Truth, veracity, candor, and verisimilitude.');
    expect(await ff.takeErrors()).toEqual([]);
  });
});
