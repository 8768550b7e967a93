// @vitest-environment jsdom
/**
 * What makeButton draws (src/content/ui/button.ts), node for node: a <span> host with the kind, and
 * in its closed root a `type="button"` button named by aria-label and title, its dot hidden from
 * assistive technology, its words a quiet span (ui/quiet.ts), no Text node. Pinned so that the
 * always-loaded scripts can build it however is smallest (content_js_gz_kb) and still draw this.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { makeButton } from '../../../src/content/ui/button.ts';
import { HOST_ATTR } from '../../../src/content/ui/shadow.ts';
import { shadowOf } from '../support/shadow.ts';

afterEach(() => document.body.replaceChildren());

describe('makeButton', () => {
  it('draws a typed, named button with a hidden dot and quiet words, in a closed root', () => {
    const host = makeButton('linkedin-add-badge', 'Add badge');
    document.body.append(host);
    expect(host.outerHTML).toBe(`<span ${HOST_ATTR}="linkedin-add-badge"></span>`);
    const root = shadowOf(host);
    expect(root.mode).toBe('closed');
    const buttons = root.querySelectorAll('button');
    expect(buttons).toHaveLength(1);
    const button = buttons[0]!;
    expect(Object.fromEntries([...button.attributes].map((a) => [a.name, a.value]))).toEqual({ type: 'button', 'aria-label': 'Add badge', title: 'Add badge' });
    expect(button.innerHTML).toBe('<i aria-hidden="true"></i><span data-q="Add badge"></span>');
    // Nothing else but the sheet (a <style> where no constructable sheet is adopted, as in jsdom).
    expect([...root.children].filter((el) => el !== button).map((el) => el.localName)).toEqual(root.adoptedStyleSheets?.length ? [] : ['style']);
  });

  it('keeps a label that looks like markup as an attribute, never as nodes', () => {
    const host = makeButton('insert-badge', '<b>x</b>&amp;');
    const button = shadowOf(host).querySelector('button')!;
    expect(button.getAttribute('aria-label')).toBe('<b>x</b>&amp;');
    expect(button.title).toBe('<b>x</b>&amp;');
    expect(button.querySelector('b')).toBeNull();
    expect(button.querySelector('span')?.getAttribute('data-q')).toBe('<b>x</b>&amp;');
  });
});
