/**
 * Fills the state from seed-data.ts, signing everything against the base URL the server got:
 * OB 2.0 signed assertions (RS256), OB 3.0 VC-JWTs (EdDSA, ES256) and Data Integrity credentials
 * (eddsa-rdfc-2022), and the status list. `extra` generated badges are OB 2.0 hosted (no per-badge
 * crypto) plus one EdDSA VC-JWT each for the OB 3.0 API: a thousand take well under a second.
 * With `mix`, the `extra` badges are instead ONE each, in turn OB 2.0 hosted, OB 2.0 signed (RS256),
 * OB 3.0 VC-JWT (EdDSA) and OB 3.0 Data Integrity (eddsa-rdfc-2022): `extra` badges in all, for
 * load tests of a first sync over both APIs (bench/sync.ts).
 */
import { documentLoader, signDataIntegrity } from './crypto/data-integrity.ts';
import { keyRing } from './crypto/keys.ts';
import { ob2BadgeClass, ob2Issuer, ob2Record } from './issuance/ob2.ts';
import { ob3Credential, ob3IssuerProfile, ob3Record, signOb3Jwt, statusListCredential, type CredentialSpec } from './issuance/ob3.ts';
import { ADA, BADGE_CLASSES, EMAILS, GRACE, ISSUERS, OB2_BADGES, OB3_BADGES, SEED_CREATED, STATUS_LIST_SET_BITS } from './seed-data.ts';
import type { BackpackState } from './state.ts';

export async function seed(state: BackpackState, extra: number, mix = false): Promise<void> {
  const { urls } = state;
  const keys = keyRing();
  for (const a of [ADA, GRACE]) state.accounts.set(a.entityId, { ...a });
  for (const e of EMAILS) state.emails.push({ ...e, variants: [] });
  for (const i of ISSUERS) state.issuers.set(i.entityId, ob2Issuer(urls, i));
  for (const c of BADGE_CLASSES) state.badgeClasses.set(c.entityId, ob2BadgeClass(urls, c));
  for (const s of OB2_BADGES) {
    const r = ob2Record(urls, s, keys, s.issuedOn);
    if (s.revoked) Object.assign(r, { revoked: true, revocationReason: s.revoked });
    state.badges.set(r.entityId, r);
  }

  state.documents.set(urls.ob3Issuer(1), ob3IssuerProfile(urls, 1, keys));
  const loader = await documentLoader((url) => state.documents.get(url));
  const status = statusListCredential(urls, 1, STATUS_LIST_SET_BITS, SEED_CREATED);
  state.documents.set(urls.statusList(1), await signDataIntegrity(status, keys, urls.ob3Issuer(1), SEED_CREATED, loader));
  for (const s of OB3_BADGES) {
    const json = ob3Credential(urls, s);
    let r;
    if (s.proof === 'data-integrity') {
      r = ob3Record(s, await signDataIntegrity(json, keys, urls.ob3Issuer(1), s.validFrom, loader), 'ob3-di', s.validFrom);
    } else {
      const [key, kid] = s.proof === 'jwt-eddsa' ? [keys.jwtEd, urls.ob3JwtKey(1, 'eddsa')] : [keys.jwtP256, urls.ob3JwtKey(1, 'es256')];
      r = ob3Record(s, json, 'ob3-jwt', s.validFrom, signOb3Jwt(json, key, kid));
    }
    if (s.revoked) Object.assign(r, { revoked: true, revocationReason: s.revoked });
    state.badges.set(r.entityId, r);
  }
  state.collections.set('col-favourites', {
    entityId: 'col-favourites',
    ownerId: ADA.entityId,
    name: 'Favourites',
    description: 'The badges Ada shows first.',
    published: true,
    shareHash: 'favourites-share',
    assertions: ['ada-programmer', 'ada-poetical'],
    createdAt: SEED_CREATED,
  });
  if (mix) await generateMix(state, extra, loader);
  else generate(state, extra);
}

/** `n` extra badges for Ada, one minute apart from 2025-01-01, the four kinds in turn (see above). */
async function generateMix(state: BackpackState, n: number, loader: Awaited<ReturnType<typeof documentLoader>>): Promise<void> {
  const { urls } = state;
  const keys = keyRing();
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const when = new Date(start + i * 60_000).toISOString().replace('.000Z', 'Z');
    const name = `Practice Badge ${i + 1}`;
    const kind = i % 4;
    if (kind < 2) {
      const bcId = `bc-gen-${i + 1}`;
      const issuerId = kind === 0 ? 'iss-engine-guild' : 'iss-analytical';
      state.badgeClasses.set(bcId, ob2BadgeClass(urls, { entityId: bcId, issuerId, name, description: `Generated badge number ${i + 1}.`, criteria: 'Generated for load tests.' }));
      const r = ob2Record(urls, { entityId: `gen-${i + 1}`, badgeClassId: bcId, issuerId, email: ADA.username, salt: `gen-salt-${i + 1}`, issuedOn: when, signed: kind === 1 }, keys, when);
      state.badges.set(r.entityId, r);
      continue;
    }
    const spec: CredentialSpec = { entityId: `ob3-gen-${i + 1}`, achievementId: `ach-gen-${i + 1}`, name, description: `Generated credential number ${i + 1}.`, criteria: 'Generated for load tests.', email: ADA.username, salt: `gen3-salt-${i + 1}`, validFrom: when, issuer: 1 };
    const json = ob3Credential(urls, spec);
    const r = kind === 2
      ? ob3Record(spec, json, 'ob3-jwt', when, signOb3Jwt(json, keys.jwtEd, urls.ob3JwtKey(1, 'eddsa')))
      : ob3Record(spec, await signDataIntegrity(json, keys, urls.ob3Issuer(1), when, loader), 'ob3-di', when);
    state.badges.set(spec.entityId, r);
  }
}

/** `n` extra badges for Ada, one minute apart from 2025-01-01, each as OB 2.0 hosted and as an OB 3.0 VC-JWT. */
function generate(state: BackpackState, n: number): void {
  const { urls } = state;
  const keys = keyRing();
  const start = Date.parse('2025-01-01T00:00:00Z');
  for (let i = 0; i < n; i++) {
    const when = new Date(start + i * 60_000).toISOString().replace('.000Z', 'Z');
    const name = `Practice Badge ${i + 1}`;
    const bcId = `bc-gen-${i + 1}`;
    state.badgeClasses.set(bcId, ob2BadgeClass(urls, { entityId: bcId, issuerId: 'iss-engine-guild', name, description: `Generated badge number ${i + 1}.`, criteria: 'Generated for load tests.' }));
    const r = ob2Record(urls, { entityId: `gen-${i + 1}`, badgeClassId: bcId, issuerId: 'iss-engine-guild', email: ADA.username, salt: `gen-salt-${i + 1}`, issuedOn: when }, keys, when);
    state.badges.set(r.entityId, r);
    const spec: CredentialSpec = { entityId: `ob3-gen-${i + 1}`, achievementId: `ach-gen-${i + 1}`, name, description: `Generated credential number ${i + 1}.`, criteria: 'Generated for load tests.', email: ADA.username, salt: `gen3-salt-${i + 1}`, validFrom: when, issuer: 1 };
    const json = ob3Credential(urls, spec);
    state.badges.set(spec.entityId, ob3Record(spec, json, 'ob3-jwt', when, signOb3Jwt(json, keys.jwtEd, urls.ob3JwtKey(1, 'eddsa'))));
  }
}
