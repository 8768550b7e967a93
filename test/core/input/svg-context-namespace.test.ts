/**
 * A baked SVG whose badge element is bound to the OB 2.0 JSON-LD context URL instead of the baking
 * namespace http://openbadges.org: AWS User Group Madurai's issuer (Poobalan1210/awsugmdu-launcher-479ea03e,
 * infrastructure/terraform/lambda/badges-crud/index.js buildSvg, commit 81ea2498eefdf6047fd39bdd96217f85b688cbaa)
 * bakes `<metadata xmlns:openbadges="https://w3id.org/openbadges/v2"><openbadges:assertion verify="URL"/></metadata>`,
 * which mozilla/openbadges-bakery's extract (prefix matching) reads. Its text is only the hosted URL,
 * whose issuer's copy decides the verdict, so reading it vouches for nothing by itself.
 */
import { describe, expect, it } from 'vitest';
import { ErrorCodes, ParseError } from '../../../src/core/errors.ts';
import { readBakedSvg } from '../../../src/core/input/svg.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { assertion, makeIssuer, NOW } from '../formats/ob2-fixtures.ts';

const HOSTED = 'https://issuer.test/assertions/1.json';
const baked = (ns: string, local = 'assertion') =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200">\n  <title>A badge</title>\n  <metadata xmlns:openbadges="${ns}">\n    <openbadges:${local} verify="${HOSTED}" />\n  </metadata>\n  <circle cx="100" cy="100" r="96"/>\n</svg>`;

describe('baked SVG: the OB JSON-LD context URL as the badge namespace', () => {
  it.each(['https://w3id.org/openbadges/v2', 'https://w3id.org/openbadges/v1'])('%s assertion is read as an OB 2.0 / 1.x badge element', (ns) => {
    expect(readBakedSvg(baked(ns))).toMatchObject({ element: 'assertion', source: 'verify', text: HOSTED });
  });

  it('only the assertion element, and only those two URLs', () => {
    for (const svg of [baked('https://w3id.org/openbadges/v2', 'credential'), baked('https://w3id.org/openbadges/v3'), baked('https://evil.test/openbadges/v2')]) {
      expect(() => readBakedSvg(svg)).toThrow(ParseError);
      try {
        readBakedSvg(svg);
      } catch (e) {
        expect((e as ParseError).code).toBe(ErrorCodes.PARSE_NOT_BAKED);
      }
    }
  });

  it('such a badge is verified by its issuer\'s hosted copy: valid when it holds, never on the image\'s word', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await assertion({ id: HOSTED, verification: { type: 'HostedBadge' } }));
    const r = await verify(baked('https://w3id.org/openbadges/v2'), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(web.requested).toContain(HOSTED);
    web.status(HOSTED, 404);
    const gone = await verify(baked('https://w3id.org/openbadges/v2'), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(gone.verdict).not.toBe('valid');
  });
});

/**
 * rollercoaster-dev/monorepo apps/openbadges-modular-server/src/services/baking/svg/svg-baking.service.ts
 * (bakeSVG, commit b82aef2bcd76c6a16987cfc4da74339da3bd7d74) binds `openbadges` to the OB 3.0 spec's
 * path, https://purl.imsglobal.org/spec/ob/v3p0, not the baking namespace https://purl.imsglobal.org/ob/v3p0,
 * and appends `<openbadges:credential>` with the credential JSON (OB 2.0 or 3.0) as its text.
 */
describe('baked SVG: the OB 3.0 spec path as the badge namespace', () => {
  const spec = (body: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/spec/ob/v3p0"><rect width="1" height="1"/><openbadges:credential>${body}</openbadges:credential></svg>`;

  it('reads the credential element and its JSON text', () => {
    expect(readBakedSvg(spec('{&quot;id&quot;:&quot;urn:x&quot;}'))).toMatchObject({ element: 'credential', source: 'body', text: '{"id":"urn:x"}' });
  });

  it('an OB 2.0 hosted assertion baked that way is verified by its hosted copy', async () => {
    const { web } = await makeIssuer();
    const a = await assertion({ id: HOSTED, verification: { type: 'HostedBadge' } });
    web.json(HOSTED, a);
    const text = JSON.stringify(a).replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const r = await verify(spec(text), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.format).toBe('ob2.0-hosted');
  });

  it('the assertion local name is no badge element in that namespace', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:ob="https://purl.imsglobal.org/spec/ob/v3p0"><ob:assertion verify="${HOSTED}"/></svg>`;
    expect(() => readBakedSvg(svg)).toThrow(ParseError);
  });
});
