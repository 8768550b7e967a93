// @vitest-environment jsdom
/**
 * src/content/dom/own-click.ts: what inside a badge link has a click of its own (attack28). A closed shadow
 * root is seen only through the extension's own API (Chromium chrome.dom, Firefox's content-script-only
 * Element.openOrClosedShadowRoot), never through anything a page can set.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { clickIsElsewhere, hostsShadow } from '../../../src/content/dom/own-click.ts';
import { clickTarget } from '../../../src/content/sites/badge-urls.ts';

const g = globalThis as { chrome?: unknown };
afterEach(() => {
  delete g.chrome;
  document.body.innerHTML = '';
});

const make = (html: string) => {
  document.body.innerHTML = html;
  return (id: string) => document.getElementById(id)!;
};

describe('hostsShadow', () => {
  it('an open root through the prototype’s getter; a closed one only through chrome.dom or Firefox’s property', () => {
    const el = make('<span id="o"></span><span id="c"></span><span id="f"></span><span id="p"></span>');
    el('o').attachShadow({ mode: 'open' });
    const closed = el('c').attachShadow({ mode: 'closed' });
    expect(hostsShadow(el('o'))).toBe(true);
    expect(hostsShadow(el('c'))).toBe(false);
    g.chrome = { dom: { openOrClosedShadowRoot: (e: Element) => (e === el('c') ? closed : null) } };
    expect(hostsShadow(el('c'))).toBe(true);
    expect(hostsShadow(el('p'))).toBe(false);
    delete g.chrome;
    // Firefox: the property exists only in content scripts.
    const ff = el('f').attachShadow({ mode: 'closed' });
    Object.defineProperty(el('f'), 'openOrClosedShadowRoot', { get: () => ff });
    expect(hostsShadow(el('f'))).toBe(true);
  });

  it('a page’s form control named openOrClosedShadowRoot, or a chrome.dom that throws, is no shadow root', () => {
    const el = make('<form id="form"><input name="openOrClosedShadowRoot"></form>');
    expect(hostsShadow(el('form'))).toBe(false);
    g.chrome = { dom: { openOrClosedShadowRoot: () => { throw new Error('not a host'); } } };
    expect(hostsShadow(el('form'))).toBe(false);
  });
});

describe('clickIsElsewhere', () => {
  it('a control, label, summary or shadow host between the pointer and the link; not the link’s own text or a plain span', () => {
    const el = make('<a id="a" href="https://x.test/public/assertions/abcd"><span id="s"><b id="b">x</b></span><button id="btn"><i id="in">x</i></button><label id="lab">x</label><span id="h"></span></a>');
    el('h').attachShadow({ mode: 'open' });
    expect(clickIsElsewhere(el('a'), el('a'))).toBe(false);
    expect(clickIsElsewhere(el('b'), el('a'))).toBe(false);
    for (const id of ['btn', 'in', 'lab', 'h']) expect(clickIsElsewhere(el(id), el('a')), id).toBe(true);
  });

  it('a picture: up to its link, along the flat tree (an open root’s own link around its slot is the link: clickTarget names it)', () => {
    const el = make('<div id="host"><a id="a" href="https://x.test/"><img id="i" src="https://x.test/badge.png"></a><img id="bare" src="https://x.test/badge.png"></div><button id="btn"><img id="inbtn" src="https://x.test/badge.png"></button>');
    el('host').attachShadow({ mode: 'open' }).innerHTML = '<a href="https://phish.example/"><slot></slot></a>';
    expect(clickIsElsewhere(el('i'), el('i'))).toBe(false);
    expect(clickIsElsewhere(el('bare'), el('bare'))).toBe(false);
    expect(clickTarget(el('bare'), 'https://x.test/badge.png', document.baseURI)).toBe('phish.example');
    expect(clickIsElsewhere(el('inbtn'), el('inbtn'))).toBe(true);
  });

  it('a picture slotted into a closed root: its host is on the way, and what the root holds around the slot is not seen', () => {
    const el = make('<div id="host"><img id="bare" src="https://x.test/badge.png"></div>');
    const closed = el('host').attachShadow({ mode: 'closed' });
    closed.innerHTML = '<a href="https://phish.example/"><slot></slot></a>';
    g.chrome = { dom: { openOrClosedShadowRoot: (e: Element) => (e === el('host') ? closed : null) } };
    expect(clickIsElsewhere(el('bare'), el('bare'))).toBe(true);
  });

  it('inside a badge link, a component whose open root holds its own link: elsewhere at that link; its plain text is the badge link’s', () => {
    const el = make('<a id="a" href="https://x.test/public/assertions/abcd"><span id="h"></span></a>');
    el('h').attachShadow({ mode: 'open' }).innerHTML = '<a id="p" href="https://phish.example/">x</a><b id="t">y</b>';
    const root = el('h').shadowRoot!;
    expect(clickIsElsewhere(root.getElementById('p')!, el('a'))).toBe(true);
    expect(clickIsElsewhere(root.getElementById('t')!, el('a'))).toBe(false);
    // The host itself under the pointer: what in it is clicked is not known.
    expect(clickIsElsewhere(el('h'), el('a'))).toBe(true);
  });
});
