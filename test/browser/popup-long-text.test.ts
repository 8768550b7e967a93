/**
 * Every screen with hostile badge text that is long rather than malicious (session 28 review; run
 * `npm run build` first): a 2,000-character unbroken name, Arabic and Hebrew mixed with Latin, a
 * huge Markdown description. The test backpack's hostile account holds one badge per value, in
 * every displayed field (test/backpack/hostile-seed.ts). On the list, each screen of the bar, a
 * badge's page and its share screen: nothing drawn past the popup's 380 px, focus on the screen's
 * heading (the search box on the list); a name cut with an ellipsis has its whole as its tooltip,
 * and the share screen's title, which quotes the name, is three lines at most (it was ten).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { MALLORY } from '../backpack/hostile-seed.ts';
import { launchExtension, type Launched } from './launch.ts';
import { openPopup, shot } from './popup-helpers.ts';
import { call, extensionPage, grantHosts, waitFor } from './support/extension.ts';

const LONG = 'N'.repeat(2000);
const BIDI = 'شهادة إتمام دورة البرمجة المتقدمة — תעודת סיום Advanced קורס 2026';
const MD = ('# Heading\n\n**bold** _it_ `code` ' + 'x'.repeat(300) + '\n\n- item ' + 'y'.repeat(200) + '\n\n```\n' + 'c'.repeat(400) + '\n```\n\n').repeat(20);

let bp: Backpack;
let ext: Launched;

beforeAll(async () => {
  bp = await startBackpack({ port: 0, hostile: [LONG, BIDI, MD] });
  ext = await launchExtension();
  await grantHosts(ext, ['http://127.0.0.1/*']);
  const page = await extensionPage(ext);
  const account = await call<{ id: string }>(page, 'accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: MALLORY.username, password: MALLORY.password });
  await waitFor(async () => {
    const s = (await call<{ accounts: { id: string; sync: { status: string; done: number } }[] }>(page, 'state/get', {})).accounts.find((a) => a.id === account.id)?.sync;
    if (s?.status === 'error') throw new Error('the sync failed');
    return s?.status === 'idle' && s.done >= 3;
  }, 120_000, 250);
}, 180_000);
afterAll(async () => {
  await ext?.close();
  await bp?.close();
});

/** What is drawn past the popup's sides, and where focus is. */
const look = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > innerWidth) out.push(`sideways scroll: ${document.documentElement.scrollWidth}`);
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('.visually-hidden')) continue;
      // Drawn, not merely laid out: an ancestor that clips it (overflow) keeps it in the popup.
      let clip = false;
      for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible' && p.getBoundingClientRect().right <= innerWidth + 1) clip = true;
      if (!clip && (r.right > innerWidth + 1 || r.left < -1)) out.push(`<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> from ${Math.round(r.left)} to ${Math.round(r.right)}`);
    }
    const a = document.activeElement as HTMLElement | null;
    return { out: out.slice(0, 8), focus: a ? `${a.tagName.toLowerCase()}${a.getAttribute('type') === 'search' ? '[search]' : ''}` : '' };
  });

describe('long, bidi and Markdown badge text on every screen', () => {
  it('nothing past 380 px, focus on each screen\'s heading, a cut name whole in its tooltip, the share title three lines at most', async () => {
    const { page } = await openPopup(ext);
    const found: string[] = [];
    const at = async (where: string, focus = 'h2') => {
      await page.waitForTimeout(300);
      const { out, focus: f } = await look(page);
      found.push(...out.map((o) => `${where}: ${o}`));
      if (f !== focus) found.push(`${where}: focus on ${f}, not ${focus}`);
    };
    const listbox = page.getByRole('listbox', { name: 'Your badges' });
    await listbox.waitFor({ timeout: 30_000 });
    await at('list', 'input[search]');
    const rows = await page.locator('.badge-row').evaluateAll((els) => els.map((r) => { const n = r.querySelector('.row-name') as HTMLElement; const i = r.querySelector('.row-issuer') as HTMLElement; return { name: n.textContent, nameTip: n.title, cut: n.scrollWidth > n.clientWidth, issuer: i.textContent, issuerTip: i.title }; }));
    expect(rows).toHaveLength(3);
    for (const r of rows) {
      expect(r.nameTip).toBe(r.name);
      expect(r.issuerTip).toBe(r.issuer);
    }
    expect(rows.filter((r) => r.cut).length).toBeGreaterThanOrEqual(2);

    for (let i = 0; i < 3; i++) {
      await listbox.getByRole('option').nth(i).click();
      await page.getByRole('heading', { name: 'Verification' }).waitFor({ timeout: 15_000 });
      await at(`badge ${i}`);
      await page.getByRole('button', { name: 'Share' }).first().click();
      await page.getByRole('link', { name: 'Add to LinkedIn profile' }).waitFor({ timeout: 15_000 });
      await at(`share ${i}`);
      const title = await page.locator('h2').first().evaluate((h: HTMLElement) => ({ height: h.getBoundingClientRect().height, line: parseFloat(getComputedStyle(h).lineHeight), tip: h.title, text: h.textContent }));
      expect(title.height).toBeLessThanOrEqual(3 * title.line + 1);
      expect(title.tip.replace(/[\u2068\u2069]/g, '')).toBe(title.text);
      if (i === 0) await shot(page, 'long-text-share');
      await page.getByRole('button', { name: 'Back' }).click();
      await page.getByRole('button', { name: 'Back' }).click();
      await listbox.waitFor();
    }
    for (const [nav, name] of [['Add a badge', 'Add a badge'], ["Can't find a badge?", "Can't find a badge?"], ['Accounts', 'Accounts'], ['Settings', 'Settings']] as const) {
      await page.getByRole('navigation').getByRole('button', { name: nav }).click();
      await page.getByRole('heading', { name, level: 2 }).waitFor();
      await at(name);
    }
    await page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
    await page.getByRole('button', { name: /^E-mail addresses/ }).first().click();
    await page.getByRole('heading', { level: 2 }).first().waitFor();
    await at('addresses');
    expect(found).toEqual([]);
  }, 240_000);
});
