/**
 * Who and what the test backpack starts with. Ada (`ada@example.org` / `lanyard-demo`) has a
 * primary address, a second verified one and an unverified one, with badges issued to each: hashed
 * with salts, hashed without, unhashed, one revoked, one expired, one pending, and OB 3.0
 * credentials (VC-JWT EdDSA and ES256, Data Integrity with a status list entry, one revoked through
 * the status list, one expired). Grace (`grace@example.org` / `lanyard-demo-2`) is the second account.
 */
import type { AssertionSpec, BadgeClassSpec, IssuerSpec } from './issuance/ob2.ts';
import type { CredentialSpec } from './issuance/ob3.ts';

export const ADA = { entityId: 'user-ada', username: 'ada@example.org', password: 'lanyard-demo', firstName: 'Ada', lastName: 'Lovelace' };
export const GRACE = { entityId: 'user-grace', username: 'grace@example.org', password: 'lanyard-demo-2', firstName: 'Grace', lastName: 'Hopper' };

export const EMAILS = [
  { id: 1, userId: ADA.entityId, email: 'ada@example.org', verified: true, primary: true },
  { id: 2, userId: ADA.entityId, email: 'ada.lovelace@school.example', verified: true, primary: false },
  { id: 3, userId: ADA.entityId, email: 'ada@old-job.example', verified: false, primary: false },
  { id: 4, userId: GRACE.entityId, email: 'grace@example.org', verified: true, primary: true },
];

export const ISSUERS: IssuerSpec[] = [
  { entityId: 'iss-analytical', name: 'Analytical Society', description: 'Signs its badges (OB 2.0 SignedBadge, RS256).', email: 'badges@analytical.example', signs: true },
  { entityId: 'iss-engine-guild', name: 'Difference Engine Guild', description: 'Hosts its badges (OB 2.0 HostedBadge).', email: 'guild@engine.example', signs: false },
];

const bc = (entityId: string, issuerId: string, name: string, description: string): BadgeClassSpec => ({
  entityId,
  issuerId,
  name,
  description,
  criteria: `Earn "${name}" by completing its assessment.`,
  tags: ['lanyard-test'],
});

export const BADGE_CLASSES: BadgeClassSpec[] = [
  bc('bc-programmer', 'iss-analytical', 'Analytical Engine Programmer', 'Wrote a program for the Analytical Engine.'),
  bc('bc-notes', 'iss-analytical', 'Notes on the Engine', 'Annotated the memoir on the Analytical Engine.'),
  bc('bc-bernoulli', 'iss-analytical', 'Bernoulli Numbers', 'Computed Bernoulli numbers step by step.'),
  bc('bc-compiler', 'iss-analytical', 'Compiler Pioneer', 'Built a working compiler.'),
  bc('bc-poetical', 'iss-engine-guild', 'Poetical Science', 'Combined imagination and analysis.'),
  bc('bc-first-aid', 'iss-engine-guild', 'Workshop First Aid 2023', 'Valid for one year.'),
  bc('bc-retired', 'iss-engine-guild', 'Retired Course', 'A course that was withdrawn.'),
];

export interface SeedOb2 extends AssertionSpec {
  revoked?: string;
}

