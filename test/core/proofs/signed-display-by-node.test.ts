/**
 * What is shown of a node must be what that node signs (signed-display.ts), node by node: not
 * what some node of the same kind signs. Comparing per level (every alignment's shown words against
 * the words all alignments sign) let a credential show one alignment's name with another's URL, one
 * result's value beside another's level, an evidence item's name over another's description, or a
 * result's alignment under another result, each as signed. A blank node's shown fields must be that
 * node's signed fields, and its shown children that node's children. Checked on the canonical form
 * Lanyard reads (unreadInCredential): the JSON shows what the statements sign, mixed.
 */
import { describe, expect, it } from 'vitest';
import { canonize } from '../../../src/core/jsonld/canonize.ts';
import { unreadInCredential, unsignedRecipientIn } from '../../../src/core/proofs/signed-reading.ts';
import { credential } from './support.ts';

type Doc = Record<string, any>;
const align = (name: string, url: string, code: string) => ({ type: ['Alignment'], targetName: name, targetUrl: url, targetCode: code, targetType: 'CFItem' });
const ROBOT = align('Robot Programming', 'https://robotics.example/competencies/robot-programming', 'RP-1');
const KNIT = align('Knitting', 'https://crafts.example/competencies/knitting', 'KN-7');

function signedDoc(): Doc {
  const c = credential('did:example:issuer') as Doc;
  const a = c.credentialSubject.achievement;
  a.alignment = [structuredClone(ROBOT), structuredClone(KNIT)];
  a.resultDescription = [
    { id: 'urn:uuid:8f0c1d2e-0000-4000-8000-000000000001', type: ['ResultDescription'], name: 'Theory', resultType: 'LetterGrade', allowedValue: ['A', 'F'] },
    { id: 'urn:uuid:8f0c1d2e-0000-4000-8000-000000000002', type: ['ResultDescription'], name: 'Practice', resultType: 'LetterGrade', allowedValue: ['A', 'F'] },
  ];
  c.credentialSubject.result = [
    { type: ['Result'], resultDescription: 'urn:uuid:8f0c1d2e-0000-4000-8000-000000000001', value: 'A', alignment: [structuredClone(ROBOT)] },
    { type: ['Result'], resultDescription: 'urn:uuid:8f0c1d2e-0000-4000-8000-000000000002', value: 'F', alignment: [structuredClone(KNIT)] },
  ];
  c.evidence = [
    { type: ['Evidence'], name: 'Portfolio', description: 'Twelve robots built' },
    { type: ['Evidence'], name: 'Interview', description: 'Failed the panel' },
  ];
  c.credentialSubject.identifier = [
    { type: ['IdentityObject'], identityType: 'emailAddress', identityHash: 'sha256$2d7a3c1f', salt: 'pepper' },
    { type: ['IdentityObject'], identityType: 'emailAddress', hashed: true, identityHash: 'sha256$99e0b4a6', salt: 'cumin' },
  ];
  return c;
}

