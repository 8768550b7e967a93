import { describe, expect, it } from 'vitest';
import { ErrorCodes, ParseError, UnsupportedCredentialError } from '../../../src/core/errors.ts';
import { OB2_SVG_NS, OB3_SVG_NS, readBakedSvg } from '../../../src/core/input/svg.ts';
import { unpack } from '../../../src/core/input/index.ts';
import { fixtureText } from './fixtures.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2V4YW1wbGUub3JnIn0.c2ln';
const FAKE = 'https://evil.example/fake';

/** An OB 3.0 baked SVG: the openbadges prefix declared on the root, `inner` as its content. */
const svg3 = (inner: string): string =>
  `<?xml version="1.0"?>\n<svg xmlns="${SVG_NS}" xmlns:openbadges="${OB3_SVG_NS}" viewBox="0 0 10 10">${inner}<rect width="1" height="1"/></svg>`;
const real = `<openbadges:credential verify="${JWS}"></openbadges:credential>`;

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ParseError);
    return (e as ParseError).code;
  }
  throw new Error('expected a ParseError');
}

describe('readBakedSvg: CLR 2.0', () => {
  it('reads a CLR 2.0 credential baked as {https://purl.imsglobal.org/clr/v2p0}credential, as the 1EdTech validator does (DCPV SvgParser QNames.CLR20)', () => {
    const clr = `<svg xmlns="${SVG_NS}" xmlns:clr="https://purl.imsglobal.org/clr/v2p0"><clr:credential><![CDATA[{"type":["VerifiableCredential","ClrCredential"]}]]></clr:credential></svg>`;
    expect(readBakedSvg(clr)).toMatchObject({ namespace: 'https://purl.imsglobal.org/clr/v2p0', element: 'credential', source: 'body' });
    // Its other names are no badge: the local name must match its namespace.
    expect(codeOf(() => readBakedSvg(clr.replaceAll('clr:credential', 'clr:assertion')))).toBe(ErrorCodes.PARSE_NOT_BAKED);
  });
});

describe('readBakedSvg: fixtures', () => {
  it('OB 3.0 JSON in CDATA', () => {
    const r = readBakedSvg(fixtureText('baking/ob30_simple-json.svg'));
    expect(r).toMatchObject({ namespace: OB3_SVG_NS, element: 'credential', source: 'body' });
    expect(JSON.parse(r.text).id).toBe('http://example.com/credentials/3527');
  });
  it('OB 3.0 VC-JWT in verify', () => {
    const r = readBakedSvg(fixtureText('baking/ob30_simple-jwt.svg'));
    expect(r).toMatchObject({ namespace: OB3_SVG_NS, element: 'credential', source: 'verify' });
    expect(r.text).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  });
  it('OB 1.x: a JSON body wins over the verify URL', () => {
    const r = readBakedSvg(fixtureText('baking/cs-bakery_baked_example.svg'));
    expect(r).toMatchObject({ namespace: OB2_SVG_NS, element: 'assertion', source: 'body' });
    expect(JSON.parse(r.text).uid).toBe('abcdef12345');
  });
  it.each([
    ['baking/mozilla-bakery_baked.svg', 'body', '{"verify":{"url":"http://example.org"}}'],
    ['baking/mozilla-bakery_bad-json.svg', 'verify', 'http://example.org'],
    ['baking/mozilla-bakery_no-json.svg', 'verify', 'http://example.org'],
  ])('%s → %s', (file, source, text) => {
    expect(readBakedSvg(fixtureText(file))).toMatchObject({ namespace: OB2_SVG_NS, source, text });
  });
});

