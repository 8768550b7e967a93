// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { composeFeature } from '../../../src/content/features/mail-compose.ts';
import { gmail } from '../../../src/content/sites/gmail.ts';
import { outlook } from '../../../src/content/sites/outlook.ts';
import { fixture, loadPage, realPage, REAL_GMAIL } from '../support/pages.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { flush, hosts, pickerRoot } from '../support/shadow.ts';
import { pressAfterPause } from '../support/armed.ts';

// jsdom cannot make trusted events: here the tests' clicks and keys stand for the user's (src/content/ui/user.ts;
// test/content/ui/user-events.test.ts shows that a page's made-up ones do nothing).
vi.mock('../../../src/content/ui/user.ts', () => ({ fromUser: () => true }));

const HOSTILE = '<img src=x onerror=alert(1)>';
/** What the background's card builder sends: the name escaped, inline styles, a link. */
const CARD =
  '<table style="border:1px solid #ddd"><tr><td><a href="https://b.example/public/assertions/A1"><img src="https://b.example/i.png" alt="" width="48"></a></td>' +
  '<td><strong>&lt;img src=x onerror=alert(1)&gt;</strong><br><span>Analytical Society</span></td></tr></table>';

let rt: FakeRuntime;
let controller: AbortController;
function start(site = gmail): void {
  rt = installRuntime({
    'picker/list': () => [{ key: 'h', name: HOSTILE, verdict: 'valid' }],
    'picker/card': () => ({ html: CARD, text: 'I earned a badge', url: 'https://b.example/public/assertions/A1' }),
  });
  controller = new AbortController();
  void composeFeature(site).init(controller.signal);
}
afterEach(() => {
  controller.abort();
  rt.restore();
});

function putCaret(node: Node, offset: number): void {
  const r = document.createRange();
  r.setStart(node, offset);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(r);
}

async function pickFirst(host: HTMLElement): Promise<void> {
  host.click();
  await flush();
  pressAfterPause(pickerRoot().querySelector('li[role=option]')!);
  await flush();
}

