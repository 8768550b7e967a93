/**
 * Messages in plain words: never "undefined" (or "[object Object]", "NaN"), long values cut only with
 * an ellipsis. Malformed documents of every format, each verified, each message checked.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';

const CTX = 'https://w3id.org/openbadges/v2';
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const now = new Date('2026-01-01T00:00:00Z');
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

const docs: unknown[] = [
  { '@context': CTX }, { '@context': CTX, type: 'Assertion' }, { '@context': CTX, type: 'Assertion', id: 'https://x.test/a', badge: null, recipient: {} },
  { '@context': CTX, type: 'Assertion', id: 'https://x.test/a', badge: { issuer: {} }, recipient: 'x', verification: 'hosted' },
  { '@context': CTX, type: 'Assertion', badge: { name: 1 }, verification: { type: 'SignedBadge' } },
  { '@context': CTX, type: 'Issuer', id: 'https://x.test/i', name: 'I' }, { '@context': CTX, type: 'BadgeClass' }, { '@context': CTX, type: 'CryptographicKey', id: 'https://x.test/k' },
  { '@context': [VC2], type: ['VerifiableCredential'] },
  { '@context': [VC2], type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: {}, credentialSubject: [] },
  { recipient: 'a@b.c' }, { verify: { type: 'signed' } }, { type: {}, '@context': {} },
];
const inputs: string[] = [
  ...docs.map((d) => JSON.stringify(d)),
  `${b64({ alg: 'none' })}.${b64({ '@context': CTX, type: 'Assertion' })}.`,
  `${b64({ alg: 'RS256' })}.${b64({ '@context': CTX, type: 'Assertion', verification: { type: 'SignedBadge' } })}.AAAA`,
  `${b64({ alg: 'ES256' })}.${b64({ '@context': [VC2], type: ['VerifiableCredential'] })}.AAAA`,
  `${b64({})}.${b64({ vc: {} })}.`,
  `${b64({ alg: 7 })}.${b64({ vc: { type: ['VerifiableCredential'] } })}.AA`,
  'https://unreachable.test/x',
];

describe('verification messages', () => {
  it.each(inputs.map((i) => [i.slice(0, 70), i]))('%s: no "undefined" in any message', async (_, input) => {
    const r = await verify(input, { now });
    expect(r.checks.length).toBeGreaterThanOrEqual(8);
    for (const c of r.checks) expect(c.message, c.id).not.toMatch(/undefined|\[object Object\]|NaN/);
  });

  it('cuts a long DID with an ellipsis, never silently', async () => {
    const did = `did:zzz:${'a'.repeat(300)}`;
    const credential = {
      '@context': [VC2, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'], id: 'urn:uuid:1', type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: did, validFrom: '2024-01-01T00:00:00Z', credentialSubject: { id: 'did:example:1', type: ['AchievementSubject'], achievement: { id: 'urn:uuid:2', type: ['Achievement'], name: 'A' } },
    };
    const r = await verify(`${b64({ alg: 'EdDSA', kid: `${did}#key-1` })}.${b64(credential)}.AAAA`, { now });
    const withDid = r.checks.filter((c) => c.message.includes('did:zzz:aaaa'));
    expect(withDid.length).toBeGreaterThan(0);
    for (const c of withDid) {
      expect(c.message).not.toContain(did);
      expect(c.message).toMatch(/did:zzz:a+…a+/);
    }
  });
});

describe('an OB 2.0 structure pass says what it could read', () => {
  // A signed badge met offline: only the assertion is at hand. The message must not claim a badge
  // class and issuer it never saw (the spec's own example, test/fixtures/conformance/ob20).
  it('names only the assertion when the badge class cannot be fetched, and the issuer when it can', async () => {
    const { readFileSync } = await import('node:fs');
    const jws = readFileSync(new URL('../../fixtures/conformance/ob20/spec-example-signed.jws', import.meta.url), 'utf8').trim();
    const offline = await verify(jws, { now });
    const s = offline.checks.find((c) => c.id === 'structure');
    expect(s?.outcome).toBe('pass');
    expect(s?.message).toMatch(/^The assertion has every required field/);
    expect(s?.message).toContain('its badge class could not be read');
    expect(s?.message).not.toMatch(/badge class and issuer have/);
  });
});
