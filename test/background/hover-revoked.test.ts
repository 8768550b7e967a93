/**
 * A hover script stays in a tab that was open when the user took back the site's permission
 * (the browser unregisters it for new pages only: src/platform/hover-script.ts). The background
 * answers only a page whose site the user still grants: the hover site's pattern alone is not
 * enough (it is kept until the user turns hover off for the site).
 */
import { describe, expect, it } from 'vitest';
import { failure, harness } from './harness.ts';

const page = { url: 'https://blog.example/post', tab: { id: 5 }, frameId: 0 };
const badge = 'https://issuer.example/badges/a.json';

describe('hover verification after the site’s grant is taken back', () => {
  it('is refused, and nothing is fetched, until the site is granted again', async () => {
    const h = await harness();
    await h.app.settings.set({ hoverVerify: true });
    await h.app.hoverSites.add('https://blog.example/*', true);
    h.granted.add('https://blog.example/*');
    expect(await h.app.content.hoverVerify(badge, page)).toMatchObject({ verdict: 'indeterminate' });
    h.granted.delete('https://blog.example/*');
    const before = h.fetched.length;
    expect(await failure(h.app.content.hoverVerify(`${badge}?2`, page))).toMatchObject({ code: 'ERR_FORBIDDEN_SENDER' });
    // Not even a verdict it keeps for this site.
    expect(await failure(h.app.content.hoverVerify(badge, page))).toMatchObject({ code: 'ERR_FORBIDDEN_SENDER' });
    expect(h.fetched.length).toBe(before);
    h.granted.add('https://blog.example/*');
    // The next second (refusals count against the tab's rate too).
    h.clock.offsetMs += 1000;
    expect(await h.app.content.hoverVerify(`${badge}?2`, page)).toMatchObject({ verdict: 'indeterminate' });
  });
});