describe('web mail: Insert badge', () => {
  it('adds one button to the real Gmail compose, in a new cell after Send, and takes it out on abort', async () => {
    loadPage(realPage(REAL_GMAIL));
    start();
    await flush();
    const [host, ...more] = hosts('insert-badge');
    expect(more).toEqual([]);
    expect(host?.closest('td')?.previousElementSibling?.className).toBe('gU Up');
    expect(document.querySelectorAll('table.IZ colgroup col')).toHaveLength(7);
    controller.abort();
    expect(hosts('insert-badge')).toEqual([]);
    expect(document.querySelectorAll('table.IZ colgroup col')).toHaveLength(6);
  });

  it('puts the card at the caret of the right compose, sanitised, with the hostile name as text', async () => {
    loadPage(fixture('gmail-two-composes-and-reply.html'));
    start();
    await flush();
    expect(hosts('insert-badge')).toHaveLength(3);
    const body = document.getElementById(':c1')!;
    const target = body.childNodes[2]!; // "Here is my badge: "
    putCaret(target, target.textContent!.length);
    await flush();
    putCaret(document.body, 0); // clicking elsewhere must not lose it
    await flush();
    let inputs = 0;
    body.addEventListener('input', () => inputs++);
    const host = hosts('insert-badge').find((h) => h.closest('#compose-1'))!;
    await pickFirst(host);
    // The first press loads the on-demand picker (the background injects ui-mail.js), then the picker asks.
    expect(rt.sent.map((m) => m.type)).toEqual(['picker/ui', 'picker/list', 'picker/card']);
    expect(rt.sent[2]?.args).toEqual({ key: 'h' });
    const table = body.querySelector('table')!;
    expect(table.previousSibling?.textContent).toBe('Here is my badge: ');
    expect(table.querySelector('strong')?.textContent).toBe(HOSTILE);
    expect(body.querySelector('[onerror], script')).toBeNull();
    expect([...body.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['https://b.example/i.png']);
    expect(table.querySelector('a')?.getAttribute('rel')).toBe('noopener noreferrer');
    expect(inputs).toBe(1);
    expect(document.getElementById(':c2')!.querySelector('table')).toBeNull();
    expect(document.getElementById(':r1')!.querySelector('table')).toBeNull();
    expect(hosts('picker')).toEqual([]);
  });

  it('follows composes that open and close, and a send bar that is re-rendered', async () => {
    loadPage(fixture('gmail-two-composes-and-reply.html'));
    start();
    await flush();
    document.getElementById('compose-2')!.closest('[role=dialog]')!.remove();
    const bar = document.querySelector('#compose-1 tr.btC')!;
    bar.replaceWith(bar.cloneNode(true)); // Gmail re-renders: our cell is gone
    await new Promise((r) => setTimeout(r, 150));
    expect(hosts('insert-badge').map((h) => h.closest('.M9')?.id).sort()).toEqual(['compose-1', 'reply']);
  });

  it('works in Outlook: inline reply and pop-out, each after its send button', async () => {
    loadPage(fixture('outlook-compose.html'));
    start(outlook);
    await flush();
    const hs = hosts('insert-badge');
    expect(hs.map((h) => h.previousElementSibling?.className)).toEqual(['ms-Button-splitContainer', 'ms-Button-splitContainer']);
    await pickFirst(hs[1]!);
    const body = document.querySelector('#editorParent_2 [role=textbox]')!;
    expect(body.firstChild?.textContent).toBe('Hi Grace, my new badge:\u00a0');
    expect(body.querySelector('strong')?.textContent).toBe(HOSTILE);
  });

  // The language-independent fallback (an editable inside div#editorParent_N) also matches any editable region
  // inside the body (pasted markup, embedded components): one compose must still get one button.
  it('adds one button per compose when the body holds an editable region of its own (Outlook, unlabelled UI)', async () => {
    loadPage(`<html><body><div class="c1"><div role="toolbar"><div data-testid="ComposeSendButton"><button type="button" title="送信">送信</button><button type="button" aria-haspopup="menu"></button></div></div>
      <div id="editorParent_1"><div contenteditable="true" role="textbox" aria-label="メッセージ本文"><p>こんにちは</p><div contenteditable="true" class="pasted">quoted</div></div></div></div></body></html>`);
    start(outlook);
    await flush();
    expect(hosts('insert-badge')).toHaveLength(1);
  });

  it('says once, quietly, when a body has no send bar, and adds nothing', async () => {
    loadPage('<html><body><div g_editable="true" contenteditable="true" role="textbox">x</div><div g_editable="true" contenteditable="true" role="textbox">y</div></body></html>');
    const logs: unknown[] = [];
    const info = console.info;
    console.info = (...a: unknown[]) => void logs.push(a.join(' '));
    start();
    await flush();
    console.info = info;
    expect(hosts('insert-badge')).toEqual([]);
    expect(logs).toEqual(['[lanyard] gmail-insert-badge: a compose body without a send bar: no button']);
  });

  // After 'says once': the signature editor, without a window, is said once too (log.ts logs a line once per page).
  it('adds one button to the compose open beside Gmail’s signature editor, for that compose only', async () => {
    loadPage(fixture('gmail-settings-signature-with-compose.html'));
    start();
    await flush();
    const [host, ...more] = hosts('insert-badge');
    expect(more).toEqual([]);
    expect(host?.closest('.M9')?.id).toBe('compose-1');
    putCaret(document.getElementById(':c1')!.firstChild!, 6);
    await pickFirst(host!);
    expect(document.getElementById(':um')?.textContent).toBe('Ada Lovelace');
    expect(document.getElementById(':c1')?.querySelector('a')?.getAttribute('href')).toBe('https://b.example/public/assertions/A1');
  });
});
