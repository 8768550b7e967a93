// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Address } from '../../src/popup/ui/Address.tsx';

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
});
