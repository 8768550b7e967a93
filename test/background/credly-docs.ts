/** A synthetic hosted assertion at Credly's OBI path (the shape OB 2.0 defines; not Credly's data), for the hover and import tests of Credly's badge pages. */
export const ID = '0b1e0f5c-1234-4abc-9def-0123456789ab';
export const API = 'https://api.credly.com/v1/obi/v2';
export const ASSERTION = `${API}/badge_assertions/${ID}`;
const CTX = 'https://w3id.org/openbadges/v2';
export const DOCS: Record<string, object> = {
  [ASSERTION]: { '@context': CTX, type: 'Assertion', id: ASSERTION, recipient: { type: 'email', hashed: false, identity: 'ada@example.org' }, badge: `${API}/badge_classes/c1`, verification: { type: 'hosted' }, issuedOn: '2026-01-01T00:00:00Z' },
  [`${API}/badge_classes/c1`]: { '@context': CTX, type: 'BadgeClass', id: `${API}/badge_classes/c1`, name: 'Cloud Basics', issuer: `${API}/issuers/i1`, criteria: { narrative: 'x' }, image: `${API}/i.png` },
  [`${API}/issuers/i1`]: { '@context': CTX, type: 'Issuer', id: `${API}/issuers/i1`, name: 'Example Academy', url: 'https://academy.example', email: 'badges@academy.example' },
};
