// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Address, AddressIn, Host } from '../../src/popup/ui/Address.tsx';
import { Sentence, slot } from '../../src/popup/ui/Sentence.tsx';

afterEach(cleanup);

const html = (value: string) => render(<p><Address value={value} /></p>).container.querySelector('p')!;

describe('an address with its break points (ui/Address.tsx)', () => {
  it('may wrap after its @ and before each dot of its domain, and reads (and copies) whole', () => {
    const p = html('ada.lovelace@work.example');
    expect(p.textContent).toBe('ada.lovelace@work.example');
    expect(p.innerHTML).toBe('ada.lovelace@<wbr>work<wbr>.example');
  });

  it('leaves what is not an address as it is, its markup as text', () => {
    const p = html('<img src=x onerror=alert(1)>');
    expect(p.innerHTML).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(p.querySelector('img')).toBeNull();
  });

  it('holds each hyphen to the character after it, and its text is exactly the address (no U+2011, nothing invisible)', () => {
    for (const value of ['ada@old-school.example', 'a-b--c@x-y.example', 'ada-@example.org', `ada-${'x'.repeat(60)}@example.org`]) {
      const p = html(value);
      expect(p.textContent).toBe(value);
      expect(p.textContent).not.toMatch(/[\u00AD\u2011\u200B-\u200D\u2060\uFEFF]/);
      // No text node ends with a hyphen outside a held pair: a line may not end there.
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if ((n.textContent ?? '').includes('-')) expect((n.parentElement as HTMLElement).className).toBe('address-hold');
      }
    }
    expect(html('ada@old-school.example').innerHTML).toBe('ada@<wbr>old<span class="address-hold">-s</span>chool<wbr>.example');
  });

  it('stands in a translated sentence as a word of its own (ui/Sentence.tsx), copied as the address', () => {
    const p = render(<p><Sentence text={`Open the e-mail sent to ${slot(0)} and click its link.`} words={[<Address value="ada@old-school.example" />]} /></p>).container.querySelector('p')!;
    expect(p.textContent).toBe('Open the e-mail sent to ada@old-school.example and click its link.');
    expect(p.querySelector('bdi[dir="auto"] .address-hold')?.textContent).toBe('-s');
  });

  it('a host alone (Host) is drawn as an address\'s domain: before each dot, never after a hyphen, copied as itself', () => {
    const p = render(<p><Host value="wallet.climate-academy.example" /></p>).container.querySelector('p')!;
    expect(p.textContent).toBe('wallet.climate-academy.example');
    expect(p.innerHTML).toBe('wallet<wbr>.climate<span class="address-hold">-a</span>cademy<wbr>.example');
  });

  it('is drawn wherever a note quotes it (AddressIn), the rest of the note as it was', () => {
    const p = render(<p><AddressIn text="ada@old-school.example is now your primary address." address="ada@old-school.example" /></p>).container.querySelector('p')!;
    expect(p.textContent).toBe('ada@old-school.example is now your primary address.');
    expect(p.querySelectorAll('bdi wbr')).toHaveLength(2);
    const plain = render(<p><AddressIn text="<b>not markup</b>" /></p>).container.querySelector('p')!;
    expect(plain.innerHTML).toBe('&lt;b&gt;not markup&lt;/b&gt;');
  });
});
