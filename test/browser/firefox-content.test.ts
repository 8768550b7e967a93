/**
 * The content scripts in Firefox (dist/firefox through Marionette; firefox/support.ts says what
 * is covered): pages at their real https URLs (www.linkedin.com, mail.google.com, blog.example,
 * hostile.example) through the local intercepting proxy (firefox/proxy.ts). Verify on hover on an
 * ordinary page before and after the host grant; the LinkedIn fixtures (own profile, someone
 * else's real 2024 markup, certification form, post composer) and the Gmail pages (the real 2020
 * compose, two composes and a reply) getting their buttons, and a picked badge landing.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startBackpack, type Backpack } from '../backpack/server.ts';
import { ADA } from '../backpack/seed-data.ts';
import { HOSTILE_BASE, HOSTILE_DOCS, HOSTILE_NAME } from '../content/support/badges.ts';
import { fixture, realPage, REAL_GMAIL, REAL_LINKEDIN } from '../content/support/pages.ts';
import { proxyPrefs, startProxy, type Proxy } from './firefox/proxy.ts';
import { Firefox, waitFor } from './firefox/support.ts';

let ff: Firefox;
let bp: Backpack;
let proxy: Proxy;
let ext = ''; // the extension page's tab, to speak the popup's protocol from
const BLOG = 'https://blog.example/2026/my-badges';
const LINKEDIN: Record<string, string> = {
  '/in/ada-lovelace/': 'linkedin-profile-own.html',
  '/in/ada-lovelace/edit/forms/certification/new/': 'linkedin-cert-form.html',
  '/feed/': 'linkedin-feed-composer.html',
};

const blog = () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>My badges</title></head><body>
<article><h1>My badges</h1>
<p style="margin:40px"><a id="valid" href="${bp.baseUrl}/public/assertions/ada-programmer">Analytical Engine Programmer</a></p>
<p style="margin:40px"><a id="revoked" href="${bp.baseUrl}/public/assertions/ada-retired-revoked">Retired Course</a></p>
<p style="margin:40px"><a id="plain" href="https://blog.example/about">About</a></p>
</article></body></html>`;

beforeAll(async () => {
  bp = await startBackpack({ port: 0 });
  proxy = await startProxy(['www.linkedin.com', 'media.licdn.com', 'mail.google.com', 'blog.example', new URL(HOSTILE_BASE).host], (url) => {
    switch (url.host) {
      case 'www.linkedin.com':
        if (url.pathname === '/in/someone-else/') return realPage(REAL_LINKEDIN);
        if (url.pathname.startsWith('/profile/add')) return '<!doctype html><title>Add to profile</title><p>LinkedIn form</p>';
        // LinkedIn's own link that opens the composer; served with the 2026 markup (composer in #interop-outlet's shadow root).
        if (url.pathname === '/feed/' && url.searchParams.get('shareActive') === 'true') return fixture('linkedin-feed-composer-shadow.html');
        return LINKEDIN[url.pathname] ? fixture(LINKEDIN[url.pathname]!) : null;
      case 'media.licdn.com':
        return { status: 204, body: '' };
      case 'mail.google.com':
        if (url.pathname === '/mail/u/2/') return fixture('gmail-plain-text-mode.html');
        return url.pathname === '/mail/u/0/' ? realPage(REAL_GMAIL) : url.pathname === '/mail/u/1/' ? fixture('gmail-two-composes-and-reply.html') : null;
      case 'blog.example':
        return url.pathname === '/2026/my-badges' ? blog() : null;
      default: {
        const doc = HOSTILE_DOCS[url.pathname];
        return doc ? { contentType: 'application/ld+json', body: JSON.stringify(doc) } : null;
      }
    }
  });
  ff = await Firefox.launch({ prefs: proxyPrefs(proxy.port) });
  ext = await ff.openTab(ff.popupUrl);
});
beforeEach(async () => {
  await ff.only(ext);
});
afterAll(async () => {
  await ff?.quit();
  await proxy?.close();
  await bp?.close();
});

/** Opens `url` in a new tab; the proxy served it. */
async function open(url: string): Promise<void> {
  await ff.openTab(url);
  expect(await ff.url()).toBe(url);
}
async function done(): Promise<void> {
  expect(await ff.takeErrors()).toEqual([]);
  await ff.closeTab();
  await ff.switchTo(ext);
}

/** Puts the caret after the text `after` inside `selector`. */
function caretAfter(selector: string, after: string): Promise<void> {
  return ff.run((sel: string, text: string) => {
    const root = document.querySelector(sel)! as HTMLElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(text);
      if (i < 0) continue;
      root.focus();
      const r = document.createRange();
      r.setStart(n, i + text.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(r);
      return;
    }
    throw new Error(`no text ${text} in ${sel}`);
  }, selector, after);
}