describe('what is shown of a node is what that node signs', () => {
  it('as signed: nothing to say, whatever the order of the lists', async () => {
    const c = signedDoc();
    const canon = await canonize(c);
    expect(unreadInCredential(canon, c)).toBeUndefined();
    const reordered = structuredClone(c);
    reordered.credentialSubject.achievement.alignment.reverse();
    reordered.credentialSubject.result.reverse();
    reordered.evidence.reverse();
    reordered.credentialSubject.identifier.reverse();
    expect(unreadInCredential(canon, reordered)).toBeUndefined();
  });

  it('two alignments alike, and one that says less than another: as signed', async () => {
    const c = credential('did:example:issuer') as Doc;
    c.credentialSubject.achievement.alignment = [structuredClone(ROBOT), structuredClone(ROBOT), { type: ['Alignment'], targetName: 'Robot Programming', targetUrl: ROBOT.targetUrl }];
    const canon = await canonize(c);
    expect(unreadInCredential(canon, c)).toBeUndefined();
    // Showing less of a node than it signs only leaves something out.
    const less = structuredClone(c);
    delete less.credentialSubject.achievement.alignment[0].targetCode;
    expect(unreadInCredential(canon, less)).toBeUndefined();
  });

  it.each([
    ["the achievement's alignments' URLs swapped", (c: Doc) => {
      const [a, b] = c.credentialSubject.achievement.alignment;
      [a.targetUrl, b.targetUrl] = [b.targetUrl, a.targetUrl];
    }, /its achievement's alignments shows a targetUrl/],
    ["one alignment's name with another's code", (c: Doc) => {
      c.credentialSubject.achievement.alignment[0].targetCode = 'KN-7';
    }, /its achievement's alignments shows a targetCode \("KN-7"\)/],
    ["the results' values swapped (A in Practice, F in Theory)", (c: Doc) => {
      const [a, b] = c.credentialSubject.result;
      [a.value, b.value] = [b.value, a.value];
    }, /its results shows a (value|resultDescription)/],
    ["a result's alignment shown under the other result", (c: Doc) => {
      const [a, b] = c.credentialSubject.result;
      [a.alignment, b.alignment] = [b.alignment, a.alignment];
    }, /its results'? (alignments )?shows a/],
    ["the evidence items' descriptions swapped", (c: Doc) => {
      const [a, b] = c.evidence;
      [a.description, b.description] = [b.description, a.description];
    }, /its evidence shows a (name|description)/],
    ["the identifier entries' salts swapped", (c: Doc) => {
      const [a, b] = c.credentialSubject.identifier;
      [a.salt, b.salt] = [b.salt, a.salt];
    }, /its subject's identifiers shows a (identityHash|salt)/],
    // `hashed` decides how the recipient check compares (verify/recipient.ts isHashedIdentity): false makes a hash read as an address.
    ["an identifier entry's hashed flag added", (c: Doc) => {
      c.credentialSubject.identifier[0].hashed = false;
    }, /its subject's identifiers shows a hashed \("false"\)/],
  ])('%s: said', async (_, change, said) => {
    const signed = signedDoc();
    const canon = await canonize(signed);
    const shown = structuredClone(signed);
    change(shown);
    expect(unreadInCredential(canon, shown)).toMatch(said);
  });
});

describe('node by node, among many', () => {
  // Saying which item is not signed looked through the credential's 20,000 evidence links once per item: 74 s.
  it('one evidence item of 20,000 whose name is not signed is named in seconds', async () => {
    const evidence = Array.from({ length: 20_000 }, (_, i) => ({ type: ['Evidence'], name: `Item ${i}` }));
    const signed = credential('did:example:issuer', { evidence }) as Doc;
    const canon = await canonize(signed);
    const shown = structuredClone(signed);
    shown.evidence[19_999].name = 'Forged';
    const t = performance.now();
    expect(unreadInCredential(canon, shown)).toMatch(/its evidence shows a name \("Forged"\)/);
    expect(unreadInCredential(canon, signed)).toBeUndefined();
    expect(performance.now() - t).toBeLessThan(20_000);
  }, 120_000);

  // Under an unsigned display the recipient is read from the signed entries (signed-display.ts unsignedIdentifiers):
  // each entry was looked for among all the subject's links, 20,000 entries 10.6 s, 40,000 about 45 s (entries²).
  it('40,000 signed identifier entries under an unsigned name are each found signed in seconds', async () => {
    const signed = credential('did:example:issuer') as Doc;
    signed.credentialSubject.identifier = Array.from({ length: 40_000 }, (_, i) => ({ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: `p${i}@ex.org` }));
    const canon = await canonize(signed);
    const shown = structuredClone(signed);
    shown.name = 'Forged';
    shown.credentialSubject.identifier[39_999].identityHash = 'someone@else.example';
    const t = performance.now();
    expect(unreadInCredential(canon, shown)).toBeDefined();
    expect(unsignedRecipientIn(canon, shown)).toEqual({ id: false, entries: [39_999] });
    expect(performance.now() - t).toBeLessThan(20_000);
  }, 240_000);
});
