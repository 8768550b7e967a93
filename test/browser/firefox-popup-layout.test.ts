/**
 * The popup's layout in Firefox (dist/firefox through Marionette, the preview over the mock
 * actions, 40 badges): the filters leave the list room, and the dark scheme's scrollbars are dark
 * too; and, over the real background page, the popup opens where it was (src/popup/resume.ts, in
 * the page's localStorage). Screenshots in test-results/firefox/.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Firefox } from './firefox/support.ts';

let ff: Firefox;

beforeAll(async () => {
  ff = await Firefox.launch();
});
afterAll(async () => {
  await ff?.quit();
});

describe('popup layout in Firefox', { timeout: 120_000 }, () => {
  // Found in the 2026-12-06 review: one filter per line took two thirds of the list's room.
  it('open with a filter on, the filters leave three badges and more in view', async () => {
    await ff.openPopup('?preview=1&n=40');
    await ff.el('[role=listbox]', /.*/);
    await ff.click('button', 'Filters');
    await ff.select('Verification', 'valid');
    await ff.el('button', 'Clear filters');
    const [list, filters] = await ff.run(() => ['.list-viewport', '#filters'].map((s) => document.querySelector(s)?.getBoundingClientRect().height ?? 0));
    expect(list).toBeGreaterThanOrEqual(3 * 64);
    expect(filters).toBeLessThan(list as number);
    await ff.screenshot('popup-layout-filters-open');
    expect(await ff.takeErrors()).toEqual([]);
    await ff.closeTab();
  });

  // Found in the same review: with Firefox's "Website appearance: Dark" (the content colour-scheme
  // override) over a light system theme, the list's scrollbar was a white stripe beside dark rows.
  it('in the dark scheme the list scrolls with a dark track and a visible thumb', async () => {
    await ff.openPopup('?preview=1&n=40', 'dark');
    await ff.el('[role=listbox]', /.*/);
    const look = await ff.run(() => {
      const list = document.querySelector('.list-viewport') as HTMLElement;
      const rgb = (c: string) => {
        const probe = document.createElement('span');
        probe.style.color = c;
        document.body.append(probe);
        const v = getComputedStyle(probe).color.match(/\d+/g)!.slice(0, 3).map(Number);
        probe.remove();
        return v.reduce((a, b) => a + b, 0);
      };
      const [thumb, track] = getComputedStyle(list).scrollbarColor.split(/\s+(?=[#a-z])/i);
      return { gutter: list.offsetWidth - list.clientWidth, thumb: thumb ? rgb(thumb) : -1, track: track ? rgb(track) : -1 };
    });
    expect(look.gutter).toBeGreaterThan(0);
    expect(look.track).toBeGreaterThanOrEqual(0);
    expect(look.track).toBeLessThan(150);
    expect(look.thumb).toBeGreaterThan(look.track + 100);
    await ff.screenshot('popup-layout-dark-scrollbar');
    expect(await ff.takeErrors()).toEqual([]);
    await ff.closeTab();
  });

  it('over the real background page, closed on a share screen it opens there again', async () => {
    await ff.openPopup();
    const added = await ff.call<{ key: string; name: string }>('badges/import', { source: { kind: 'text', text: readFileSync('test/fixtures/suites/vc-ed_plugfest-3-2023_signed_badge_example-p3.json', 'utf8') } });
    await ff.closeTab();
    await ff.openPopup();
    await ff.click('#badge-row-0');
    await ff.el('h2', added.name);
    await ff.click('button', 'Share');
    await ff.el('a', 'Add to LinkedIn profile');
    await ff.closeTab();
    await ff.openPopup();
    await ff.el('a', 'Add to LinkedIn profile');
    expect(await ff.run(() => document.querySelector('h2')?.textContent)).toContain(added.name);
    await ff.screenshot('popup-resume-share');
    await ff.closeTab();
  });
});
