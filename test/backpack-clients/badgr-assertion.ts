/** A Badgr v2 backpack Assertion as api.badgr.io lists it (Badgr API v2 `/v2/backpack/assertions`), for the paging tests. */
export const BADGR_BASE = 'https://api.badgr.example';

/** The listed assertion `id`; `pad`, when given, as its narrative (a page made large). */
export const badgrAssertion = (id: string, pad = '') => ({
  entityId: id,
  entityType: 'Assertion',
  openBadgeId: `${BADGR_BASE}/public/assertions/${id}`,
  badgeclass: `${BADGR_BASE}/public/badges/bc`,
  image: `${BADGR_BASE}/public/assertions/${id}/image`,
  recipient: { type: 'email', identity: 'ada@example.org', hashed: false },
  issuedOn: '2026-01-01T00:00:00Z',
  acceptance: 'Accepted',
  revoked: false,
  ...(pad ? { narrative: pad } : {}),
});