// The card's words are CSS generated content (src/content/ui/quiet.ts), which WebDriver's element text leaves out: read from data-q.
const cardText = async () => (await Promise.all((await ff.inShadow('hover-card', '.c [data-q]')).map((q) => ff.attribute(q, 'data-q')))).join('');
/** The card's state lives inside its closed shadow root: the page-visible host is the same in every state. */
const readyCard = () =>
  waitFor(async () => (await ff.inShadow('hover-card', '.c[data-state="ready"]').catch(() => [])).length > 0, 20_000, 'the hover card ready');

describe('verify on hover in Firefox', { timeout: 180_000 }, () => {
  it('does nothing before the user grants the host permission', async () => {
    expect(await ff.send('settings/set', { settings: { hoverVerify: true } })).toMatchObject({ ok: true });
    await open(BLOG);
    await ff.hover(await ff.find('#valid'));
    await new Promise((r) => setTimeout(r, 1000));
    expect(await ff.run(() => document.querySelectorAll('[data-lanyard]').length)).toBe(0);
    expect(bp.control.requests).toEqual([]);
    await done();
  });

  it('after the grant (and signed in to the backpack), shows the card with the right verdicts', async () => {
    // What the popup's "Verify badges on blog.example" does: that one origin's grant, then the site
    // (issue 12 point 6: site by site, never all sites); 127.0.0.1 for the backpack's sign-in.
    await ff.grantHosts(['https://blog.example/*', 'http://127.0.0.1/*']);
    expect(await ff.send('hover/site-add', { pattern: 'https://blog.example/*', addedGrant: true })).toMatchObject({ ok: true });
    // The background registers the hover script for the hover sites (src/platform/hover-script.ts).
    await waitFor(async () => {
      const scripts = await ff.run(() => (globalThis as unknown as { browser: typeof chrome }).browser.scripting.getRegisteredContentScripts());
      return scripts.some((s: { id: string }) => s.id === 'lanyard-hover');
    }, 10_000, 'the hover script registered');
    // Links to 127.0.0.1 are checked only for the user's own backpack.
    expect(await ff.send('accounts/sign-in', { kind: 'badgr', baseUrl: bp.baseUrl, username: ADA.username, password: ADA.password })).toMatchObject({ ok: true });
    await open(BLOG);
    await ff.mouseAway();
    await ff.hover(await ff.find('#valid'));
    await readyCard();
    const valid = await cardText();
    expect(valid).toContain('✓ Verified badge');
    expect(valid).toContain('Analytical Engine Programmer');
    expect(valid).toContain('Analytical Society');
    await ff.screenshot('hover-card-valid', null);

    await ff.hover(await ff.find('#plain'));
    await waitFor(async () => (await ff.run(() => document.querySelectorAll('[data-lanyard="hover-card"]').length)) === 0, 10_000, 'the card goes away');
    await ff.hover(await ff.find('#revoked'));
    await readyCard();
    expect(await cardText()).toContain('✕ Not a valid badge');
    await done();
  });
});