describe('readBakedSvg: a <script> that spells out a fake credential', () => {
  const scripts = {
    cdata: `<script><![CDATA[ var s = '<openbadges:credential verify="${FAKE}">'; ]]></script>`,
    escaped: `<script>var s = '&lt;openbadges:credential verify="${FAKE}"&gt;';</script>`,
    'unescaped self-closing': `<script>var s = '<openbadges:credential verify="${FAKE}"/>';</script>`,
    'unescaped, nested deeper': `<script type="x"><g><openbadges:credential verify="${FAKE}"/></g></script>`,
    'in <style>': `<style>/* <openbadges:credential verify="${FAKE}"/> */<openbadges:credential verify="${FAKE}"/></style>`,
    'in <foreignObject>': `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml"><openbadges:credential verify="${FAKE}"/></div></foreignObject>`,
    'in a comment': `<!-- <openbadges:credential verify="${FAKE}"/> -->`,
    'in an attribute': `<desc title="&lt;openbadges:credential verify=&quot;${FAKE}&quot;/&gt;"/>`,
  };

  it.each(Object.entries(scripts))('%s, and no real credential: not baked', (_, script) => {
    expect(codeOf(() => readBakedSvg(svg3(script)))).toBe(ErrorCodes.PARSE_NOT_BAKED);
  });

  // Text that only spells an element; the others are elements (XML), never the badge but a second one (svg-hidden-badge.test.ts).
  const spelt = Object.entries(scripts).filter(([name]) => ['cdata', 'escaped', 'in a comment', 'in an attribute'].includes(name));
  const elements = Object.entries(scripts).filter(([name]) => !spelt.some(([n]) => n === name));

  it.each(spelt)('%s, with a real credential after it: the real one', (_, script) => {
    expect(readBakedSvg(svg3(script + real)).text).toBe(JWS);
  });

  it.each(spelt)('%s, with a real credential before it: the real one', (_, script) => {
    expect(readBakedSvg(svg3(real + script)).text).toBe(JWS);
  });

  it.each(elements)('%s, beside a real credential: two badges, neither read', (_, script) => {
    for (const doc of [svg3(script + real), svg3(real + script)]) expect(() => readBakedSvg(doc)).toThrow(UnsupportedCredentialError);
  });

  it('unescaped markup that breaks the XML is malformed, never a badge', () => {
    const script = `<script>var s = '<openbadges:credential verify="${FAKE}">';</script>`;
    expect(codeOf(() => readBakedSvg(svg3(script + real)))).toBe(ErrorCodes.PARSE_SVG);
  });
});

