/**
 * A sound Verifiable Credential of another kind (Europass EDC, an Entra "OpenBadgeV2"-typed card) is
 * no Open Badge (OB 3.0 §B.1: OpenBadgeCredential or AchievementCredential), but nothing in it is
 * forged: it was `invalid` for its structure. Now `indeterminate` (ERR_NOT_OPEN_BADGE) when its proof
 * holds, still `invalid` when its proof does not, and a malformed one is still `invalid`.
 */
import { describe, expect, it } from 'vitest';
import { checkSentence } from '../../../src/core/share/check-words.ts';
import { generateSigner, signCredential } from '../../../src/core/proofs/sign.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, NOW } from '../keys/jwt-fixtures.ts';

const offline = async (): Promise<Response> => new Response('', { status: 404 });
/** The credential with `type` defined by an inline context, as a real issuer's own context defines it (safe mode refuses undefined types). */
const other = (issuer: string, type: string, overrides: Record<string, unknown> = {}) => {
  const c = credential(issuer, { type: ['VerifiableCredential', type], ...overrides });
  return { ...c, '@context': [...(c['@context'] as unknown[]), { [type]: `https://issuer.example/vocab#${type}` }] };
};
const run = (vc: unknown) => verify(JSON.stringify(vc), { fetch: offline, now: NOW, identities: [] });

describe('a Verifiable Credential that is not an Open Badge', () => {
  for (const type of ['EuropassCredential', 'OpenBadgeV2', 'VerifiedEmployee']) {
    it(`typed ${type}, signed by its issuer: indeterminate (not a badge), never valid, never invalid`, async () => {
      const signer = await generateSigner();
      const r = await run(await signCredential(other(signer.did, type), signer));
      expect(r.verdict).toBe('indeterminate');
      const structure = r.checks.find((c) => c.id === 'structure')!;
      expect(structure).toMatchObject({ outcome: 'indeterminate', code: 'ERR_NOT_OPEN_BADGE' });
      expect(structure.message).toContain(type);
      expect(r.checks.find((c) => c.id === 'signature')?.outcome).toBe('pass');
      expect(checkSentence(structure)).toBe('checkStructureNotBadge');
      // The checks that do not run say why: not an Open Badge, not "malformed" (real38).
      expect(r.checks.find((c) => c.id === 'validity')?.message).toMatch(/^Not an Open Badge/);
    });
  }

  it('altered after signing: invalid (its proof still checked)', async () => {
    const signer = await generateSigner();
    const vc = await signCredential(other(signer.did, 'EuropassCredential'), signer);
    const r = await run({ ...vc, validFrom: '2020-01-01T00:00:00Z' });
    expect(r.verdict).toBe('invalid');
    expect(r.checks.find((c) => c.id === 'signature')?.outcome).toBe('fail');
  });

  it('not an Open Badge and malformed besides (no issuer): invalid for its structure', async () => {
    const r = await run(other('https://issuer.test/i', 'EuropassCredential', { issuer: undefined }));
    expect(r.checks.find((c) => c.id === 'structure')).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
    expect(r.verdict).toBe('invalid');
  });
});
