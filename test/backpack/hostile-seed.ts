/**
 * The hostile account (issue 12 point 12): Mallory (`mallory@example.org` / `lanyard-hostile`)
 * holds one OB 2.0 hosted badge per value of test/fixtures/hostile/corpus.ts, with that value in
 * every displayed field: badge name, description, criteria narrative and URL, tags, alignment,
 * issuer name, URL, e-mail, description and image, badge image, assertion narrative and evidence.
 * Values over 100 000 characters go into the badge name and description whole and are cut to
 * 2 000 elsewhere (a list page would otherwise carry hundreds of megabytes).
 * `startBackpack({ hostile: true })` or `npm run backpack -- --hostile` adds it.
 */
import { ob2BadgeClass, ob2Issuer, ob2Record } from './issuance/ob2.ts';
import { keyRing } from './crypto/keys.ts';
import type { BackpackState } from './state.ts';

export const MALLORY = { entityId: 'user-mallory', username: 'mallory@example.org', password: 'lanyard-hostile', firstName: 'Mallory', lastName: 'Hostile' };

export function seedHostile(state: BackpackState, values: readonly string[]): void {
  const { urls } = state;
  const keys = keyRing();
  state.accounts.set(MALLORY.entityId, { ...MALLORY });
  state.emails.push({ id: 900, userId: MALLORY.entityId, email: MALLORY.username, verified: true, primary: true, variants: [] });
  values.forEach((whole, i) => {
    const v = whole.length > 100_000 ? whole.slice(0, 2000) : whole;
    // A value with a scheme (javascript:, data:, vbscript:…, however spelled) goes into every URL field;
    // any other value goes into the text fields only, so that its badge stays well-formed (OB 2.0
    // structure: IRIs where IRIs belong) and reaches the surfaces that show valid badges only (pickers).
    const u = /^[\s\0-\x20]*[a-z][\w+.-]*[\s\0-\x20]*(&#?\w+;)?:/i.test(v) || /^\s*\/\//.test(v) ? v : `${urls.base}/hostile-pages/${i}`;
    const issuerId = `iss-hostile-${i}`;
    const badgeClassId = `bc-hostile-${i}`;
    const issuer = ob2Issuer(urls, { entityId: issuerId, name: v, description: v, email: v, signs: false });
    state.issuers.set(issuerId, { ...issuer, url: u, ...(u === v ? { image: v } : {}) });
    const bc = ob2BadgeClass(urls, { entityId: badgeClassId, issuerId, name: whole, description: whole, criteria: v, tags: [v, 'hostile'] });
    state.badgeClasses.set(badgeClassId, {
      ...bc,
      // Every other badge keeps its hosted image, so the list shows both images and none.
      ...(i % 2 && u === v ? { image: v } : {}),
      criteria: { id: u, narrative: v },
      alignment: [{ targetName: v, targetUrl: u, targetDescription: v, targetFramework: v, targetCode: v }],
    });
    const issuedOn = new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString();
    const r = ob2Record(urls, { entityId: `hostile-${i}`, badgeClassId, issuerId, email: MALLORY.username, issuedOn, narrative: v, evidence: [{ url: u, narrative: v }] }, keys, issuedOn);
    state.badges.set(r.entityId, r);
  });
}
