// @vitest-environment jsdom
/**
 * DOM calls a page's <form> cannot clobber (src/content/dom/native.ts). Chromium gives a form's
 * named controls to isolated worlds as properties of the form (test/browser/hostile-page.test.ts
 * shows it there); jsdom does not, so the form's own properties stand in for them here.
 */
import { describe, expect, it } from 'vitest';
import { appendTo, containsNode, parentOf, putAfter, queryAll, queryOne } from '../../../src/content/dom/native.ts';
import { buttonSlot, composeRoot } from '../../../src/content/sites/compose.ts';
import { outlook } from '../../../src/content/sites/outlook.ts';

/** A form whose controls are named after these members, as the page's form would have them. */
function clobberedForm(html: string): HTMLFormElement {
  document.body.innerHTML = `<div id="outer"><form id="f">${html}</form></div><output id="decoy"></output>`;
  const form = document.getElementById('f') as HTMLFormElement;
  const decoy = document.getElementById('decoy')!;
  // Not `contains`: jsdom's own selector engine calls it on the root (the browser test covers it).
  for (const name of ['parentElement', 'querySelector', 'querySelectorAll', 'append', 'after']) {
    Object.defineProperty(form, name, { value: decoy, configurable: true });
  }
  return form;
}

describe('native DOM calls', () => {
  it('read and write through the prototypes, not the form’s named controls', () => {
    const form = clobberedForm('<button aria-label="Send">Send</button>');
    expect(() => (form as unknown as { querySelector(s: string): unknown }).querySelector('button')).toThrow();
    expect(parentOf(form)?.id).toBe('outer');
    expect(queryOne(form, 'button')?.textContent).toBe('Send');
    expect(queryAll(form, 'button')).toHaveLength(1);
    expect(queryOne(document, '#f')).toBe(form);
    expect(containsNode(form, form.firstElementChild)).toBe(true);
    const x = document.createElement('i');
    appendTo(form, x);
    expect(x.parentNode).toBe(form);
    const y = document.createElement('b');
    putAfter(form, y);
    expect(form.nextElementSibling).toBe(y);
  });

  it('an Outlook compose that is a clobbered <form> still gets its root and its button slot', () => {
    const form = clobberedForm('<div><button aria-label="Send">Send</button></div><div role="textbox" contenteditable="true" aria-label="Message body">Hi</div>');
    const body = Element.prototype.querySelector.call(form, '[role=textbox]') as HTMLElement;
    const root = composeRoot(outlook, body);
    expect(root).toBe(form);
    expect(buttonSlot(outlook, root!)).toEqual({ after: Element.prototype.querySelector.call(form, 'button') });
  });
});
