// @vitest-environment jsdom
/**
 * Lanyard's hosts are never custom elements (src/content/ui/shadow.ts): a page that defined the
 * host's name got its own constructor run on Lanyard's host, and with attachInternals() there, the
 * closed shadow root through ElementInternals.shadowRoot (measured in Chromium: the page read the
 * words inside). Here, the page's definitions of every name Lanyard ever used are never run.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hideCard, showCard } from '../../../src/content/ui/hover-card.ts';
import { makeButton } from '../../../src/content/ui/button.ts';
import { mountShadow } from '../../../src/content/ui/shadow.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';

let rt: FakeRuntime | undefined;
afterEach(() => {
  hideCard();
  rt?.restore();
  document.body.replaceChildren();
});

/** The page's own elements of Lanyard's former host names, each remembering itself when constructed. */
const caught: HTMLElement[] = [];
for (const name of ['lanyard-ui', 'lanyard-button']) {
  customElements.define(name, class extends HTMLElement {
    constructor() {
      super();
      caught.push(this);
    }
  });
}

describe('the hosts of Lanyard’s shadow roots', () => {
  it('are plain <span>s: no page constructor runs on them, so no ElementInternals can hand the page their closed roots', () => {
    rt = installRuntime();
    const ui = mountShadow('picker', '');
    const card = showCard(document.body.appendChild(document.createElement('a')), { kind: 'loading' })!;
    const button = makeButton('insert-badge', 'Insert badge');
    for (const host of [ui.host, card, button]) {
      expect(host.localName).toBe('span');
      expect(host.shadowRoot).toBeNull();
    }
    expect(caught).toEqual([]);
  });
});
