// @vitest-environment jsdom
/**
 * Lanyard's words in its shadow roots are CSS generated content, never Text nodes
 * (src/content/ui/quiet.ts): a page's window.find() searches closed shadow roots in Chromium
 * (test/browser/page-find.test.ts), and answered whether the hover card or the picker said
 * "Issued to one of your addresses", a verdict or a badge's name.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { dirOf, QUIET_CSS, say } from '../../../src/content/ui/quiet.ts';
import { hideCard, showCard } from '../../../src/content/ui/hover-card.ts';
import { openPicker } from '../../../src/content/ui/picker.ts';
import { makeButton } from '../../../src/content/ui/button.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { flush, hosts, pickerRoot, shadowOf, shown } from '../support/shadow.ts';

let rt: FakeRuntime | undefined;
afterEach(() => {
  hideCard();
  rt?.restore();
  document.body.replaceChildren();
  for (const el of document.documentElement.querySelectorAll('[data-lanyard]')) el.remove();
});

/** The Text nodes under `root` that a page's find-in-page could match (a <style>'s text is never drawn). */
function textNodes(root: Node): string[] {
  const out: string[] = [];
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE && n.parentElement?.localName !== 'style' && (n.textContent ?? '').trim()) out.push(n.textContent!);
    n.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

const anchor = () => document.body.appendChild(document.createElement('a'));

describe('quiet text', () => {
  it('the hover card draws its verdict, the badge and the issuer with no Text node', () => {
    rt = installRuntime();
    showCard(anchor(), { kind: 'ready', verdict: { verdict: 'valid', name: 'Analytical Engine Programmer', issuerName: 'Analytical Society', issuerSite: 'society.example', issuedOn: '2026-03-01', message: 'Verified' } });
    const root = shadowOf(hosts('hover-card')[0]);
    expect(shown(root.querySelector('.c'))).toContain('Verified badge');
    expect(shown(root.querySelector('.c'))).toContain('Analytical Society');
    expect(shown(root.querySelector('.c'))).toContain('Analytical Engine Programmer');
    expect(textNodes(root)).toEqual([]);
  });

  it('the picker draws its rows, its status and its warning with no Text node; the button too', async () => {
    rt = installRuntime({
      'picker/list': () => [
        { key: 'a', name: 'Analytical Engine Programmer', issuerName: 'Analytical Society', issuedOn: '2026-03-01', verdict: 'indeterminate', warning: { level: 'indeterminate', reason: 'The issuer’s profile could not be fetched.' } },
      ],
    });
    const button = makeButton('insert-badge', 'Insert badge');
    document.body.append(button);
    expect(textNodes(shadowOf(button))).toEqual([]);
    openPicker({ anchor: button, title: 'Insert a badge', onPick: async () => undefined });
    await flush();
    expect(shown(pickerRoot().querySelector('li'))).toContain('Analytical Engine Programmer');
    expect(textNodes(pickerRoot())).toEqual([]);
    const status = pickerRoot().querySelector('[role=status]')!;
    say(status, 'No badge matches.');
    expect(shown(status)).toBe('No badge matches.');
    expect(textNodes(pickerRoot())).toEqual([]);
    say(status, '');
    expect(status.childNodes.length).toBe(0);
  });

  it('draws each string through attr(), in the font of the element it stands in', () => {
    expect(QUIET_CSS).toBe('[data-q]{font:inherit}[data-q]::before{content:attr(data-q)}');
  });

  it('gives an issuer-written string the direction dir=auto gave its text (first strong letter)', () => {
    expect(dirOf('Analytical Society')).toBe('ltr');
    expect(dirOf('جامعة القاهرة')).toBe('rtl');
    expect(dirOf('2026 · מכון ויצמן')).toBe('rtl');
    expect(dirOf('١٢٣ Cairo')).toBe('ltr');
    expect(dirOf('⟨RLO⟩elif.exe')).toBe('ltr');
    expect(dirOf('')).toBe('ltr');
  });
});
