/**
 * Differential tests on credentials built here: each construct the fast converter handles, and
 * some it hands to jsonld.js, must canonicalize exactly as jsonld.canonize does; what safe mode
 * refuses must be refused on both paths, with a clear error.
 */
import { describe, expect, it } from 'vitest';
import { canonize, toRdf } from '../../../src/core/jsonld/canonize.ts';
import { SafeModeError, UnknownContextError } from '../../../src/core/jsonld/errors.ts';
import { referenceCanon, testContextSet } from './corpus.ts';

const set = testContextSet();
const V2 = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];

function base(extra: Record<string, unknown> = {}, subject: Record<string, unknown> = {}, achievement: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': V2,
    id: 'urn:uuid:2f0e6b36-0a55-4c8c-9e3f-7e1b4e2a0c11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'https://example.com/issuers/1', type: ['Profile'], name: 'Example' },
    validFrom: '2024-01-01T00:00:00Z',
    name: 'Badge',
    credentialSubject: {
      id: 'did:example:subject',
      type: ['AchievementSubject'],
      achievement: { id: 'https://example.com/a/1', type: ['Achievement'], name: 'A', description: 'D', criteria: { narrative: 'N' }, ...achievement },
      ...subject,
    },
    ...extra,
  };
}

const fastCases: [string, Record<string, unknown>][] = [
  ['numbers and booleans', base({}, { creditsEarned: 4.5, licenseNumber: 'x' }, { creditsAvailable: 36, humanCode: 'R1', otherIdentifier: [] })],
  ['big, negative and fractional numbers', base({}, { creditsEarned: -3 }, { creditsAvailable: 1e21, extra_ignored: undefined })],
  ['booleans in identifiers', base({}, { identifier: [{ type: 'IdentityObject', identityHash: 'a@b.c', identityType: 'emailAddress', hashed: false, salt: 's' }] })],
  ['nested arrays are flattened', base({}, {}, { tag: [['a', 'b'], ['c', ['d']]] })],
  ['duplicate values merge', base({}, {}, { tag: ['a', 'a', 'b'] })],
  ['a @list container (allowedValue)', base({}, {}, { resultDescription: [{ id: 'urn:uuid:1', type: ['ResultDescription'], name: 'G', resultType: 'LetterGrade', allowedValue: ['D', 'C', 'B', 'A'] }] })],
  ['an empty @list', base({}, {}, { resultDescription: [{ id: 'urn:uuid:2', type: ['ResultDescription'], name: 'G', resultType: 'LetterGrade', allowedValue: [] }] })],
  ['language-tagged value objects', base({ description: { '@value': 'Abzeichen', '@language': 'DE-at' } })],
  ['typed value objects', base({ description: { '@value': '2024-01-01', '@type': 'http://www.w3.org/2001/XMLSchema#date' } })],
  ['dates and datetimes', base({ validUntil: '2030-01-01T00:00:00Z', awardedDate: '2024-01-02T00:00:00Z' }, { activityStartDate: '2024-01-01T00:00:00Z' })],
  ['blank node ids', base({}, { id: '_:subject' }, { creator: { id: '_:creator', type: ['Profile'], name: 'C' } })],
  ['an embedded @context with @vocab', base({ '@context': [...V2, { '@vocab': 'https://example.com/vocab#' }], customThing: 'x', customList: [1, 2] })],
  ['undefined terms under undefined-terms/v2', base({ '@context': [...V2, 'https://www.w3.org/ns/credentials/undefined-terms/v2'], somethingNew: { deeper: true } })],
  ['a VC 1.1 credential', { ...base({ '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json'] }), validFrom: undefined, issuanceDate: '2024-01-01T00:00:00Z' }],
  ['an absolute-IRI property', base({ 'https://example.com/p': 'v' })],
  ['a compact IRI type', base({ type: ['VerifiableCredential', 'OpenBadgeCredential', 'https://example.com/T'] })],
  ['a status entry and a schema', base({ '@context': [...V2, 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'], credentialStatus: { id: 'https://e.com/s#1', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '1', statusListCredential: 'https://e.com/s' }, credentialSchema: [{ id: 'https://e.com/schema.json', type: '1EdTechJsonSchemaValidator2019' }] })],
  ['an embedded proof (@graph container)', base({ proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2024-01-01T00:00:00Z', verificationMethod: 'did:key:z6Mk#z6Mk', proofPurpose: 'assertionMethod', proofValue: 'z1' }] })],
  ['null values are dropped', base({ description: null }, { narrative: null })],
  ['an empty object value', base({}, { source: {} })],
  ['a default @language', base({ '@context': [...V2, { '@language': 'EN-gb', customised: 'https://example.com/c' }], customised: 'colour', name: 'Badge' })],
];

describe('built credentials: fast path, same bytes as jsonld.canonize', () => {
  for (const [name, doc] of fastCases) {
    const clean = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
    // The first case pays for loading jsonld.js and the contexts: generous on a busy machine.
    it(name, { timeout: 30_000 }, async () => {
      expect((await toRdf(clean, set)).path).toBe('fast');
      expect(await canonize(clean, set)).toBe(await referenceCanon(clean));
    });
  }
});

const referenceCases: [string, Record<string, unknown>][] = [
  ['an @json literal (JsonSchema.jsonSchema)', base({ credentialSchema: [{ id: 'https://e.com/s', type: 'JsonSchema', jsonSchema: { $id: 'x', type: 'object', b: [1, 2], a: true } }] })],
  ['a language map', base({ '@context': [...V2, { names: { '@id': 'https://example.com/names', '@container': '@language' } }], names: { en: 'Badge', de: 'Abzeichen' } })],
  ['an explicit @list', base({ '@context': [...V2, { seq: 'https://example.com/seq' }], seq: { '@list': ['a', 'b'] } })],
];

describe('constructs the fast path hands to jsonld.js: same bytes', () => {
  for (const [name, doc] of referenceCases) {
    it(name, async () => {
      expect((await toRdf(doc, set)).path).toBe('reference');
      expect(await canonize(doc, set)).toBe(await referenceCanon(doc));
    });
  }
});

describe('safe mode: never silently dropped', () => {
  const refused: [string, Record<string, unknown>, RegExp][] = [
    ['an undefined term', base({ undefinedTerm: 'x' }), /invalid property/],
    ['an undefined term deep inside', base({}, {}, { nope: { deeper: 1 } }), /invalid property/],
    ['an undefined type', base({ type: ['VerifiableCredential', 'OpenBadgeCredential', 'SomeProofType'] }), /relative @type reference/],
    ['a relative @id', base({ id: 'credentials/1' }), /relative @id reference/],
    ['a protected term redefined', base({ '@context': [...V2, { name: 'https://evil.example/name' }] }), /protected term/],
  ];
  for (const [name, doc, message] of refused) {
    it(`refuses ${name}, as jsonld.canonize does`, async () => {
      await expect(referenceCanon(doc)).rejects.toThrow();
      const e = await canonize(doc, set).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(SafeModeError);
      expect(String((e as Error).message)).toMatch(message);
    });
  }
  it('names an unknown context, and never fetches it', async () => {
    const doc = base({ '@context': [...V2, 'https://contexts.example/unknown/v1'] });
    const e = await canonize(doc, set).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnknownContextError);
    expect((e as UnknownContextError).url).toBe('https://contexts.example/unknown/v1');
    expect((e as Error).message).toContain('https://contexts.example/unknown/v1');
  });
  it('names an unknown context nested in a scoped context', async () => {
    const doc = base({ '@context': [...V2, { thing: { '@id': 'https://e.com/thing', '@context': 'https://contexts.example/nested/v1' } }], thing: { a: 1 } });
    const e = await canonize(doc, set).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnknownContextError);
    expect((e as UnknownContextError).url).toBe('https://contexts.example/nested/v1');
  });
});
