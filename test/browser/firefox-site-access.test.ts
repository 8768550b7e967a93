/**
 * The sites the content scripts run on, taken back and given again, in Firefox (dist/firefox,
 * through Marionette: firefox/support.ts). Firefox 127+ grants an MV3 add-on's host_permissions at
 * install (MDN manifest.json/host_permissions), but the user can take them back in about:addons:
 * ExtensionPermissions.remove here, what its toggle calls. The popup then says so, and its
 * "Allow access" gets them back through the add-on's own permissions.request from the click
 * (the prompt itself is browser UI no test can press: extensions.webextOptionalPermissionPrompts
 * is off, so Firefox grants what the request asks for, after the same checks).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Firefox, waitFor } from './firefox/support.ts';

let ff: Firefox;

beforeAll(async () => {
  ff = await Firefox.launch({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
});
afterAll(async () => {
  await ff?.quit();
});

const LINKEDIN = 'https://www.linkedin.com/*';
const contains = (origin: string) => ff.run((o: string) => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({ origins: [o] }), origin);

describe('site access in Firefox', { timeout: 180_000 }, () => {
  it('granted at install: no notice; taken back: named, and "Allow access" gets it back', async () => {
    await ff.openPopup();
    await ff.el('h2', 'Welcome to Lanyard');
    expect(await contains(LINKEDIN)).toBe(true);
    expect(await ff.run(() => document.body.textContent?.includes('Allow access'))).toBe(false);
    await ff.closeTab();

    await ff.revokeHosts([LINKEDIN]);
    await ff.openPopup();
    expect(await contains(LINKEDIN)).toBe(false);
    await ff.text("Lanyard's buttons cannot show on LinkedIn: the browser does not let Lanyard into them.");
    await ff.screenshot('site-access-missing');
    expect(await ff.axe()).toEqual([]);
    await ff.click('button', 'Allow access');
    await ff.text('Allowed. Reload the LinkedIn tabs you have open to see Lanyard');
    expect(await waitFor(() => contains(LINKEDIN), 10_000, 'granted again')).toBe(true);
    expect(await ff.takeErrors()).toEqual([]);
    await ff.closeTab();
  });
});
