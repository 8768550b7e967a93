/**
 * An alignment's words (OB 3.0 §Alignment `targetName`, `targetDescription`, `targetFramework`,
 * `targetCode`, `targetUrl`), the achievement's and its results', are shown on the badge page's
 * skills panel (formats/ob3-to-badge.ts alignmentsOf), the URL as a link. Like every other text shown
 * of a signed credential, each must be signed as that member of that node (signed-display.ts): a
 * context that does not protect its terms lets an embedded context move a value to another member
 * (or to `@index`, no statement at all) while the proof holds. Checked here on the canonical form
 * Lanyard reads (unreadInCredential): the JSON shows what the statements do not sign as that member.
 */
import { describe, expect, it } from 'vitest';
import { canonize } from '../../../src/core/jsonld/canonize.ts';
import { unreadInCredential } from '../../../src/core/proofs/signed-reading.ts';
import { credential } from './support.ts';

type Doc = Record<string, any>;
const ALIGN = { type: ['Alignment'], targetName: 'Robot Programming', targetUrl: 'https://robotics.example/competencies/robot-programming', targetDescription: 'Software for robots', targetFramework: 'Example Robotics Framework', targetCode: 'RP-1', targetType: 'CFItem' };

function aligned(): Doc {
  const c = credential('did:example:issuer') as Doc;
  c.credentialSubject.achievement.alignment = [structuredClone(ALIGN)];
  c.credentialSubject.result = [{ type: ['Result'], alignment: [{ ...structuredClone(ALIGN), targetName: 'Linear equations', targetUrl: 'https://credentialfinder.org/competency/ce-6369' }] }];
  return c;
}

describe("an alignment's words are shown only as signed", () => {
  it('as signed: nothing to say', async () => {
    const c = aligned();
    expect(unreadInCredential(await canonize(c), c)).toBeUndefined();
  });

  it.each([
    ["the achievement's alignment's name", (c: Doc) => { c.credentialSubject.achievement.alignment[0].targetName = 'Brain Surgery'; }, 'targetName'],
    ["the achievement's alignment's URL", (c: Doc) => { c.credentialSubject.achievement.alignment[0].targetUrl = 'https://evil.example/'; }, 'targetUrl'],
    ["the achievement's alignment's framework", (c: Doc) => { c.credentialSubject.achievement.alignment[0].targetFramework = 'Harvard'; }, 'targetFramework'],
    ["a result's alignment's name", (c: Doc) => { c.credentialSubject.result[0].alignment[0].targetName = 'Calculus'; }, 'targetName'],
    ["a result's alignment's code", (c: Doc) => { c.credentialSubject.result[0].alignment[0].targetCode = 'X-9'; }, 'targetCode'],
  ])('%s shown but not signed so: said', async (_, change, member) => {
    const signed = aligned();
    const canon = await canonize(signed);
    const shown = structuredClone(signed);
    change(shown);
    expect(unreadInCredential(canon, shown)).toMatch(new RegExp(`that it does not sign as its ${member}`));
  });
});