describe('readBakedSvg: namespaces, not prefixes', () => {
  const open = `<svg xmlns="${SVG_NS}">`;
  it('any prefix bound to the namespace', () => {
    expect(readBakedSvg(`<svg xmlns="${SVG_NS}" xmlns:ob="${OB2_SVG_NS}"><ob:assertion verify="${JWS}"/></svg>`).text).toBe(JWS);
  });
  it('the default namespace, declared on the element itself', () => {
    expect(readBakedSvg(`${open}<credential xmlns="${OB3_SVG_NS}" verify="${JWS}"/></svg>`).text).toBe(JWS);
  });
  it('an undeclared prefix is not a badge element', () => {
    expect(codeOf(() => readBakedSvg(`${open}<openbadges:credential verify="${FAKE}"/></svg>`))).toBe(ErrorCodes.PARSE_NOT_BAKED);
  });
  it('a declaration on a sibling is out of scope', () => {
    const doc = `${open}<g xmlns:openbadges="${OB3_SVG_NS}"/><openbadges:credential verify="${FAKE}"/></svg>`;
    expect(codeOf(() => readBakedSvg(doc))).toBe(ErrorCodes.PARSE_NOT_BAKED);
  });
  it('the right prefix bound to another namespace is not a badge element', () => {
    expect(codeOf(() => readBakedSvg(`<svg xmlns:openbadges="http://evil.example/ns"><openbadges:credential verify="${FAKE}"/></svg>`))).toBe(ErrorCodes.PARSE_NOT_BAKED);
  });
  it('an inner rebinding hides the outer one, and scope ends with the element', () => {
    const doc = svg3(`<g xmlns:openbadges="http://evil.example/ns"><openbadges:credential verify="${FAKE}"/></g>${real}`);
    expect(readBakedSvg(doc).text).toBe(JWS);
  });
  it('the local name must match its namespace', () => {
    expect(codeOf(() => readBakedSvg(svg3(`<openbadges:assertion verify="${FAKE}"/>`)))).toBe(ErrorCodes.PARSE_NOT_BAKED);
    const ob2 = `<svg xmlns:openbadges="${OB2_SVG_NS}"><openbadges:credential verify="${FAKE}"/></svg>`;
    expect(codeOf(() => readBakedSvg(ob2))).toBe(ErrorCodes.PARSE_NOT_BAKED);
  });
  it('a second badge element saying the same, nothing, or nothing readable, is the same badge', () => {
    expect(readBakedSvg(svg3(`${real}<openbadges:credential verify=" ${JWS}"/><openbadges:credential/>`)).text).toBe(JWS);
    expect(readBakedSvg(svg3(`${real}<openbadges:credential>{broken</openbadges:credential>`)).text).toBe(JWS);
  });
  it('a second badge element saying something else makes the image no one badge: indeterminate, never the first alone (OB 2.0 §Baking SVG; adversarial review, session 19)', () => {
    for (const doc of [
      svg3(`${real}<openbadges:credential verify="${FAKE}"/>`),
      svg3(`${real}<g><openbadges:credential>{"id":"urn:uuid:other"}</openbadges:credential></g>`),
      svg3(real.repeat(17)),
    ]) {
      let e: unknown;
      try {
        readBakedSvg(doc);
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(UnsupportedCredentialError);
      expect((e as Error).message).toMatch(/carries two different badges/);
    }
  });

  // Hostile review (hostile40): `verify` and a prefixed `openbadges:verify` on one element are two
  // attributes (XML Namespaces §6.3); the first was read, and a reader that takes the unprefixed
  // one read another badge from the same image.
  it('two verify attributes on one element naming different badges: indeterminate; naming the same: that badge', () => {
    const two = `<openbadges:credential openbadges:verify="${FAKE}" verify="${JWS}"></openbadges:credential>`;
    expect(() => readBakedSvg(svg3(two))).toThrow(/carries two different badges/);
    expect(() => readBakedSvg(svg3(`<openbadges:credential verify="${JWS}" openbadges:verify="${FAKE}"/>`))).toThrow(UnsupportedCredentialError);
    expect(readBakedSvg(svg3(`<openbadges:credential openbadges:verify="${JWS}" verify=" ${JWS}"/>`))).toMatchObject({ source: 'verify', text: JWS });
  });
});

describe('readBakedSvg: body and verify', () => {
  it('decodes references in a text body and in verify', () => {
    const r = readBakedSvg(svg3(`<openbadges:credential>{"id": "urn:x&amp;y", "q": &quot;&#x41;&#66;&quot;}</openbadges:credential>`));
    expect(JSON.parse(r.text)).toEqual({ id: 'urn:x&y', q: 'AB' });
    expect(readBakedSvg(svg3(`<openbadges:credential verify='https://example.org/a?b=1&amp;c="2"'/>`)).text).toBe('https://example.org/a?b=1&c="2"');
  });
  it('joins text and CDATA, ignoring child elements', () => {
    const r = readBakedSvg(svg3(`<openbadges:credential>{"a":<![CDATA[1]]>,<!-- c --> "b":2}<x/></openbadges:credential>`));
    expect(JSON.parse(r.text)).toEqual({ a: 1, b: 2 });
  });
  it('neither a JSON body nor verify: not baked', () => {
    expect(codeOf(() => readBakedSvg(svg3('<openbadges:credential>not json</openbadges:credential>')))).toBe(ErrorCodes.PARSE_NOT_BAKED);
    expect(codeOf(() => readBakedSvg(svg3('<openbadges:credential verify="  "/>')))).toBe(ErrorCodes.PARSE_NOT_BAKED);
  });
});

describe('readBakedSvg: DOCTYPE and entities', () => {
  it('expands Illustrator-style internal entities', () => {
    const doc = `<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd" [
      <!ENTITY ns_svg "${SVG_NS}"> <!ENTITY ns_ob "${OB3_SVG_NS}"> <!-- ] > --> <?pi ]>?>
      <!ATTLIST svg a CDATA "]>"> <!ENTITY % pe "x"> %pe;
    ]><svg xmlns="&ns_svg;" xmlns:openbadges="&ns_ob;">${real}</svg>`;
    expect(readBakedSvg(doc).text).toBe(JWS);
  });
  it('refuses nested entities (billion laughs) without expanding them', () => {
    const lol = `<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
    expect(codeOf(() => readBakedSvg(`${lol}<svg><t>&c;</t></svg>`))).toBe(ErrorCodes.PARSE_SVG);
  });
  it('caps the total expansion of a large entity used many times', () => {
    const big = `<!DOCTYPE svg [<!ENTITY a "${'x'.repeat(100_000)}">]>`;
    expect(codeOf(() => readBakedSvg(`${big}<svg><t>${'&a;'.repeat(100)}</t></svg>`))).toBe(ErrorCodes.PARSE_SVG);
  });
  it('an undeclared entity is malformed', () => {
    expect(codeOf(() => readBakedSvg(svg3('<t>&nbsp;</t>')))).toBe(ErrorCodes.PARSE_SVG);
  });
  it.each(['constructor', 'toString', '__proto__', 'valueOf'])('&%s; is undeclared too, not an Object member spliced into the text', (name) => {
    expect(codeOf(() => readBakedSvg(svg3(`<t>&${name};</t>`)))).toBe(ErrorCodes.PARSE_SVG);
  });
});

describe('readBakedSvg: malformed XML is PARSE_SVG', () => {
  it.each([
    ['mismatched end tag', svg3('<g></h>')],
    ['unclosed element', '<svg><g></svg>'],
    ['never closed root', '<svg>'],
    ['duplicate attribute', '<svg a="1" a="2"/>'],
    ['unquoted attribute', '<svg a=1/>'],
    ['attribute without value', '<svg a/>'],
    ['missing space between attributes', '<svg a="1"b="2"/>'],
    ['< in an attribute value', '<svg a="<"/>'],
    ['two roots', '<svg/><svg/>'],
    ['text outside the root', 'x<svg/>'],
    ['unterminated comment', '<svg><!-- x</svg>'],
    ['unterminated CDATA', '<svg><![CDATA[ x</svg>'],
    ['unterminated DOCTYPE', '<!DOCTYPE svg [ <svg/>'],
    ['bare &', svg3('<t>a & b</t>')],
    ['bad character reference', svg3('<t>&#0;</t>')],
    ['root that is not svg', '<html><svg/></html>'],
    ['tag cut short', '<svg><g'],
  ])('%s', (_, doc) => {
    expect(codeOf(() => readBakedSvg(doc))).toBe(ErrorCodes.PARSE_SVG);
  });

  it('100,000 nested elements neither overflow the stack nor hide the badge', () => {
    const n = 100_000;
    const doc = svg3(`${'<g>'.repeat(n)}${real}${'</g>'.repeat(n)}`);
    expect(readBakedSvg(doc).text).toBe(JWS);
  });
});

describe('unpack: SVG', () => {
  it('sniffs an SVG given as text or bytes, with a BOM and leading whitespace', async () => {
    const doc = svg3(real);
    await expect(unpack(`\ufeff \n${doc}`)).resolves.toMatchObject({ kind: 'svg', credential: { type: 'jws', text: JWS } });
    const bytes = new TextEncoder().encode(`\ufeff${doc}`);
    await expect(unpack(bytes)).resolves.toMatchObject({ kind: 'svg', bytes, credential: { type: 'jws' } });
  });
  it('reads a UTF-16 SVG', async () => {
    const doc = svg3(real);
    const le = new Uint8Array(2 + doc.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < doc.length; i++) le[2 + i * 2] = doc.charCodeAt(i);
    await expect(unpack(le)).resolves.toMatchObject({ kind: 'svg', credential: { type: 'jws', text: JWS } });
  });
  it('markup that is not SVG is unrecognised; a non-svg root is PARSE_SVG', async () => {
    await expect(unpack('<html><body>hi</body></html>')).rejects.toMatchObject({ code: ErrorCodes.PARSE_UNRECOGNISED });
    await expect(unpack('<html><svg/></html>')).rejects.toMatchObject({ code: ErrorCodes.PARSE_SVG });
  });
  it('the script trap through unpack', async () => {
    const script = `<script><![CDATA[ '<openbadges:credential verify="${FAKE}">' ]]></script>`;
    await expect(unpack(svg3(script))).rejects.toMatchObject({ code: ErrorCodes.PARSE_NOT_BAKED });
    await expect(unpack(svg3(script + real))).resolves.toMatchObject({ credential: { type: 'jws', text: JWS } });
  });
});

describe('readBakedSvg: a JWS or URL in the body, no verify attribute', () => {
  // MZBAKE svg.extract returns the trimmed body whatever it holds; a baker that writes the JWS there is read too.
  const ob2 = (body: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion>${body}</openbadges:assertion></svg>`;
  it('reads the body as the badge text', () => {
    expect(readBakedSvg(ob2('\n  eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln\n')).text).toBe('eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln');
    expect(readBakedSvg(ob2('<![CDATA[https://example.org/assertion.json]]>'))).toMatchObject({ source: 'body', text: 'https://example.org/assertion.json' });
  });
});
