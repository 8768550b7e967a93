/**
 * A signed OB 2.0 badge baked into SVG with its payload beside the signature: mozilla/openbadges-bakery
 * lib/svg.js bake() writes `verify` = opts.signature AND, when given opts.assertion too, that assertion
 * as CDATA in the same element. The JWS is the signed badge; the body is its unsigned copy, which proves
 * nothing and said "signed, but no signature came with it" (invalid) for a genuine badge. A body that
 * says something else than the signed payload (same id, another recipient) is a second badge.
 */
import { describe, expect, it } from 'vitest';
import { readBakedSvg } from '../../../src/core/input/svg.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, makeIssuer, NOW, signJws } from '../formats/ob2-fixtures.ts';

const baked = (jws: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="${jws}"><![CDATA[${body}]]></openbadges:assertion><rect width="1" height="1"/></svg>`;

describe('baked SVG: a compact JWS in verify and a JSON body', () => {
  it('reads the JWS, not the unsigned body', () => {
    const jws = 'eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln';
    expect(readBakedSvg(baked(jws, '{"a":1}'))).toMatchObject({ source: 'verify', text: jws });
  });

  it('a genuine signed badge baked with its payload is valid', async () => {
    const { web, privateKey } = await makeIssuer();
    const a = await assertion();
    const jws = await signJws(a, privateKey);
    const r = await verify(baked(jws, JSON.stringify(a)), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.checks.find((c) => c.id === 'signature')?.outcome).toBe('pass');
  });

  it('an altered body beside a genuine signature is a second badge: not judged (MZBAKE extract reads the body)', async () => {
    const { web, privateKey } = await makeIssuer();
    const a = await assertion();
    const jws = await signJws(a, privateKey);
    const forged = { ...a, recipient: { type: 'email', hashed: false, identity: 'mallory@example.org' } };
    const r = await verify(baked(jws, JSON.stringify(forged)), { fetch: web.fetch, now: NOW, identities: ['mallory@example.org'] });
    expect(r.verdict).toBe('indeterminate');
    expect(JSON.stringify(r.checks)).toMatch(/two different badges/);
  });
});
