/**
 * A holder may withhold any statement its issuer's mandatory pointers do not cover (VC DI ECDSA §3.4
 * selective disclosure, §3.5 derived proofs): the credential's types, its issuer, its subject, the
 * achievement or the achievement's name. A derived proof that holds over what was disclosed says the
 * badge is not forged; what was withheld is unknown. Lanyard called such a badge malformed (invalid).
 * Now `structure` is indeterminate ("withheld"), so the badge is never valid and never invalid; a
 * credential whose proof fails, or that its issuer signed whole without them, stays malformed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { structureOb3 } from '../../../src/core/formats/ob3-badge.ts';
import { checkSentence } from '../../../src/core/share/check-words.ts';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential } from './support.ts';
import { signDerived } from './sd-derive.ts';
import { generateEcSigner, signEcdsaRdfc, type EcSigner } from './suites-sign.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const run = (vc: unknown) => verify(JSON.stringify(vc), { now: NOW, identities: ['ada@example.org'], fetch: async () => new Response('', { status: 503 }) });
const check = (r: Awaited<ReturnType<typeof run>>, id: string) => r.checks.find((c) => c.id === id);
let issuer: EcSigner;
beforeAll(async () => {
  issuer = await generateEcSigner('P-256');
});

type Vc = Record<string, unknown>;
const subjectOf = (vc: Vc) => vc.credentialSubject as Vc;
const achievementOf = (vc: Vc) => subjectOf(vc).achievement as Vc;
/**
 * Each field withheld from credential(): its name in the message. Not `type` whole: the VC contexts
 * define `issuer`, `credentialSubject` and the rest within the VerifiableCredential type (a type-scoped
 * context, JSON-LD 1.1 §4.1.8), so without it JSON-LD safe mode refuses the document (and the spec's
 * selection always keeps each node's `type`, VC DI ECDSA §3.4.2 createInitialSelection): see the
 * structureOb3 test below.
 */
const WITHHELD: [string, RegExp, (vc: Vc) => Vc][] = [
  ['issuer', /issuer/, ({ issuer: _, ...rest }) => rest],
  ['credentialSubject', /credentialSubject/, ({ credentialSubject: _, ...rest }) => rest],
  ['the achievement', /achievement/, (vc) => {
    const { achievement: _, ...subject } = subjectOf(vc);
    return { ...vc, credentialSubject: subject };
  }],
  ['the achievement\'s name', /achievement\.name/, (vc) => {
    const { name: _, ...achievement } = achievementOf(vc);
    return { ...vc, credentialSubject: { ...subjectOf(vc), achievement } };
  }],
];

describe('a selectively disclosed credential (ecdsa-sd-2023) whose holder withheld a required field', () => {
  it.each(WITHHELD)('%s withheld, the derived proof holding: indeterminate, never malformed', async (_, name, withhold) => {
    const r = await run(await signDerived(withhold(credential(issuer.did)), issuer));
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_STRUCTURE_WITHHELD' });
    expect(check(r, 'structure')?.message).toMatch(name);
    expect(check(r, 'structure')?.message).toMatch(/withheld/);
    expect(r.checks.filter((c) => c.outcome === 'fail')).toEqual([]);
    expect(r.verdict).toBe('indeterminate');
    expect(checkSentence(check(r, 'structure')!)).toBe('checkStructureWithheld');
  });

  it.each(WITHHELD.filter(([what]) => what !== 'the achievement'))('%s withheld, the derived proof altered: invalid, and the structure says what is missing', async (_, name, withhold) => {
    const vc = await signDerived(withhold(credential(issuer.did)), issuer);
    const r = await run({ ...vc, name: 'Altered' });
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('fail');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
    expect(check(r, 'structure')?.message).toMatch(name);
    expect(r.verdict).toBe('invalid');
  });

  it('the achievement withheld, the derived proof altered: invalid; judged whole, a missing achievement is a note (as for any credential)', async () => {
    const vc = await signDerived(WITHHELD[2]![2](credential(issuer.did)), issuer);
    const r = await run({ ...vc, name: 'Altered' });
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('fail');
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(check(r, 'schema')?.message).toMatch(/achievement is missing/);
    expect(r.verdict).toBe('invalid');
  });

  it.each(WITHHELD.filter(([what]) => what !== 'the achievement'))('%s missing from a credential its issuer signed whole (ecdsa-rdfc-2019): malformed', async (_, name, withhold) => {
    const r = await run(await signEcdsaRdfc(withhold(credential(issuer.did)), issuer));
    expect(check(r, 'structure'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
    expect(check(r, 'structure')?.message).toMatch(name);
    expect(r.verdict).toBe('invalid');
  });

  it('a field withheld beside one the issuer signed malformed (an achievement whose name is a number): malformed', async () => {
    const vc = WITHHELD[0]![2](credential(issuer.did, { credentialSubject: { ...subjectOf(credential(issuer.did)), achievement: { ...achievementOf(credential(issuer.did)), name: 42 } } }));
    const r = await run(await signDerived(vc, issuer));
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
    expect(check(r, 'structure')?.message).toMatch(/achievement\.name, issuer/);
    expect(r.verdict).toBe('invalid');
  });

  it('a derived proof beside a whole proof that decides: the issuer signed it without the field, malformed', async () => {
    const noName = WITHHELD[3]![2](credential(issuer.did));
    const whole = await signEcdsaRdfc(noName, issuer);
    const derived = await signDerived(noName, { ...issuer, did: 'did:web:issuer.test', didMethod: 'did:web:issuer.test#key-1' });
    const r = await run({ ...whole, proof: [derived.proof, whole.proof] });
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
    expect(check(r, 'structure')?.message).toMatch(/achievement\.name/);
    expect(r.verdict).toBe('invalid');
  });
});

describe('structureOb3 of a disclosed credential without its types', () => {
  it('is withheld, not malformed (the proof then decides: confirmWithheld)', () => {
    const { type: _, ...vc } = credential('did:example:issuer');
    const checks = new CheckList();
    expect(structureOb3(vc, checks, { disclosed: true })).toBe(false);
    expect(checks.get('structure')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_STRUCTURE_WITHHELD' });
    expect(checks.get('structure')?.message).toMatch(/withheld type \(needed to check whether it is an Open Badge\)/);
    const whole = new CheckList();
    expect(structureOb3(vc, whole)).toBe(false);
    expect(whole.get('structure')).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
  });
});