describe('content scripts on pages at their real URLs in Firefox', { timeout: 180_000 }, () => {
  it('imports the badges the pages need (the hostile one through the proxy)', async () => {
    // Import reads a URL's host only with the user's grant for it (the popup asks in the click).
    await ff.grantHosts([`${new URL(HOSTILE_BASE).origin}/*`]);
    for (const url of [`${bp.baseUrl}/public/assertions/ada-programmer`, `${HOSTILE_BASE}/assertions/1`]) {
      const r = await ff.send<{ name: string }>('badges/import', { source: { kind: 'text', text: url } });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    const names = (await ff.call<{ name: string }[]>('badges/list', {})).map((b) => b.name);
    expect(names).toEqual(expect.arrayContaining(['Analytical Engine Programmer', HOSTILE_NAME]));
  });

  it('LinkedIn: "Add badge" on the owner’s profile opens the filled add-to-profile URL', async () => {
    await open('https://www.linkedin.com/in/ada-lovelace/');
    await ff.find('.pvs-header__top-container--no-stack [data-lanyard="linkedin-add-badge"]');
    // The host's own box: only the important `display` of the button's :host rule outweighs `all:initial!important` (ui/shadow.ts).
    expect(await ff.run(() => ['display', 'margin-left', 'margin-right', 'vertical-align'].map((p) => getComputedStyle(document.querySelector('[data-lanyard="linkedin-add-badge"]')!).getPropertyValue(p)))).toEqual(['inline-flex', '0px', '0px', 'baseline']);
    await ff.clickButton('linkedin-add-badge');
    await ff.pickerOptions();
    // The picker was injected on demand (picker/ui) into the content scripts' sandbox: the page's
    // global does not get its hand-over (__lanyardUi), though it sees what the page's own script sets.
    expect(await ff.run(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pageProbe = 1';
      document.head.append(script);
      return ['__pageProbe' in window, '__lanyardUi' in window];
    })).toEqual([true, false]);
    await ff.screenshot('linkedin-picker', null);
    await ff.pick('Analytical Engine Programmer');
    const url = new URL(await waitFor(async () => ((await ff.url()).includes('/profile/add?') ? ff.url() : undefined), 30_000, 'the add-to-profile URL'));
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/profile/add');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      startTask: 'CERTIFICATION_NAME',
      name: 'Analytical Engine Programmer',
      organizationName: 'Analytical Society',
      issueYear: '2026',
      issueMonth: '3',
      certId: 'ada-programmer',
    });
    // The test backpack is on 127.0.0.1: no Credential URL nobody can open (core/share/linkedin.ts linkedInLink).
    expect(url.searchParams.has('certUrl')).toBe(false);
    expect(proxy.seen).toContain(url.href);
    await done();
  });

  it('LinkedIn: nothing on someone else’s profile (the real 2024 markup)', async () => {
    await open('https://www.linkedin.com/in/someone-else/');
    await new Promise((r) => setTimeout(r, 1000));
    expect(await ff.run(() => document.querySelectorAll('[data-lanyard]').length)).toBe(0);
    await done();
  });

  it('LinkedIn: fills the certification form from a badge, leaving the organization to confirm', async () => {
    await open('https://www.linkedin.com/in/ada-lovelace/edit/forms/certification/new/');
    await ff.run(() => {
      const seen: string[] = [];
      for (const t of ['input', 'change'])
        document.addEventListener(t, (e) => {
          seen.push(`${t} ${(e.target as Element).id.split('-').pop()}`);
          document.documentElement.dataset.testEvents = seen.join(',');
        });
    });
    await ff.find('form > [data-lanyard="linkedin-fill-form"]');
    await ff.clickButton('linkedin-fill-form');
    await ff.pick('Analytical Engine Programmer');
    const values = () => ff.run(() => [...document.querySelectorAll('form input, form select')].map((e) => (e as HTMLInputElement).value));
    await waitFor(async () => (await values())[0] !== '', 10_000, 'the form filled');
    const [name, org, month, year, expMonth, expYear, , url] = await values();
    expect([name, org, month, year, expMonth, expYear, url]).toEqual(['Analytical Engine Programmer', 'Analytical Society', '3', '2026', '', '', '']);
    expect(await ff.run(() => document.activeElement?.id.endsWith('-company'))).toBe(true);
    const events = (await ff.run(() => document.documentElement.dataset.testEvents ?? '')).split(',');
    expect(events).toContain('input company');
    expect(events).toContain('change name');
    await done();
  });

  it('LinkedIn: shares a badge from the post composer, at the caret', async () => {
    await open('https://www.linkedin.com/feed/');
    await ff.find('.share-creation-state__footer [data-lanyard="linkedin-share-badge"]');
    expect(await ff.run(() => document.querySelectorAll('.comments-comment-box [data-lanyard]').length)).toBe(0);
    await caretAfter('.share-box .ql-editor', 'Proud to share: ');
    await ff.clickButton('linkedin-share-badge');
    await ff.pick('Analytical Engine Programmer');
    const text = await ff.waitIn(() => {
      const t = document.querySelector('.share-box .ql-editor')?.textContent ?? '';
      return t.length > 'Proud to share: '.length ? t : null;
    }, []);
    expect(text).toMatch(/^Proud to share: I earned the badge “Analytical Engine Programmer”/);
    // A post's link on the 127.0.0.1 test backpack is left out: nobody on LinkedIn could open it (core/share/linkedin.ts linkedInLink).
    expect(text).not.toContain(bp.baseUrl);
    await done();
  });

  it('LinkedIn 2026: shares a badge from the composer inside #interop-outlet’s open shadow root, at the caret', async () => {
    await open('https://www.linkedin.com/feed/?shareActive=true');
    await ff.find('.share-creation-state__footer [data-lanyard="linkedin-share-badge"]');
    expect(await ff.run(() => document.querySelectorAll('[data-lanyard]').length)).toBe(0); // none by the Tiptap comment box
    // The caret where a person puts it: a click on the first line, then End.
    const line = await ff.find('.ql-editor p');
    await ff.m.send('WebDriver:ElementClick', { id: Object.values(line)[0] });
    await ff.m.send('WebDriver:PerformActions', { actions: [{ type: 'key', id: 'kb', actions: [{ type: 'keyDown', value: '\uE010' }, { type: 'keyUp', value: '\uE010' }] }] });
    await ff.m.send('WebDriver:ReleaseActions', {});
    await ff.clickButton('linkedin-share-badge');
    await ff.pick('Analytical Engine Programmer');
    const lines = await ff.waitIn(() => {
      const ps = [...(document.getElementById('interop-outlet')?.shadowRoot?.querySelectorAll('.ql-editor p') ?? [])].map((p) => p.textContent ?? '');
      return ps.join('').length > 'Proud to share: #learning'.length ? ps : null;
    }, []);
    expect(lines[0]).toMatch(/^Proud to share: I earned the badge “Analytical Engine Programmer”/);
    // A post's link on the 127.0.0.1 test backpack is left out: nobody on LinkedIn could open it (core/share/linkedin.ts linkedInLink).
    expect(lines[0]).not.toContain(bp.baseUrl);
    expect(lines.at(-1)).toBe('#learning');
    await done();
  });

  /** Inserts `badge` via the `nth` "Insert badge" button with the caret after `after` in `body`; returns the body's HTML. */
  async function insert(nth: number, body: string, after: string, badge: string): Promise<string> {
    await caretAfter(body, after);
    await ff.clickButton('insert-badge', nth);
    await ff.pick(badge);
    return ff.waitIn((sel: string) => {
      const html = document.querySelector(sel)?.innerHTML ?? '';
      return html.includes('<table') ? html : null;
    }, [body]);
  }
  const safe = (body: string) =>
    ff.run((sel: string) => ({
      x: [...document.querySelectorAll(`${sel} img`)].some((i) => i.getAttribute('src') === 'x'),
      active: document.querySelectorAll(`${sel} [onerror], ${sel} script`).length,
    }), body);

  it('Gmail: "Insert badge" in the real compose dialog puts the card at the caret; a hostile name stays text', async () => {
    await open('https://mail.google.com/mail/u/0/#inbox?compose=new');
    await ff.find('tr.btC > td > [data-lanyard="insert-badge"]');
    expect(await ff.run(() => document.querySelectorAll('[data-lanyard="insert-badge"]').length)).toBe(1);
    const body = 'div[g_editable="true"]';
    await ff.run((sel: string) => {
      const el = document.querySelector(sel)!;
      el.innerHTML = 'Dear Grace,<br>my badge: <br>Ada';
      el.addEventListener('input', () => (document.documentElement.dataset.testInputs = String(Number(document.documentElement.dataset.testInputs ?? 0) + 1)));
    }, body);
    const html = await insert(0, body, 'my badge: ', HOSTILE_NAME);
    expect(html.indexOf('my badge: ')).toBeLessThan(html.indexOf('<table'));
    expect(html.indexOf('<table')).toBeLessThan(html.indexOf('Ada'));
    expect(await ff.run((sel: string) => document.querySelector(sel)?.textContent, body)).toContain(HOSTILE_NAME);
    expect(await safe(body)).toEqual({ x: false, active: 0 });
    expect(Number(await ff.run(() => document.documentElement.dataset.testInputs))).toBeGreaterThan(0);
    await ff.screenshot('gmail-inserted', null);
    await done();
  });

  it('Gmail: two composes and an inline reply, each into its own body', async () => {
    await open('https://mail.google.com/mail/u/1/#inbox');
    await ff.waitIn(() => document.querySelectorAll('[data-lanyard="insert-badge"]').length === 3, []);
    const second = await insert(2, '[id=":c2"]', 'Second draft.', 'Analytical Engine Programmer');
    expect(second).toContain('Analytical Engine Programmer');
    const first = await insert(1, '[id=":c1"]', 'Here is my badge: ', HOSTILE_NAME);
    expect(first).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(await ff.run(() => document.querySelector('[id=":r1"]')?.innerHTML)).not.toContain('<table');
    expect(await ff.run(() => document.querySelectorAll('[id=":c2"] table').length)).toBe(1);
    expect(await safe('[id=":c1"]')).toEqual({ x: false, active: 0 });
    await done();
  });

  // Firefox gives the page an empty DataTransfer when a content script filled it: the editor would cancel the paste
  // and keep nothing. No paste is offered there; the card goes in as HTML, as before: never lost.
  it('Gmail in plain-text mode: the badge is never lost (no paste the page would read empty; the card goes in)', async () => {
    await open('https://mail.google.com/mail/u/2/#inbox');
    await ff.waitIn(() => document.querySelectorAll('[data-lanyard="insert-badge"]').length === 2, []);
    const plain = await insert(1, '[id=":p1"]', 'here is my badge: ', 'Analytical Engine Programmer');
    expect(plain).toContain('Analytical Engine Programmer');
    expect(plain).toContain(`href="${bp.baseUrl}/public/assertions/ada-programmer"`);
    const rich = await insert(0, '[id=":r1"]', 'My badge: ', HOSTILE_NAME);
    expect(rich).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(await safe('[id=":r1"]')).toEqual({ x: false, active: 0 });
    expect(await ff.run(() => document.documentElement.dataset.pastes ?? null)).toBeNull();
    await done();
  });
});
