/**
 * One badge element holding a JSON body and a `verify` attribute that name different badges: Lanyard
 * (as mozilla/openbadges-bakery's svg.extract) reads the body, 1EdTech's validator (DCPV inspector-vc
 * SvgParser) reads `verify` first, so the image carries two badges (OB 2.0 §Baking SVG and OB 3.0
 * §Baked Badge bake one), as two elements naming different badges do (svg.ts oneBadge). The
 * other rode along unchecked while Lanyard called the image the body's badge, valid. The same badge in
 * both (the body's id or verify.url is the attribute, mozilla's bakery; a JWS and its payload) is one badge.
 */
import { describe, expect, it } from 'vitest';
import { UnsupportedCredentialError } from '../../../src/core/errors.ts';
import { readBakedSvg } from '../../../src/core/input/svg.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, BADGE, makeIssuer, NOW, sha256Identity, signJws } from '../formats/ob2-fixtures.ts';

const A = 'https://issuer.test/assertions/a.json';
const B = 'https://issuer.test/assertions/b.json';
const svg = (attrs: string, body: string, more = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion ${attrs}><![CDATA[${body}]]></openbadges:assertion>${more}<rect width="1" height="1"/></svg>`;

async function hosted(id: string, email: string) {
  return assertion({ id, verification: { type: 'HostedBadge' }, recipient: { type: 'email', hashed: true, salt: 's', identity: await sha256Identity(email, 's') }, badge: BADGE });
}

describe('one badge element: a JSON body and a verify attribute naming different badges', () => {
  it('is no one badge: indeterminate, never the body alone (it was valid)', async () => {
    const { web } = await makeIssuer();
    const a = await hosted(A, 'ada@example.org');
    web.json(A, a).json(B, await hosted(B, 'bob@example.org'));
    const doc = svg(`verify="${B}"`, JSON.stringify(a));
    expect(() => readBakedSvg(doc)).toThrow(UnsupportedCredentialError);
    const r = await verify(doc, { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict).toBe('indeterminate');
    expect(JSON.stringify(r.checks)).toMatch(/two different badges/);
  });

  it('nor is it passed over for a clean element after it', async () => {
    const a = await hosted(A, 'ada@example.org');
    expect(() => readBakedSvg(svg(`verify="${B}"`, JSON.stringify(a), `<openbadges:assertion verify="${A}"/>`))).toThrow(UnsupportedCredentialError);
  });

  it('the same badge in both is that badge: its id, its verify.url, or a JWS and its payload', async () => {
    const a = await hosted(A, 'ada@example.org');
    expect(readBakedSvg(svg(`verify="${A}"`, JSON.stringify(a)))).toMatchObject({ source: 'body' });
    const legacy = { uid: 'abc', recipient: 'sha256$00', badge: BADGE, issuedOn: '2014-01-01', verify: { type: 'hosted', url: A } }; // OB 1.0: its address in verify.url
    expect(readBakedSvg(svg(`verify="${A}"`, JSON.stringify(legacy)))).toMatchObject({ source: 'body' });
    const { privateKey } = await makeIssuer();
    const signed = await assertion();
    const jws = await signJws(signed, privateKey);
    expect(readBakedSvg(svg(`verify="${jws}"`, JSON.stringify(signed)))).toMatchObject({ source: 'verify', text: jws });
    // An unreadable attribute or body names nothing and is not held against the other.
    expect(readBakedSvg(svg('verify="not a badge"', JSON.stringify(a)))).toMatchObject({ source: 'body' });
  });
});
