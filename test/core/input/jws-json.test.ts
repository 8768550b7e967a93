/** A JWS in JSON serialization (RFC 7515 §7.2) is read as such: never a badge, never unreadable. */
import { describe, expect, it } from 'vitest';
import { UnsupportedCredentialError } from '../../../src/core/errors.ts';
import { classifyText } from '../../../src/core/input/classify.ts';
import { isJwsJson } from '../../../src/core/input/jws-json.ts';

const b64u = (s: string): string => Buffer.from(s).toString('base64url');
const vc = JSON.stringify({ type: ['VerifiableCredential', 'EuropeanDigitalCredential'] });

describe('isJwsJson', () => {
  it.each([
    ['general, base64url payload', { payload: b64u(vc), signatures: [{ protected: b64u('{"alg":"RS256"}'), signature: 'AAAA' }] }],
    ['general, unencoded payload (JAdES, b64 false)', { payload: vc, signatures: [{ protected: 'x', header: { etsiU: [] }, signature: 'AAAA' }] }],
    ['flattened', { payload: b64u(vc), protected: b64u('{"alg":"ES256"}'), signature: 'AAAA' }],
    ['flattened, unprotected header only', { payload: b64u(vc), header: { alg: 'ES256' }, signature: 'AAAA' }],
  ])('%s is one', (_name, doc) => {
    expect(isJwsJson(doc)).toBe(true);
  });

  it.each([
    ['a credential', JSON.parse(vc) as Record<string, unknown>],
    ['no signature', { payload: b64u(vc), protected: 'x' }],
    ['an empty signature list', { payload: b64u(vc), signatures: [] }],
    ['a signature with no header', { payload: b64u(vc), signatures: [{ signature: 'AAAA' }] }],
    ['a payload that is not text', { payload: { type: 'VerifiableCredential' }, protected: 'x', signature: 'AAAA' }],
  ])('%s is not', (_name, doc) => {
    expect(isJwsJson(doc)).toBe(false);
  });
});

describe('classifyText', () => {
  it('reports a JWS in JSON serialization as a credential it reads but does not verify, naming what it wraps', () => {
    const text = JSON.stringify({ payload: vc, signatures: [{ protected: 'x', signature: 'AAAA' }] });
    expect(() => classifyText(text)).toThrow(UnsupportedCredentialError);
    try {
      classifyText(text);
    } catch (e) {
      expect((e as UnsupportedCredentialError).what).toBe('a JWS in JSON serialization over a credential of type VerifiableCredential, EuropeanDigitalCredential');
    }
  });

  it('names no type when the payload is neither JSON nor base64url JSON', () => {
    try {
      classifyText(JSON.stringify({ payload: '%%%', protected: 'x', signature: 'AAAA' }));
      expect.unreachable();
    } catch (e) {
      expect((e as UnsupportedCredentialError).what).toBe('a JWS in JSON serialization');
    }
  });
});
