/**
 * The node-by-node display check (src/core/proofs/signed-tree.ts) is strict: each JSON object shown must be one
 * node its parent's node links to. These are legal shapes a genuine OB 3.0 credential may take (review40), each
 * signed as written under each bundled OB 3.0 context: evidence as IRI strings beside objects, the same node shown
 * twice (two objects of one id, a string and an object), images as strings, objects and data: URLs, arrays of one,
 * language value objects, a criteria that is only its id, `@id` for `id`, the hashed flag as a boolean or a string,
 * tags, credits, a node linked from two places, a blank subject, two subjects sharing an achievement. Each must
 * read as signed (unreadInCredential says nothing): a genuine badge is never called indeterminate for its shape.
 */
import { describe, expect, it } from 'vitest';
import { canonize } from '../../../src/core/jsonld/canonize.ts';
import { unreadInCredential } from '../../../src/core/proofs/signed-reading.ts';
import { credential } from '../proofs/support.ts';

type Doc = Record<string, any>;
const ACHIEVEMENT = 'https://example.com/achievements/1';
const SHAPES: [string, (c: Doc) => void][] = [
  ['evidence as IRI strings beside objects, with and without ids', (c) => void (c.evidence = ['https://ev.example/1', { id: 'https://ev.example/2', name: 'Two' }, { name: 'Three' }])],
  ['one evidence node shown as two objects', (c) => void (c.evidence = [{ id: 'https://ev.example/1', name: 'One' }, { id: 'https://ev.example/1', description: 'Desc' }])],
  ['one evidence node shown as a string and an object', (c) => void (c.evidence = ['https://ev.example/1', { id: 'https://ev.example/1', name: 'One' }])],
  ['an evidence item that is only its id', (c) => void (c.evidence = [{ id: 'https://ev.example/9', type: 'Evidence' }])],
  ['images as an object, a string and a data: URL', (c) => {
    c.credentialSubject.achievement.image = { id: 'data:image/png;base64,iVBORw0KGgo=', type: 'Image', caption: 'x' };
    c.issuer.image = 'https://img.example/i.png';
    c.image = { id: 'https://img.example/c.png', type: 'Image' };
  }],
  ['an issuer name as an array of one', (c) => void (c.issuer.name = ['Example Issuer'])],
  ['a name in two languages', (c) => void (c.name = [{ '@value': 'Teamwork', '@language': 'en' }, { '@value': 'Travail', '@language': 'fr' }])],
  ['a criteria that is only its id, and one with a narrative', (c) => void (c.credentialSubject.achievement.criteria = { id: 'https://example.com/crit', narrative: 'Do it' })],
  ['an achievement named by @id', (c) => {
    const a = c.credentialSubject.achievement;
    a['@id'] = a.id;
    delete a.id;
  }],
  ['hashed as a boolean and as a string', (c) => void (c.credentialSubject.identifier = [
    { type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: 'a@b.example' },
    { type: 'IdentityObject', identityType: 'emailAddress', hashed: 'false', identityHash: 'c@d.example' },
  ])],
  ['tags, one given twice', (c) => void (c.credentialSubject.achievement.tag = ['a', 'b', 'a'])],
  ['credits', (c) => ((c.credentialSubject.creditsEarned = 3), (c.credentialSubject.achievement.creditsAvailable = 4.5))],
  ['the issuer also the achievement\'s creator', (c) => void (c.credentialSubject.achievement.creator = structuredClone(c.issuer))],
  ['an alignment with an id', (c) => void (c.credentialSubject.achievement.alignment = [{ id: 'https://al.example/1', type: 'Alignment', targetName: 'X', targetUrl: 'https://al.example/1', targetType: 'CFItem' }])],
  ['an address and other identifiers', (c) => {
    c.issuer.address = { type: ['Address'], addressLocality: 'Paris', addressCountry: 'FR' };
    c.issuer.otherIdentifier = [{ type: 'IdentifierEntry', identifier: '123', identifierType: 'sourcedId' }];
  }],
  ['a result naming its description and level by id', (c) => {
    c.credentialSubject.achievement.resultDescription = [{ id: 'urn:uuid:1', type: 'ResultDescription', name: 'Grade', resultType: 'LetterGrade', rubricCriterionLevel: [{ id: 'urn:uuid:l1', type: 'RubricCriterionLevel', name: 'Good', points: '5' }] }];
    c.credentialSubject.result = [{ type: 'Result', resultDescription: 'urn:uuid:1', achievedLevel: 'urn:uuid:l1', value: 'A' }];
  }],
  ['a subject without id', (c) => void delete c.credentialSubject.id],
  ['two subjects sharing an achievement, each with its own criteria', (c) => void (c.credentialSubject = [c.credentialSubject, { id: 'did:example:b', type: 'AchievementSubject', achievement: { id: ACHIEVEMENT, type: 'Achievement', name: 'Teamwork', criteria: { narrative: 'Other' } } }])],
];
const CONTEXTS: [string, string, string][] = [
  ['3.0.3', 'https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  ['3.0.2', 'https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json'],
  ['3.0.1', 'https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json'],
  ['3.0.0', 'https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context.json'],
];

describe('legal shapes of a genuine credential read as signed, node by node', () => {
  for (const [version, vc, ob] of CONTEXTS) {
    for (const [name, shape] of SHAPES) {
      it(`${version}: ${name}`, async () => {
        const c = credential('did:example:issuer') as Doc;
        c['@context'] = [vc, ob];
        if (vc.includes('2018')) (c.issuanceDate = c.validFrom), delete c.validFrom;
        shape(c);
        expect(unreadInCredential(await canonize(c), c)).toBeUndefined();
      });
    }
  }
});
