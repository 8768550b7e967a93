// @vitest-environment jsdom
/**
 * Hostile review (session 11): a page's own element dressed as Lanyard's button. The delegated
 * listener (ui/button.ts onButton) took any element with `data-lanyard="<kind>"` for its button,
 * so a page could put `<div data-lanyard="linkedin-fill-form">` (or "linkedin-add-badge") under a
 * link the user was about to click ("Close", "Next") and have that real click open Lanyard's picker,
 * anchored and contained where the page chose, inside markup it controls. The user's click is
 * trusted: `isTrusted` cannot tell. Now only a host Lanyard made (makeButton) counts.
 * Here the tests' clicks stand for the user's (fromUser is mocked: jsdom cannot make trusted events).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkedinCertForm } from '../../../src/content/features/linkedin-cert-form.ts';
import { linkedinProfile } from '../../../src/content/features/linkedin-profile.ts';
import { makeButton, onButton } from '../../../src/content/ui/button.ts';
import type { Feature } from '../../../src/content/loader.ts';
import type { PickerBadge } from '../../../src/messaging/views.ts';
import { fixture, loadPage } from '../support/pages.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { flush, hosts } from '../support/shadow.ts';

vi.mock('../../../src/content/ui/user.ts', () => ({ fromUser: () => true }));

const BADGE: PickerBadge = { key: 'a', name: 'Analytical Engine Programmer', verdict: 'valid' };
let rt: FakeRuntime | undefined;
let controller: AbortController;
afterEach(() => {
  controller?.abort();
  rt?.restore();
  document.documentElement.querySelectorAll('[data-lanyard]').forEach((e) => e.remove());
});

/** An element the page made, looking to a selector like Lanyard's host. */
function pageMade(kind: string): HTMLElement {
  const fake = document.createElement('div');
  fake.setAttribute('data-lanyard', kind);
  fake.textContent = 'Close';
  document.body.append(fake);
  return fake;
}

describe('only a button Lanyard made is Lanyard’s button', () => {
  it('onButton: a click on a page-made [data-lanyard] element does nothing; on Lanyard’s own host it acts', () => {
    controller = new AbortController();
    const pressed: HTMLElement[] = [];
    onButton('k', (host) => pressed.push(host), controller.signal);
    const fake = pageMade('k');
    fake.click();
    fake.firstChild?.parentElement?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(pressed).toEqual([]);
    const real = makeButton('k', 'Label');
    document.body.append(real);
    real.click();
    expect(pressed).toEqual([real]);
  });

  for (const [name, feature, kind, page] of [
    ['LinkedIn certification form: Fill from a badge', linkedinCertForm, 'linkedin-fill-form', 'linkedin-cert-form.html'],
    ['LinkedIn profile: Add badge', linkedinProfile, 'linkedin-add-badge', 'linkedin-profile-own.html'],
  ] as [string, Feature, string, string][]) {
    it(`${name}: the page's look-alike opens no picker and loads nothing`, async () => {
      loadPage(fixture(page));
      rt = installRuntime({ 'picker/list': () => [BADGE] });
      controller = new AbortController();
      void feature.init(controller.signal);
      await flush();
      const fake = pageMade(kind);
      fake.click();
      await flush();
      expect(rt.sent).toEqual([]);
      expect(hosts('picker')).toEqual([]);
    });
  }
});
