/**
 * The hover card under a page's view transition, in Firefox (dist/firefox through Marionette; attack35). A page at its
 * real https URL (firefox/proxy.ts), once the card shows its verdict, starts a view transition whose live group holds its
 * own "✓ Verified" box where the card is (firefox/view-transition.ts): painted above the top layer, over the card, and
 * Firefox has no IntersectionObserver v2 to tell. While the document has a view transition (`:active-view-transition`)
 * the card shows no verdict; it does once the transition ends. Run `npm run build` first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOG, startHoverBlog, type HoverBlog } from './firefox/hover-blog.ts';
import { LOOK_ALIKE_TRANSITION } from './firefox/view-transition.ts';
import { Firefox, waitFor } from './firefox/support.ts';

let ff: Firefox;
let blog: HoverBlog;

beforeAll(async () => {
  blog = await startHoverBlog();
  ff = blog.ff;
});
afterAll(async () => {
  await blog?.close();
});

/** The card's state (inside its closed root, for tests): 'withheld' while its verdict is held back; null with no card. */
async function cardState(): Promise<string | null> {
  const [box] = await ff.inShadow('hover-card', '.c').catch(() => []);
  return box ? ff.attribute(box, 'data-state') : null;
}

describe('the hover card under a page’s view transition, in Firefox', { timeout: 180_000 }, () => {
  it('a transition drawing the page’s look-alike over the card: no verdict while it lasts, the verdict once it ends', async () => {
    await ff.openTab(BLOG);
    await ff.mouseAway();
    await ff.hover(await ff.find('#revoked'));
    await waitFor(async () => (await cardState()) === 'ready', 20_000, 'the card ready');
    const [box] = await ff.inShadow('hover-card', '.c');
    const at = await ff.run((el: Element) => {
      const b = el.getBoundingClientRect();
      return { x: b.left, y: b.top, w: b.width, h: b.height };
    }, box as unknown as Element);
    await ff.run(LOOK_ALIKE_TRANSITION, '✓ Verified badge', at);
    expect(await ff.run(() => document.documentElement.matches(':active-view-transition'))).toBe(true);
    // Seen at the next look (200 ms).
    await new Promise((r) => setTimeout(r, 500));
    const states = new Set<string | null>();
    for (let i = 0; i < 6; i++) (await new Promise((r) => setTimeout(r, 200)), states.add(await cardState()));
    await ff.screenshot('hover-card-view-transition', null);
    expect(await ff.run(() => document.documentElement.matches(':active-view-transition'))).toBe(true);
    expect([...states]).toEqual(['withheld']);
    await ff.run(() => (window as unknown as { endTransition: () => void }).endTransition());
    await waitFor(async () => (await cardState()) === 'ready', 5_000, 'the verdict back');
    await ff.screenshot('hover-card-view-transition-ended', null);
  });
});
