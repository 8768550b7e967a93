// @vitest-environment jsdom
/**
 * src/content/dom/flat.ts: the flat tree through open shadow roots only (attack29). A closed root's slot is
 * never reached (its host is the parent), and a page's <form> whose controls are named after the getters
 * cannot answer for them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { deepActive, deepTarget, flatClosest, flatContains, flatParent, seenOutside } from '../../../src/content/dom/flat.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

const make = (html: string) => {
  document.body.innerHTML = html;
  return (id: string) => document.getElementById(id)!;
};

describe('the flat tree', () => {
  it('a slotted element’s parent is its slot in an open root, its host in a closed one; a root’s child’s is the host', () => {
    const el = make('<div id="o"><img id="a"></div><div id="c"><img id="b"></div>');
    const open = el('o').attachShadow({ mode: 'open' });
    open.innerHTML = '<a id="l" href="https://phish.example/"><slot></slot></a>';
    el('c').attachShadow({ mode: 'closed' }).innerHTML = '<a href="https://phish.example/"><slot></slot></a>';
    expect(flatParent(el('a'))?.localName).toBe('slot');
    expect(flatClosest(el('a'), 'a[href]')).toBe(open.getElementById('l'));
    expect(flatContains(el('o'), el('a'))).toBe(true);
    expect(flatParent(open.getElementById('l')!)).toBe(el('o'));
    expect(flatParent(el('b'))).toBe(el('c'));
    expect(flatClosest(el('b'), 'a[href]')).toBeNull();
  });

  it('a form whose controls are named assignedSlot and parentNode answers nothing for them', () => {
    const el = make('<div id="o"><form id="f"><input name="assignedSlot"><input name="parentNode"></form></div>');
    el('o').attachShadow({ mode: 'open' }).innerHTML = '<p><slot></slot></p>';
    expect(flatParent(el('f'))?.localName).toBe('slot');
  });

  it('an event’s first node inside an open root; the focused element inside one', () => {
    const el = make('<div id="o"></div><div id="c"></div>');
    const open = el('o').attachShadow({ mode: 'open' });
    open.innerHTML = '<a id="in" href="https://x.test/">x</a>';
    const seen: (EventTarget | null)[] = [];
    document.addEventListener('mouseover', (e) => seen.push(deepTarget(e), e.target), { once: true });
    open.getElementById('in')!.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, composed: true }));
    expect(seen).toEqual([open.getElementById('in'), el('o')]);
    (open.getElementById('in') as HTMLElement).focus();
    expect(document.activeElement).toBe(el('o'));
    expect(deepActive()).toBe(open.getElementById('in'));
  });

  it('what a window listener finds of a node in an event’s path: itself, or the host of the outermost closed root around it (attack38)', () => {
    const el = make('<div id="c"></div><div id="o"></div><span id="d"></span>');
    const ours = document.createElement('span');
    expect(seenOutside(el('d'))).toBe(el('d'));
    // In an open root: seen as itself.
    el('o').attachShadow({ mode: 'open' }).append(ours);
    expect(seenOutside(ours)).toBe(ours);
    // In a closed root, or an open one inside it: that closed root's host.
    const closed = el('c').attachShadow({ mode: 'closed' });
    const inner = document.createElement('div');
    closed.append(inner);
    inner.attachShadow({ mode: 'open' }).append(ours);
    expect(seenOutside(ours)).toBe(el('c'));
    const path: EventTarget[] = [];
    ours.addEventListener('drop', () => undefined);
    window.addEventListener('drop', (e) => path.push(...e.composedPath()), { once: true });
    ours.dispatchEvent(new Event('drop', { bubbles: true, composed: true }));
    expect(path).toContain(seenOutside(ours));
    expect(path).not.toContain(ours);
  });
});
