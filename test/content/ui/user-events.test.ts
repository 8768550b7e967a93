// @vitest-environment jsdom
/**
 * A page's made-up events do not drive Lanyard's buttons or picker (src/content/ui/user.ts). The
 * page can find our button hosts (`[data-lanyard]`) and call `click()` on them, or dispatch
 * mousedown, mouseover and focusin: none of it may load the picker, open it, or pick a badge, which
 * would put the user's badge data into the page. Here nothing is mocked: jsdom's `click()` and
 * `dispatchEvent` are untrusted, as a page's are. The same clicks made by a person work
 * (test/browser/hostile-page.test.ts; the other content tests stand in for the user).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { composeFeature } from '../../../src/content/features/mail-compose.ts';
import { linkedinComposer } from '../../../src/content/features/linkedin-composer.ts';
import { openPicker } from '../../../src/content/ui/picker.ts';
import { gmail } from '../../../src/content/sites/gmail.ts';
import type { PickerBadge } from '../../../src/messaging/views.ts';
import { attachDeclaredShadows, fixture, loadPage, realPage, REAL_GMAIL } from '../support/pages.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { flush, hosts, pickerRoot } from '../support/shadow.ts';

const BADGE: PickerBadge = { key: 'a', name: 'Analytical Engine Programmer', verdict: 'valid' };

let rt: FakeRuntime;
let controller: AbortController;
afterEach(() => {
  controller?.abort();
  rt?.restore();
  document.documentElement.querySelectorAll('[data-lanyard="picker"]').forEach((e) => e.remove());
});

describe('a page cannot press Lanyard’s buttons', () => {
  it('click(), mousedown, mouseover and focusin from the page load nothing and open no picker', async () => {
    loadPage(realPage(REAL_GMAIL));
    rt = installRuntime({ 'picker/list': () => [BADGE], 'picker/card': () => ({ html: '<b>card</b>', text: 't' }) });
    controller = new AbortController();
    void composeFeature(gmail).init(controller.signal);
    await flush();
    const [host] = hosts('insert-badge');
    expect(host).toBeDefined();
    for (const type of ['mouseover', 'focusin', 'mousedown']) host!.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    host!.click();
    host!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
    await flush();
    expect(rt.sent).toEqual([]);
    expect(hosts('picker')).toEqual([]);
  });
});

describe('a page cannot press the button Lanyard puts in a site’s open shadow root', () => {
  // LinkedIn's 2026 composer (#interop-outlet): our host listens itself there (dom/shadow-press.ts),
  // and the page reaches it through the open root as easily as a light-DOM host.
  it('click(), mousedown, mouseover and focusin from the page load nothing and open no picker', async () => {
    loadPage(fixture('linkedin-feed-composer-shadow.html'));
    attachDeclaredShadows();
    const shadow = document.getElementById('interop-outlet')!.shadowRoot!;
    rt = installRuntime({ 'picker/list': () => [BADGE], 'picker/card': () => ({ html: '<b>card</b>', text: 't' }) });
    controller = new AbortController();
    void linkedinComposer.init(controller.signal);
    await flush();
    const host = shadow.querySelector<HTMLElement>('[data-lanyard="linkedin-share-badge"]');
    expect(host).not.toBeNull();
    for (const type of ['mouseover', 'focusin', 'mousedown']) host!.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    host!.dispatchEvent(click);
    host!.click();
    await flush();
    expect(click.defaultPrevented).toBe(false);
    expect(rt.sent).toEqual([]);
    expect(shadow.querySelector('[data-lanyard="picker"]')).toBeNull();
    expect(hosts('picker')).toEqual([]);
  });
});

describe('a page cannot pick in an open picker', () => {
  it('made-up Enter keys and clicks pick nothing', async () => {
    document.body.innerHTML = '<button id="anchor">open</button>';
    rt = installRuntime({ 'picker/list': () => [BADGE] });
    const picked: string[] = [];
    openPicker({ anchor: document.getElementById('anchor')!, title: 't', onPick: async (b) => void picked.push(b.key) });
    await flush();
    const li = pickerRoot().querySelector<HTMLElement>('li[role=option]')!;
    expect(li).not.toBeNull();
    pickerRoot().querySelector('[role=dialog]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    li.click();
    await flush();
    expect(picked).toEqual([]);
    expect(hosts('picker')).toHaveLength(1);
  });
});
