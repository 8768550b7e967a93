/**
 * The recipient check against hostile or odd identity claims: a check that says "issued to someone
 * else" makes the verdict invalid, and one that says "issued to you" is shown as the user's badge,
 * so neither may be said without a comparison that holds.
 */
import { describe, expect, it } from 'vitest';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { toUserIdentity } from '../../../src/core/verify/context.ts';
import { addressKey, checkRecipient, saltOf } from '../../../src/core/verify/recipient.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { createHash } from 'node:crypto';

const run = async (claims: Parameters<typeof checkRecipient>[1], mine: string[], format?: Parameters<typeof checkRecipient>[3]) => {
  const c = new CheckList();
  const who = await checkRecipient(c, claims, mine.map(toUserIdentity), format);
  return { who, check: c.get('recipient')! };
};

describe('recipient: identities compared only as their kind allows', () => {
  it('a DID differing only in letter case is another DID (DID Core §3.1: the method-specific id is case-sensitive)', async () => {
    const r = await run([{ type: 'id', identity: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', hashed: false }], ['did:key:z6MkhaxgbzdvotdkL5257faiztigic2qtklgpbnnegta2dok']);
    expect(r.who).toBeNull();
    expect(r.check.outcome).toBe('fail');
  });

  it('a web address differing in the path\'s letter case is another address; in the host\'s, the same', async () => {
    const claim = [{ type: 'url', identity: 'https://profiles.example/u/Alice', hashed: false }];
    expect((await run(claim, ['https://profiles.example/u/alice'])).who).toBeNull();
    expect((await run(claim, ['https://PROFILES.example/u/Alice'])).who).toBe('https://PROFILES.example/u/Alice');
  });

  it('a plain e-mail claim written with spaces around it or as a mailto: URI names that address', async () => {
    expect((await run([{ type: 'email', identity: ' Alice@Example.org\n', hashed: false }], ['alice@example.org'])).who).toBe('alice@example.org');
    expect((await run([{ type: 'email', identity: 'mailto:alice@example.org', hashed: false }], ['alice@example.org'])).who).toBe('alice@example.org');
    expect((await run([{ type: 'email', identity: 'mailto:bob@example.org', hashed: false }], ['alice@example.org'])).check.outcome).toBe('fail');
  });

  it('an e-mail address in another letter case is the same address; a plus address is not', async () => {
    expect((await run([{ type: 'email', identity: 'Alice@Example.org', hashed: false }], ['alice@example.org'])).who).toBe('alice@example.org');
    expect((await run([{ type: 'email', identity: 'alice+badges@example.org', hashed: false }], ['alice@example.org'])).who).toBeNull();
  });
});

describe('recipient: one address in its Unicode spellings (IDNA2008 A-labels, NFC)', () => {
  const sha = (text: string, salt = 'pepper') => `sha256$${createHash('sha256').update(text + salt).digest('hex')}`;
  const composed = 'jos\u00e9@b\u00fccher.example';
  const decomposed = 'jose\u0301@bu\u0308cher.example';

  it('a hash over the domain\'s A-label is of the user\'s address written with its U-label (RFC 5891 §4.4)', async () => {
    const r = await run([{ type: 'email', identity: sha('ada@xn--bcher-kva.example'), hashed: true, salt: 'pepper' }], ['ada@b\u00fccher.example']);
    expect(r.who).toBe('ada@b\u00fccher.example');
    expect(r.check.outcome).toBe('pass');
  });

  it('a hash over the composed form is of the address the backpack lists decomposed, and the other way round', async () => {
    expect((await run([{ type: 'email', identity: sha(composed), hashed: true, salt: 'pepper' }], [decomposed])).who).toBe(decomposed);
    expect((await run([{ type: 'email', identity: sha(composed.toUpperCase()), hashed: true, salt: 'pepper' }], [decomposed])).check.outcome).toBe('fail');
  });

  it('an address in clear, decomposed or with an A-label, is the composed U-label address: not "someone else" (a genuine badge called invalid)', async () => {
    expect((await run([{ type: 'email', identity: decomposed, hashed: false }], [composed])).who).toBe(composed);
    expect((await run([{ type: 'email', identity: 'JOS\u00c9@xn--bcher-kva.example', hashed: false }], [composed])).who).toBe(composed);
    expect((await run([{ type: 'email', identity: 'jose@bucher.example', hashed: false }], [composed])).check.outcome).toBe('fail');
  });
});

describe('recipient: a hash Lanyard cannot compute is not "someone else"', () => {
  it('sha512$ or sha1$ (neither OB 2.0 nor OB 3.0 allows them): not compared, not failed', async () => {
    for (const identity of [`sha512$${'ab'.repeat(64)}`, `SHA1$${'ab'.repeat(20)}`]) {
      const r = await run([{ type: 'email', identity, hashed: true }], ['alice@example.org']);
      expect(r.who).toBeNull();
      expect(r.check.outcome, identity).toBe('skipped');
      expect(r.check.message).toMatch(/hash/);
    }
  });

  it('beside a comparable claim that is not the user\'s: still someone else', async () => {
    const r = await run([{ type: 'email', identity: `sha512$${'ab'.repeat(64)}`, hashed: true }, { type: 'email', identity: 'bob@example.org', hashed: false }], ['alice@example.org']);
    expect(r.check.outcome).toBe('fail');
  });
});

describe('recipient: a salt written as a number', () => {
  const email = 'ada@example.org';
  const hashed = async (salt: string) => `sha256$${createHash('sha256').update(email + salt).digest('hex')}`;
  /** The issuer's site: the hosted copy (OB 2.0 §HostedBadge), its badge class and profile. */
  const site = (docs: Record<string, unknown>) => async (url: string): Promise<Response> => {
    if (!Object.hasOwn(docs, url)) throw new TypeError(`not served: ${url}`);
    return new Response(JSON.stringify(docs[url]), { headers: { 'content-type': 'application/ld+json' } });
  };
  const outcome = (r: Awaited<ReturnType<typeof verify>>) => r.checks.find((c) => c.id === 'recipient');

  it('OB 2.0: the digits the issuer hashed (OB 2.0 §IdentityObject says Text; a dropped salt made the badge someone else\'s)', async () => {
    const assertion = {
      '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://issuer.example/a/1', badge: 'https://issuer.example/b/1', issuedOn: '2025-01-01T00:00:00Z',
      verification: { type: 'HostedBadge' }, recipient: { type: 'email', hashed: true, salt: 12345, identity: await hashed('12345') },
    };
    const OB2 = 'https://w3id.org/openbadges/v2';
    const fetch = site({
      [assertion.id]: assertion,
      [assertion.badge]: { '@context': OB2, type: 'BadgeClass', id: assertion.badge, name: 'B', description: 'd', image: 'https://issuer.example/i.png', criteria: 'https://issuer.example/c', issuer: 'https://issuer.example/i' },
      'https://issuer.example/i': { '@context': OB2, type: 'Issuer', id: 'https://issuer.example/i', name: 'I', url: 'https://issuer.example', email: 'i@issuer.example' },
    });
    const r = await verify(JSON.stringify(assertion), { fetch, now: new Date('2026-01-01T00:00:00Z'), identities: [email] });
    expect(r.verdict).toBe('valid');
    expect(outcome(r)).toMatchObject({ outcome: 'pass' });
    expect(r.recipient).toBe(email);
  });

  it('OB 3.0: an identifier\'s numeric salt likewise; a salt of another kind is no salt', async () => {
    const claims = [{ type: 'email', identity: await hashed('777'), hashed: true, salt: saltOf(777) }];
    expect((await run(claims as Parameters<typeof checkRecipient>[1], [email])).who).toBe(email);
    expect(saltOf({ n: 1 })).toBeUndefined();
    expect(saltOf(Number.NaN)).toBeUndefined();
    expect(saltOf('s')).toBe('s');
  });
});

/**
 * OB 1.0, 1.1, 2.0 and 3.0 allow md5 and sha256 (§IdentityHash); OB 0.5 allowed sha1 and sha512 too
 * (Mozilla's openbadges-validator VALID_HASHES, which the 0.5 Backpack ran).
 */
describe('recipient: hashes by the algorithms the badge\'s version allows', () => {
  const hashOf = (alg: string, text: string) => `${alg}$${createHash(alg).update(text).digest('hex')}`;

  it.each(['sha1', 'sha512'])('%s: the user\'s in an OB 0.5 badge, compared by none of OB 2.0, 1.1, 1.0 or 3.0 (unknown, never someone else\'s)', async (alg) => {
    const claim = [{ type: 'email', identity: hashOf(alg, 'ada@example.org'), hashed: true }];
    expect((await run(claim, ['ada@example.org'], 'ob0.5-hosted')).who).toBe('ada@example.org');
    expect((await run(claim, ['grace@example.org'], 'ob0.5-hosted')).check.outcome).toBe('fail');
    for (const format of ['ob2.0-hosted', 'ob2.0-signed', 'ob1.1-hosted', 'ob1.0-signed', 'ob3.0-jwt', undefined] as const) {
      const r = await run(claim, ['ada@example.org'], format);
      expect(r.who).toBeNull();
      expect(r.check.outcome).toBe('skipped');
      expect(r.check.message).toContain('only md5 and sha256 hashes are allowed');
    }
  });

  it('an algorithm OB 0.5 allowed with no hex digest after it is malformed there, and an algorithm not allowed elsewhere', async () => {
    const claim = [{ type: 'email', identity: 'sha1$<hash>', hashed: true }];
    expect((await run(claim, ['ada@example.org'], 'ob0.5-hosted')).check.message).toContain('malformed hash');
    expect((await run(claim, ['ada@example.org'], 'ob2.0-hosted')).check.message).toContain('only md5 and sha256');
  });
});

/**
 * Hostile review (hostile40): OB 2.0 §IdentityObject `telephone`. A number written with the visual
 * separators a tel URI allows (RFC 3966 §3 `visual-separator`: "-", ".", "(", ")") or spaces, or as
 * a tel: URI, is the same number: a claim "+1 (555) 010-0100" was "issued to someone else" for the
 * user's "+15550100100" (E.164, as Badgr stores it), a genuine badge called someone else's.
 */
describe('recipient: a telephone number however it is punctuated', () => {
  const sha = (s: string) => `sha256$${createHash('sha256').update(s).digest('hex')}`;

  it('in clear: separators, spaces and a tel: prefix name the same number; other digits another', async () => {
    const claim = [{ type: 'telephone', identity: '+1 (555) 010-0100', hashed: false }];
    expect((await run(claim, ['+15550100100'])).who).toBe('+15550100100');
    expect((await run(claim, ['tel:+1-555-010-0100'])).who).toBe('tel:+1-555-010-0100');
    expect((await run(claim, ['+15550100101'])).check.outcome).toBe('fail');
    expect((await run(claim, ['15550100100'])).check.outcome).toBe('fail');
  });

  it('hashed over the E.164 form, the user\'s punctuated number matches; hashed as written, too', async () => {
    expect((await run([{ type: 'telephone', identity: sha('+15550100100'), hashed: true }], ['+1 555 010 0100'])).who).toBe('+1 555 010 0100');
    expect((await run([{ type: 'telephone', identity: sha('+1 555 010 0100'), hashed: true }], ['+1 555 010 0100'])).who).toBe('+1 555 010 0100');
    expect((await run([{ type: 'telephone', identity: sha('+15550100199'), hashed: true }], ['+1 555 010 0100'])).check.outcome).toBe('fail');
  });
});

/**
 * Hostile review (hostile41): OB 2.0 §IdentityObject: `identity` is an identityHash (`alg$hex`) or
 * text, `salt` "the string used to salt the hash". White space around `alg$hex` is no part of it and
 * the digest binds the same string; the salt is hashed exactly as written (the hash binds
 * identity ‖ salt: a salt read otherwise is another string).
 */
describe('recipient: white space around a hashed identity and its salt', () => {
  const sha = (text: string, salt: string) => `sha256$${createHash('sha256').update(text + salt).digest('hex')}`;

  it('a digest with white space around it is the digest: the user\'s hash is the user\'s', async () => {
    for (const identity of [` ${sha('alice@example.org', 'pepper')}`, `${sha('alice@example.org', 'pepper')}\n`, `\t${sha('alice@example.org', 'pepper')} `]) {
      const r = await run([{ type: 'email', identity, hashed: true, salt: 'pepper' }], ['alice@example.org']);
      expect(r.who, identity).toBe('alice@example.org');
    }
    // `hashed` absent (OB 3.0 identityHash read by its form): the trimmed digest is a hash, not an address.
    const { isHashedIdentity } = await import('../../../src/core/verify/recipient.ts');
    expect(isHashedIdentity(undefined, ` ${sha('alice@example.org', 'pepper')} `)).toBe(true);
    // `hashed: false` beside a digest with white space: still compared as the hash it is.
    expect((await run([{ type: 'email', identity: ` ${sha('alice@example.org', '')}`, hashed: false }], ['alice@example.org'])).who).toBe('alice@example.org');
  });

  it('the digest of someone else, with white space around it, is still someone else\'s', async () => {
    const r = await run([{ type: 'email', identity: ` ${sha('bob@example.org', 'pepper')} `, hashed: true, salt: 'pepper' }], ['alice@example.org']);
    expect(r.who).toBeNull();
    expect(r.check.outcome).toBe('fail');
  });

  it('the salt is hashed as written: one with white space is another string, and trimming it binds nothing', async () => {
    // Hashed with " pepper" (the salt as written): the user's.
    expect((await run([{ type: 'email', identity: sha('alice@example.org', ' pepper'), hashed: true, salt: ' pepper' }], ['alice@example.org'])).who).toBe('alice@example.org');
    // Hashed with "pepper" while the badge says " pepper": the hash binds alice@example.org‖pepper, which the badge does not claim.
    expect((await run([{ type: 'email', identity: sha('alice@example.org', 'pepper'), hashed: true, salt: ' pepper' }], ['alice@example.org'])).who).toBeNull();
    // A salt of white space only is no empty salt: sha256(address) is not what the badge names.
    expect((await run([{ type: 'email', identity: sha('alice@example.org', ''), hashed: true, salt: ' ' }], ['alice@example.org'])).who).toBeNull();
  });
});

/**
 * Hostile review (hostile41): lower-casing and NFC turn U+212A KELVIN SIGN into "k"/"K", U+0130 into
 * "i" and a dot, and the URL parser's domain mapping (UTS #46) turns "ſ" (U+017F) into "s" and fullwidth
 * letters into ASCII: "\u212aate@example.org" folded is kate@example.org, another mailbox to every mail
 * system. Such a match is never "issued to you" (nor "to someone else": skipped, unknown).
 */
describe('recipient: characters that fold into ASCII make no match', () => {
  const sha = (text: string, salt = 'pepper') => `sha256$${createHash('sha256').update(text + salt).digest('hex')}`;
  const folds: [claimed: string, mine: string][] = [
    ['\u212aate@example.org', 'kate@example.org'],
    ['kate@example.org', '\u212aate@example.org'],
    ['\u0130nfo@example.org', 'i\u0307nfo@example.org'],
    ['sam@\u017fhop.example', 'sam@shop.example'],
    ['ada@\uff45xample.org', 'ada@example.org'],
    ['ada@example.org', 'ada@\uff45xample.org'],
  ];

  it('in clear: neither the user\'s nor called someone else\'s', async () => {
    for (const [claimed, mine] of folds) {
      const r = await run([{ type: 'email', identity: claimed, hashed: false }], [mine]);
      expect(r.who, `${claimed} / ${mine}`).toBeNull();
      expect(r.check.outcome, `${claimed} / ${mine}`).toBe('skipped');
      expect(r.check.message).toMatch(/whether it is yours is unknown/);
    }
  });

  it('hashed: a hash of the folded address is not the user\'s', async () => {
    const r = await run([{ type: 'email', identity: sha('kate@example.org'), hashed: true, salt: 'pepper' }], ['\u212aate@example.org']);
    expect(r.who).toBeNull();
    expect(r.check.outcome).toBe('skipped');
    // The hash of the address as written still is.
    expect((await run([{ type: 'email', identity: sha('\u212aate@example.org'), hashed: true, salt: 'pepper' }], ['\u212aate@example.org'])).who).toBe('\u212aate@example.org');
  });

  it('the same address in another ASCII letter case, and an address folding nothing, still match; a mismatch still fails', async () => {
    expect((await run([{ type: 'email', identity: '\u212aATE@Example.org', hashed: false }], ['\u212aate@example.org'])).who).toBe('\u212aate@example.org');
    expect((await run([{ type: 'email', identity: 'Jos\u00e9@B\u00fccher.example', hashed: false }], ['jos\u00e9@b\u00fccher.example'])).who).toBe('jos\u00e9@b\u00fccher.example');
    expect((await run([{ type: 'email', identity: '\u212aate@example.org', hashed: false }], ['bob@example.org'])).check.outcome).toBe('fail');
    // A ligature in a local part is not folded at all (only a domain is mapped): another address.
    expect((await run([{ type: 'email', identity: 'o\ufb00ice@example.org', hashed: false }], ['office@example.org'])).check.outcome).toBe('fail');
  });
});

/**
 * Review (review42) of hostile41's rule: white space around an address is no part of it (it is trimmed before
 * every comparison), so it folds nothing. A no-break space (U+00A0, NFKC " ") or an ideographic space (U+3000)
 * after the address a backpack's profile gives made the whole address "fold into ASCII", compared with only its
 * ASCII letters' case: "JOSÉ@EXEMPLE.FR" then met neither "josé@exemple.fr" nor its hash, and a genuine badge read unknown.
 */
describe('recipient: white space around the user\'s address folds nothing', () => {
  const sha = (text: string, salt = 'pepper') => `sha256$${createHash('sha256').update(text + salt).digest('hex')}`;
  for (const space of ['\u00a0', '\u3000', '\u2003']) {
    const mine = `JOS\u00c9@EXEMPLE.FR${space}`;
    it(`an address with U+${space.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} after it is the address: issued to the user, in clear and hashed`, async () => {
      expect((await run([{ type: 'email', identity: 'jos\u00e9@exemple.fr', hashed: false }], [mine])).check.outcome).toBe('pass');
      expect((await run([{ type: 'email', identity: sha('jos\u00e9@exemple.fr'), hashed: true, salt: 'pepper' }], [mine])).check.outcome).toBe('pass');
      expect(addressKey(mine)).toBe(addressKey('jos\u00e9@exemple.fr'));
    });
  }
});

/**
 * Hostile49: an allowed algorithm followed by hex digits that are not a digest of its length
 * (`sha256$` then 40 hex digits, as the OB 1.0 specification's own example assertion wrote,
 * test/fixtures/conformance/baking/cs-bakery_baked_example.svg; an md5 labelled sha256; a
 * template's `sha256$deadbeef`). No
 * address hashes to it, so it names no one: it was compared, matched none, and the badge was
 * "issued to someone else", invalid. OB 2.0 §IdentityHash and OB 3.0 §IdentityHash: the
 * algorithm's hex digest (sha256: 64 hex digits, md5: 32); anything else is malformed, as a
 * placeholder that is no hex at all already was.
 */
describe('recipient: a hash of the wrong length for its algorithm names no one', () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const md5 = (text: string) => createHash('md5').update(text).digest('hex');
  it.each([
    ['a sha256 cut short', `sha256$${sha('ada@example.org').slice(0, 40)}`],
    ['a template placeholder', 'sha256$deadbeef'],
    ['an md5 digest labelled sha256', `sha256$${md5('ada@example.org')}`],
    ['a sha256 digest labelled md5', `md5$${sha('ada@example.org')}`],
  ])('%s: malformed, never someone else\'s', async (_, identity) => {
    const r = await run([{ type: 'email', identity, hashed: true }], ['ada@example.org'], 'ob2.0-hosted');
    expect(r.who).toBeNull();
    expect(r.check.outcome).toBe('skipped');
    expect(r.check.message).toContain('malformed hash');
  });

  it('a "hashed" identity that names no algorithm at all (an address written in clear) is malformed, not a hash of an algorithm not allowed', async () => {
    for (const identity of ['ada@example.org', sha('ada@example.org'), '$' + sha('ada@example.org')]) {
      const r = await run([{ type: 'email', identity, hashed: true }], ['ada@example.org'], 'ob2.0-hosted');
      expect(r.who).toBeNull();
      expect(r.check.outcome).toBe('skipped');
      expect(r.check.message).toContain('malformed hash');
      expect(r.check.message).not.toContain('only md5 and sha256');
    }
  });

  it('a whole digest of another address is still someone else\'s, and the user\'s still the user\'s', async () => {
    expect((await run([{ type: 'email', identity: `sha256$${sha('bob@example.org')}`, hashed: true }], ['ada@example.org'], 'ob2.0-hosted')).check.outcome).toBe('fail');
    expect((await run([{ type: 'email', identity: `md5$${md5('bob@example.org')}`, hashed: true }], ['ada@example.org'], 'ob2.0-hosted')).check.outcome).toBe('fail');
    expect((await run([{ type: 'email', identity: `SHA256$${sha('ada@example.org').toUpperCase()}`, hashed: true }], ['ada@example.org'], 'ob2.0-hosted')).who).toBe('ada@example.org');
  });
});
