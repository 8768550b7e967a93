/**
 * Two copies of one award name its achievement (the OB 2.0 BadgeClass, read from `badge` as written:
 * core toBadgeOb2) in two spellings of one address: a baked image made before its issuer moved to
 * https ("http://issuer.example/badges/1") read from its own words when the issuer's copy did not
 * answer, and the backpack's copy confirmed ("https://issuer.example/badges/1"); or a urn:uuid
 * Achievement id in capitals (RFC 9562 §4: case-insensitive). Compared as written, they were two
 * achievements: the backpack's copy never stood for the user's (both listed), and a twin hidden behind
 * it was put back. They are compared in one form (core/formats/id-form.ts idForm), as revocation ids
 * are; two paths, or two UUIDs, stay two achievements.
 */
import { describe, expect, it } from 'vitest';
import { standsFor, type Judged } from '../../src/background/services/synced-twin.ts';

const copy = (achievementId: string): Judged => ({
  verdict: 'valid',
  checks: [{ id: 'hosted', outcome: 'pass', message: 'confirmed' }] as Judged['checks'],
  meta: { issuerId: 'https://issuer.example/issuer', achievementId },
});

describe('one achievement in two spellings', () => {
  it.each([
    ['http://issuer.example/badges/1', 'https://issuer.example/badges/1'],
    ['https://Issuer.Example/badges/1', 'https://issuer.example/badges/1'],
    ['https://issuer.example:443/badges/1', 'https://issuer.example/badges/1'],
    ['urn:uuid:A953C5B2-1F3E-4F6B-9D0A-2C4E6F8A0B1C', 'urn:uuid:a953c5b2-1f3e-4f6b-9d0a-2c4e6f8a0b1c'],
  ])('%s stands for %s', (a, b) => {
    expect(standsFor(copy(a), copy(b))).toBe(true);
    expect(standsFor(copy(b), copy(a))).toBe(true);
  });

  it.each([
    ['https://issuer.example/badges/1', 'https://issuer.example/badges/2'],
    ['https://issuer.example/Badges/1', 'https://issuer.example/badges/1'],
    ['http://issuer.example:8080/badges/1', 'https://issuer.example/badges/1'],
    ['urn:uuid:a953c5b2-1f3e-4f6b-9d0a-2c4e6f8a0b1c', 'urn:uuid:b953c5b2-1f3e-4f6b-9d0a-2c4e6f8a0b1c'],
  ])('%s and %s are two achievements', (a, b) => {
    expect(standsFor(copy(a), copy(b))).toBe(false);
  });
});
