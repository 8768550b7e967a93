// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { trackCaret } from '../../../src/content/dom/caret.ts';
import { insertCard, insertFragment, insertText } from '../../../src/content/dom/insert.ts';
import { sanitizeCard } from '../../../src/content/dom/sanitize.ts';
import { choose, setValue, yearMonth } from '../../../src/content/dom/form.ts';

function editor(html: string): HTMLElement {
  document.body.innerHTML = `<div id="ed" contenteditable="true">${html}</div><button id="other">x</button>`;
  return document.getElementById('ed')!;
}

function caretAt(node: Node, offset: number): void {
  const r = document.createRange();
  r.setStart(node, offset);
  r.collapse(true);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(r);
}

const controller = new AbortController();
afterEach(() => {
  document.body.innerHTML = '';
});

describe('caret and insertion', () => {
  it('remembers the caret in the editor after the focus moved, and inserts there', async () => {
    const ed = editor('Hello world');
    const caret = trackCaret((n) => (ed.contains(n) ? ed : null), controller.signal);
    caretAt(ed.firstChild!, 6);
    await new Promise((r) => setTimeout(r, 0));
    caretAt(document.body, 0); // the user clicked elsewhere
    await new Promise((r) => setTimeout(r, 0));
    const inputs: string[] = [];
    ed.addEventListener('input', (e) => inputs.push((e as InputEvent).inputType));
    insertFragment(ed, caret.rangeIn(ed), sanitizeCard('<strong>card</strong>'));
    expect(ed.innerHTML).toBe('Hello <strong>card</strong>world');
    expect(inputs).toEqual(['insertFromPaste']);
  });

  it('reads the caret where it is now when the last selectionchange has not run yet (Blink runs the press first)', async () => {
    const ed = editor('Hello world');
    const caret = trackCaret((n) => (ed.contains(n) ? ed : null), controller.signal);
    caretAt(ed.firstChild!, 0); // the click at the line's start, seen
    await new Promise((r) => setTimeout(r, 0));
    caretAt(ed.firstChild!, 11); // End: its selectionchange still queued when the button is pressed
    expect(caret.rangeIn(ed)?.startOffset).toBe(11);
  });

  it('inserts at the end when the caret was never in the editor', () => {
    const ed = editor('<p>Hi</p>');
    insertText(ed, null, 'My badge https://b.example/1');
    expect(ed.textContent).toBe('HiMy badge https://b.example/1');
  });

  it('ignores a saved range that left the editor', () => {
    const ed = editor('abc');
    const r = document.createRange();
    r.selectNodeContents(document.getElementById('other')!);
    insertText(ed, r, 'X');
    expect(ed.textContent).toBe('abcX');
  });
});

describe('a badge card into a message', () => {
  const CARD = '<table><tr><td><a href="https://b.example/1">View and verify this badge</a></td></tr></table>';
  const TEXT = 'I earned the badge “Ada”. See and verify it: https://b.example/1';

  it('goes in as the card where the editor takes no paste (jsdom has none to offer)', () => {
    const ed = editor('Hi ');
    insertCard(ed, null, sanitizeCard(CARD), TEXT);
    expect(ed.querySelector('a')?.getAttribute('href')).toBe('https://b.example/1');
  });

  // Chromium's insertHTML in a plaintext-only editor keeps "View and verify this badge" and drops the link.
  it('goes in as the sentence with its link, never the card, where the editor holds text only', () => {
    document.body.innerHTML = '<div id="ed" contenteditable="plaintext-only">Hi </div>';
    const ed = document.getElementById('ed')!;
    insertCard(ed, null, sanitizeCard(CARD), TEXT);
    expect(ed.innerHTML).toBe(`Hi ${TEXT}`);
  });
});

describe('form values', () => {
  it('sets a value with input and change events that bubble', () => {
    document.body.innerHTML = '<form><input id="i"></form>';
    const seen: string[] = [];
    document.body.addEventListener('input', () => seen.push('input'));
    document.body.addEventListener('change', () => seen.push('change'));
    const input = document.getElementById('i') as HTMLInputElement;
    setValue(input, 'Name');
    expect(input.value).toBe('Name');
    expect(seen).toEqual(['input', 'change']);
  });

  it('chooses options by value, by number, by text, or by position for months', () => {
    document.body.innerHTML =
      '<select id="a"><option value="">Month</option><option value="1">Jan</option><option value="3">Mar</option></select>' +
      '<select id="b"><option value="">M</option><option value="01">01</option><option value="03">03</option></select>' +
      '<select id="c"><option>Year</option><option>2026</option></select>' +
      '<select id="d"><option value="">Month</option>' + Array.from({ length: 12 }, (_, i) => `<option value="m${i + 1}">${i + 1}?</option>`).join('') + '</select>';
    const s = (id: string) => document.getElementById(id) as HTMLSelectElement;
    expect(choose(s('a'), '3') && s('a').value).toBe('3');
    expect(choose(s('b'), '3') && s('b').value).toBe('03');
    expect(choose(s('c'), '2026') && s('c').value).toBe('2026');
    expect(choose(s('d'), '4') && s('d').value).toBe('m4');
    expect(choose(s('a'), '7')).toBe(false);
  });

  it.each([
    ['2026-03-02T10:00:00Z', { year: '2026', month: '3' }],
    ['2026-12-31T23:59:59-05:00', { year: '2026', month: '12' }],
    ['2026-01', { year: '2026', month: '1' }],
    ['March 2026', null],
    [undefined, null],
  ])('yearMonth(%s)', (iso, want) => expect(yearMonth(iso)).toEqual(want));
});
