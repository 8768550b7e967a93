/**
 * An address given as a `mailto:` link (RFC 6068), as copied from a page or a mail program's "copy
 * link": "mailto:ada@example.org" passed the address check (a local part of any characters but @,
 * space, <, > and ") and was kept as typed, an address no badge names (neither written nor hashed:
 * a hash is of the address, OB 2.0 §IdentityHash), so a badge issued to ada@example.org never said
 * "issued to an address you typed". RFC 5322 §3.2.3: an unquoted local part holds no ":" (nor the
 * other specials ( ) , ; [ ] \), so no address is spelled so: it is refused as no address, and one
 * kept before is read as the address it names.
 */
import { describe, expect, it } from 'vitest';
import { createLocalAddresses, sanitizeAddresses } from '../../src/background/services/local-addresses.ts';
import { isEmail, mailtoAddress } from '../../src/messaging/validate.ts';
import { memoryLocalStore } from '../../src/platform/memory.ts';

describe('an address written as a mailto: link', () => {
  it('is no e-mail address (RFC 5322: no ":" or other special in an unquoted local part)', () => {
    for (const x of ['mailto:ada@example.org', 'MAILTO:ada@example.org', 'a,b@example.org', 'a;b@example.org', 'a(b)@example.org', 'a\\b@example.org', 'a[b]@example.org']) expect(isEmail(x), x).toBe(false);
    for (const x of ['ada@example.org', 'ada+badges@example.org', "o'hara@example.org", 'jose\u0301@b\u00fccher.example', 'a.b-c_d@sub.example.org']) expect(isEmail(x), x).toBe(true);
  });

  it('is refused when typed for this browser, and one kept before is read as its address', async () => {
    const store = memoryLocalStore();
    const addresses = createLocalAddresses(store);
    await expect(addresses.add('mailto:ada@example.org')).rejects.toMatchObject({ code: 'ERR_ADDRESS_INVALID' });
    expect(await addresses.list()).toEqual([]);
    expect(sanitizeAddresses(['mailto:ada@example.org', 'Mailto:bob@example.org', 'ada@example.org'])).toEqual(['ada@example.org', 'bob@example.org']);
    await store.set('localAddresses', ['mailto:cy@example.org']);
    expect(await addresses.list()).toEqual(['cy@example.org']);
  });

  // RFC 6068 §2: `mailto:` addr-spec ["?" hfields]: a link copied from a page often carries a subject. The
  // address stopped at nothing: "ada@example.org?subject=Badge" was kept, a domain no badge names (review45).
  it('with header fields after "?" names the address before them; a domain holds no "?", "#" or "/"', async () => {
    for (const x of ['ada@example.org?subject=Badge', 'ada@example.org#x', 'ada@example.org/x']) expect(isEmail(x), x).toBe(false);
    expect(mailtoAddress(' mailto:ada@example.org?subject=Badge&body=Hi ')).toBe('ada@example.org');
    expect(mailtoAddress('ada@example.org')).toBe('ada@example.org');
    const store = memoryLocalStore();
    await store.set('localAddresses', ['mailto:cy@example.org?subject=x']);
    expect(await createLocalAddresses(store).list()).toEqual(['cy@example.org']);
  });

  // RFC 6068 §2: in a mailto: URI, "%" and characters a URI cannot hold are percent-encoded, and a non-ASCII
  // address is UTF-8 then percent-encoded; a link's address as copied ("Copy link address") is so. It was kept
  // encoded, "ada%2Bbadges@example.org", an address no badge names (review46).
  it('percent-encoded names the address it encodes', async () => {
    expect(mailtoAddress('mailto:ada%2Bbadges@example.org?subject=x')).toBe('ada+badges@example.org');
    expect(mailtoAddress('mailto:ada@b%C3%BCcher.example')).toBe('ada@b\u00fccher.example');
    // A plain address keeps its "%" (RFC 5322 atext), and a malformed escape is left as written.
    expect(mailtoAddress('ada%2B@example.org')).toBe('ada%2B@example.org');
    expect(mailtoAddress('mailto:ada%zz@example.org')).toBe('ada%zz@example.org');
    const store = memoryLocalStore();
    await store.set('localAddresses', ['mailto:cy%2Bbadges@example.org']);
    expect(await createLocalAddresses(store).list()).toEqual(['cy+badges@example.org']);
  });
});
