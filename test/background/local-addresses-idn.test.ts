/**
 * An address with an internationalised domain and the same address with its A-labels
 * (`ada@bücher.example`, `ada@xn--bcher-kva.example`: RFC 5891 §4.4, one domain) are one address: the
 * local list took them as two entries. The key (address-key.ts addressKey) reads a domain's A-labels
 * as its U-labels (punycode.ts unicodeDomain, only the domain's own); the list shows what was typed.
 */
import { describe, expect, it } from 'vitest';
import { createLocalAddresses, sanitizeAddresses } from '../../src/background/services/local-addresses.ts';
import { addressKey } from '../../src/core/verify/address-key.ts';
import { memoryLocalStore } from '../../src/platform/memory.ts';

describe('an IDN address and its A-label form', () => {
  it('have one key, in either letter case', () => {
    expect(addressKey('ada@xn--bcher-kva.example')).toBe(addressKey('ada@bücher.example'));
    expect(addressKey('Ada@XN--BCHER-KVA.Example')).toBe(addressKey('ada@Bücher.example'));
    // Another domain, or an A-label that is no domain's own, stays another address.
    expect(addressKey('ada@xn--bcher-kva.example')).not.toBe(addressKey('ada@bucher.example'));
    expect(addressKey('ada@xn--zzzzzz.example')).toBe('ada@xn--zzzzzz.example');
  });

  it('are one entry in the local list, shown as typed first', async () => {
    const local = createLocalAddresses(memoryLocalStore());
    expect(await local.add('ada@bücher.example')).toEqual(['ada@bücher.example']);
    await expect(local.add('ada@xn--bcher-kva.example')).rejects.toMatchObject({ code: 'ERR_ADDRESS_LISTED' });
    expect(await local.list()).toEqual(['ada@bücher.example']);
    // A list that held both (an older version's) keeps the first.
    expect(sanitizeAddresses(['ada@xn--bcher-kva.example', 'ada@bücher.example'])).toEqual(['ada@xn--bcher-kva.example']);
    // Removing either spelling removes it.
    expect(await local.remove('ada@xn--bcher-kva.example')).toEqual([]);
  });
});
