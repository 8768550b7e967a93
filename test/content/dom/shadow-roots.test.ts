// @vitest-environment jsdom
/**
 * src/content/dom/shadow-roots.ts: the page's shadow roots, nested ones after their host's root, Lanyard's
 * own host left out, and at most MAX_ROOTS of them. The bound held only between scopes: one document of
 * 2,500 shadow hosts gave 2,500 roots, each of which top-layer.ts then asks for its open popovers at
 * every look (200 ms), however long that takes. A page making more only makes the walk stop.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ROOTS, shadowRoots } from '../../../src/content/dom/shadow-roots.ts';

afterEach(() => {
  document.body.innerHTML = '';
});

const host = (parent: ParentNode, id: string): ShadowRoot => {
  const el = document.createElement('div');
  el.id = id;
  parent.append(el);
  return el.attachShadow({ mode: 'open' });
};

describe("the page's shadow roots", () => {
  it('are found nested, in tree order, without the one skipped', () => {
    const a = host(document.body, 'a');
    const inner = host(a, 'inner');
    const skipped = host(document.body, 'mine');
    const b = host(document.body, 'b');
    expect(shadowRoots(skipped.host)).toEqual([a, b, inner]);
  });

  it('are at most MAX_ROOTS, however many one scope holds', () => {
    for (let i = 0; i < MAX_ROOTS + 500; i++) host(document.body, `h${i}`);
    expect(shadowRoots(document.body)).toHaveLength(MAX_ROOTS);
  });
});