export const OB2_BADGES: SeedOb2[] = [
  { entityId: 'ada-programmer', badgeClassId: 'bc-programmer', issuerId: 'iss-analytical', email: 'ada@example.org', salt: 'pepper-1', issuedOn: '2026-03-02T10:00:00Z', narrative: 'Programmed the engine.', evidence: [{ url: 'https://example.org/evidence/ada-program', narrative: 'The program listing.' }] },
  { entityId: 'ada-poetical', badgeClassId: 'bc-poetical', issuerId: 'iss-engine-guild', email: 'ada.lovelace@school.example', issuedOn: '2026-04-10T09:30:00Z' },
  { entityId: 'ada-notes-signed', badgeClassId: 'bc-notes', issuerId: 'iss-analytical', email: 'ada@example.org', salt: 'pepper-3', issuedOn: '2026-05-01T12:00:00Z', signed: true },
  { entityId: 'ada-bernoulli-pending', badgeClassId: 'bc-bernoulli', issuerId: 'iss-analytical', email: 'ada@old-job.example', salt: 'pepper-4', issuedOn: '2025-11-20T08:00:00Z' },
  { entityId: 'ada-retired-revoked', badgeClassId: 'bc-retired', issuerId: 'iss-engine-guild', email: 'ada@example.org', salt: '', issuedOn: '2025-09-01T08:00:00Z', revoked: 'Issued in error' },
  { entityId: 'ada-first-aid-expired', badgeClassId: 'bc-first-aid', issuerId: 'iss-engine-guild', email: 'ada.lovelace@school.example', salt: 'pepper-6', issuedOn: '2023-01-15T08:00:00Z', expires: '2024-01-15T08:00:00Z' },
  { entityId: 'ada-bernoulli-signed-revoked', badgeClassId: 'bc-bernoulli', issuerId: 'iss-analytical', email: 'ada@example.org', salt: 'pepper-7', issuedOn: '2025-10-05T08:00:00Z', signed: true, revoked: 'Superseded by a newer badge' },
  { entityId: 'grace-compiler', badgeClassId: 'bc-compiler', issuerId: 'iss-analytical', email: 'grace@example.org', salt: 'pepper-g', issuedOn: '2026-01-20T08:00:00Z' },
];

export interface SeedOb3 extends CredentialSpec {
  proof: 'jwt-eddsa' | 'jwt-es256' | 'data-integrity';
  revoked?: string;
}

const ob3 = (s: Omit<SeedOb3, 'criteria' | 'issuer'>): SeedOb3 => ({ ...s, criteria: `Complete "${s.name}".`, issuer: 1 });

/** Bit 5 of status list 1 is set: `ob3-ada-jwt-revoked` is revoked; `ob3-ada-di` (bit 3) is not. */
export const STATUS_LIST_SET_BITS = [5];

export const OB3_BADGES: SeedOb3[] = [
  ob3({ entityId: 'ob3-ada-jwt-eddsa', achievementId: 'ach-difference', name: 'Difference Engine Design', description: 'Designed a difference engine.', email: 'ada@example.org', salt: 'salt-31', validFrom: '2026-06-01T10:00:00Z', proof: 'jwt-eddsa' }),
  ob3({ entityId: 'ob3-ada-jwt-es256', achievementId: 'ach-punch-cards', name: 'Punch Card Programming', description: 'Programmed with punched cards.', email: 'ada.lovelace@school.example', validFrom: '2026-06-15T10:00:00Z', proof: 'jwt-es256' }),
  ob3({ entityId: 'ob3-ada-di', achievementId: 'ach-poetical-science', name: 'Poetical Science (OB 3.0)', description: 'Imagination in analysis, as a Data Integrity credential.', email: 'ada@example.org', salt: 'salt-33', validFrom: '2026-07-01T10:00:00Z', statusIndex: 3, proof: 'data-integrity' }),
  ob3({ entityId: 'ob3-ada-jwt-revoked', achievementId: 'ach-withdrawn', name: 'Withdrawn Certificate', description: 'Revoked through the status list.', email: 'ada@example.org', salt: 'salt-34', validFrom: '2026-02-01T10:00:00Z', statusIndex: 5, proof: 'jwt-eddsa', revoked: 'Revoked through the status list' }),
  ob3({ entityId: 'ob3-ada-jwt-expired', achievementId: 'ach-annual-2025', name: 'Annual Certification 2025', description: 'Valid through 2025.', email: 'ada@example.org', salt: 'salt-35', validFrom: '2025-01-01T00:00:00Z', validUntil: '2025-12-31T23:59:59Z', proof: 'jwt-eddsa' }),
  ob3({ entityId: 'ob3-grace-jwt', achievementId: 'ach-cobol', name: 'COBOL Design', description: 'Shaped a business language.', email: 'grace@example.org', salt: 'salt-g3', validFrom: '2026-02-20T10:00:00Z', proof: 'jwt-es256' }),
];

/** When the server's own documents (status list, issuer) say they were made. */
export const SEED_CREATED = '2026-01-01T00:00:00Z';
