/**
 * Copies from the real popup in Firefox (dist/firefox through Marionette: firefox/support.ts), which
 * no other test presses: "Copy text" (navigator.clipboard.writeText) and "Copy for e-mail" (a
 * ClipboardItem with text/html and text/plain: Firefox 127+), both straight from the click, with
 * no clipboardWrite permission (the click's user activation allows it). What lands is read back
 * from the parent's clipboard (headless Firefox keeps its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Firefox } from './firefox/support.ts';

let ff: Firefox;

beforeAll(async () => {
  ff = await Firefox.launch();
});
afterAll(async () => {
  await ff?.quit();
});

/** The clipboard's `flavor` as text, read in the parent (nsIClipboard). */
async function clipboard(flavor: 'text/plain' | 'text/html'): Promise<string> {
  return ff.chrome<string>(
    `const t = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
     t.init(null);
     t.addDataFlavor(arguments[0]);
     const w = Services.wm.getMostRecentWindow('navigator:browser');
     Services.clipboard.getData(t, Ci.nsIClipboard.kGlobalClipboard, w.browsingContext.currentWindowContext);
     const out = {};
     try { t.getTransferData(arguments[0], out); } catch { return ''; }
     return out.value.QueryInterface(Ci.nsISupportsString).data;`,
    [flavor],
  );
}

describe('copying from the popup in Firefox', { timeout: 180_000 }, () => {
  it('"Copy text" and "Copy for e-mail" reach the clipboard', async () => {
    await ff.importConformance('dcc/v2_dataIntegrityProof_didKey_legacyRegistry-noStatus-noExpiry-identityHash.json');
    await ff.openPopup();
    await ff.click('#badge-row-0');
    await ff.click('button', 'Share');
    await ff.click('button', 'Copy text');
    await ff.text('Copied');
    expect(await clipboard('text/plain')).toContain('Truth, veracity, candor, and verisimilitude.');
    await ff.click('button', 'Copy for e-mail');
    await ff.el('.notice', /Copied/);
    const html = await clipboard('text/html');
    // The card (this did:key badge has no public page, so no link), as HTML; its words as text beside it.
    expect(html).toMatch(/<table role="presentation"[^>]*>.*Truth, veracity, candor, and verisimilitude\.<\/div>/);
    expect(await clipboard('text/plain')).toBe('I earned the badge “Truth, veracity, candor, and verisimilitude.” from The Learned.');
    expect(await ff.takeErrors()).toEqual([]);
  });
});
