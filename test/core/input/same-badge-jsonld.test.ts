/**
 * The same-badge rule (same-badge.ts) compares two texts JSON-LD-equivalently: an array not under a
 * list container is a set (JSON-LD 1.1 §4.3.1: "the order of the values is not significant"; only
 * `@list` keeps one), and a single value is the one-element array of it (§4.3: `"type": "X"` expands
 * as `["X"]`). So `"type": "X"` beside `["X"]`, or types in another order, are one badge, not "two
 * different badges". Order still counts where JSON-LD keeps it: `@context` (later contexts override),
 * an `@list` object, a term whose container is `@list` (OB 3.0 `allowedValue`, or one a badge's own
 * context defines so), and a JSON literal (`@type: @json`). Different values are never one badge.
 */
import { describe, expect, it } from 'vitest';
import { badgeName, namesOtherBadge } from '../../../src/core/input/same-badge.ts';

const other = (a: unknown, b: unknown) => namesOtherBadge(badgeName(JSON.stringify(a))!, badgeName(JSON.stringify(b))!);
const base = { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'], id: 'urn:uuid:1', issuer: { id: 'did:example:1' } };

describe('same badge, JSON-LD-equivalently', () => {
  it('"type": "X" and ["X"] are one badge; so are set values in another order', () => {
    const ob2 = { '@context': 'https://w3id.org/openbadges/v2', id: 'https://i.example/a/1', recipient: { type: 'email', identity: 'a@example.org' } };
    expect(other({ ...ob2, type: 'Assertion' }, { ...ob2, type: ['Assertion'] })).toBe(false);
    expect(other({ ...base, type: ['VerifiableCredential', 'OpenBadgeCredential'] }, { ...base, type: ['OpenBadgeCredential', 'VerifiableCredential'] })).toBe(false);
    expect(other({ ...base, credentialSubject: { achievement: { tag: ['a', 'b'] } } }, { ...base, credentialSubject: { achievement: { tag: ['b', 'a'] } } })).toBe(false);
    // The one-value form in an array of objects, in another order, too.
    expect(other({ ...base, evidence: [{ id: 'https://e/1' }, { id: 'https://e/2' }] }, { ...base, evidence: [{ id: 'https://e/2' }, { id: 'https://e/1' }] })).toBe(false);
  });

  it('different values stay two badges', () => {
    expect(other({ ...base, type: ['VerifiableCredential', 'OpenBadgeCredential'] }, { ...base, type: ['VerifiableCredential'] })).toBe(true);
    expect(other({ ...base, type: 'X' }, { ...base, type: ['X', 'Y'] })).toBe(true);
    expect(other({ ...base, credentialSubject: { id: 'did:a' } }, { ...base, credentialSubject: [{ id: 'did:a' }, { id: 'did:b' }] })).toBe(true);
  });

  it('order counts where JSON-LD keeps it: @context, @list, a @list container, a JSON literal', () => {
    expect(other({ ...base, '@context': ['https://a.example/ctx', 'https://b.example/ctx'] }, { ...base, '@context': ['https://b.example/ctx', 'https://a.example/ctx'] })).toBe(true);
    expect(other({ ...base, steps: { '@list': ['a', 'b'] } }, { ...base, steps: { '@list': ['b', 'a'] } })).toBe(true);
    expect(other({ ...base, credentialSubject: { achievement: { resultDescription: [{ allowedValue: ['A', 'B'] }] } } }, { ...base, credentialSubject: { achievement: { resultDescription: [{ allowedValue: ['B', 'A'] }] } } })).toBe(true);
    const own = (order: string[]) => ({ ...base, '@context': [...base['@context'], { ranks: { '@id': 'https://x.example/ranks', '@container': '@list' } }], ranks: order });
    expect(other(own(['1', '2']), own(['2', '1']))).toBe(true);
    expect(other({ ...base, cnf: { jwk: { key_ops: ['sign', 'verify'] } } }, { ...base, cnf: { jwk: { key_ops: ['verify', 'sign'] } } })).toBe(true);
    expect(other({ ...base, cnf: { jwk: { key_ops: 'sign' } } }, { ...base, cnf: { jwk: { key_ops: ['sign'] } } })).toBe(true);
  });
});
