/**
 * A seventh round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): what Lanyard says of each, and why that is the right verdict. Nothing is
 * fetched: only the documents a test maps answer, and only documents copied from the same sources.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { main } from '../../src/cli/main.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const offline = offlineFetch();
const NOW = new Date('2026-12-01T00:00:00Z');
const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(REAL, file), 'utf8')) as Record<string, unknown>;

/**
 * LearnCard (Learning Economy Foundation): OB 3.0 credentials its wallet issued with
 * Ed25519Signature2020 (VC 1.1, the unversioned OB 3.0 `context.json`, the suite context inside the
 * proof). "The Oprah" (2022-12-15) and a test account's self-issued badge (2023-02-17) are signed by
 * did:key issuers: valid. Its "all fields" display fixture carries The Oprah's proof over other
 * content, with an `attachments` member no context defines: what was signed cannot be that, so invalid.
 * A Boost by a LearnCard Network user's did:web (its own type-scoped context for `display`,
 * `attachments` and `image`) cannot be checked without that user's DID document, and it expired on
 * 2023-02-28 (VC 1.1 expirationDate).
 */
describe('LearnCard: Ed25519Signature2020 badges by did:key issuers, a copied proof, a did:web Boost', () => {
  const LC = 'learncard';

  it.each([
    ['react-learn-card_SuperSkillsOprahCredential.json', 'The Oprah', 'did:key:z6MksNj6FwQ7t7ejgJVXCNyaX655uHJ8mPJ8xLtxrqQDV2Bo', 'did:key:z6Mkqk4j3VnaRf4XHEoU6eT343VTfdfZG23CK6zaf5g5KKju'],
    ['learn-card-app_testAchievementCredential.json', 'test', 'did:key:z6Mku1yR3226QyTfM7HBJeAc986TcnUms6CUSsYuoPb48Uyw', 'did:key:z6Mku1yR3226QyTfM7HBJeAc986TcnUms6CUSsYuoPb48Uyw'],
  ])('%s is valid: its proof holds with its issuer\'s did:key', async (file, name, issuer, subject) => {
    const r = await verify(bytes(`${LC}/${file}`), { fetch: offline, now: NOW, identities: [subject] });
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('valid');
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass', recipient: 'pass' });
    expect(check(r, 'signature')?.message).toContain(`Ed25519Signature2020 proof verifies with the method ${issuer}#`);
    expect(r.badge?.name).toBe(name);
  });

  it('The Oprah, renamed after signing, is altered: invalid at the signature', async () => {
    const doc = json(`${LC}/react-learn-card_SuperSkillsOprahCredential.json`);
    const forged = { ...doc, name: 'The Nobel' };
    const r = await verify(JSON.stringify(forged), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  /**
   * LearnCard's later fixtures add `skills` to signed credentials. No context defines it, so a JSON-LD
   * processor outside safe mode drops it and the proof would still hold over what is left. Lanyard
   * canonicalizes in safe mode, as Digital Bazaar's libraries do (src/core/jsonld/errors.ts), so an
   * unsigned member cannot ride along with a valid verdict.
   */
  it.each([
    ['skills', [{ category: 'digital', skill: 'softwareProficiency' }]],
    ['@nobel', 'Nobel Prize in Physics'],
  ])('The Oprah with an undefined member %s added after signing is not valid', async (key, value) => {
    const forged = { ...json(`${LC}/react-learn-card_SuperSkillsOprahCredential.json`), [key]: value };
    const r = await verify(JSON.stringify(forged), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(check(r, 'signature')?.message).toContain(`"${key}" is defined by none of its JSON-LD contexts`);
  });

  /** The fixture reuses The Oprah's proofValue over a different credential: not what was signed. */
  it('the "all fields" credential, carrying another credential\'s proof, is invalid at the signature', async () => {
    const r = await verify(bytes(`${LC}/react-learn-card_AllFieldsCredential.json`), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(check(r, 'signature')?.message).toContain('"attachments"');
    expect(fails(r).map((c) => c.id)).toEqual(['signature']);
  });

  it('the Boost, before it expired, is unsettled without its issuer\'s DID document, not invalid', async () => {
    const r = await verify(bytes(`${LC}/react-learn-card_BoostCredential.json`), { fetch: offline, now: new Date('2023-02-20T00:00:00Z'), identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.NO_KEY });
    expect(check(r, 'signature')?.message).toContain('https://network.learncard.com/users/donny/did.json');
    expect(check(r, 'validity')?.outcome).toBe('pass');
    expect(r.badge?.name).toBe('test achievement vc');
  });

  it('the Boost is invalid once its expirationDate has passed, for that alone', async () => {
    const r = await verify(bytes(`${LC}/react-learn-card_BoostCredential.json`), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(fails(r).map((c) => c.id)).toEqual(['validity']);
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
    expect(check(r, 'validity')?.message).toContain('2023-02-28');
  });

  /** The command line reads the same files, a directory at a time, and says the same. */
  it('the CLI reads the directory and gives each file the verdict the engine gives', async () => {
    let stdout = '';
    const io = { out: (t: string) => void (stdout += t), err: () => undefined, stdin: (async function* () {})() };
    const code = await main(['--offline', '--json', '--now', '2026-12-01T00:00:00Z', path.join(REAL, LC)], io);
    const verdicts = stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { source: string; verdict: string }).map((r) => [path.basename(r.source), r.verdict]);
    expect(verdicts).toEqual([
      ['learn-card-app_testAchievementCredential.json', 'valid'],
      ['react-learn-card_AllFieldsCredential.json', 'invalid'],
      ['react-learn-card_BoostCredential.json', 'invalid'],
      ['react-learn-card_SuperSkillsOprahCredential.json', 'valid'],
    ]);
    expect(code).toBe(1);
  });
});
