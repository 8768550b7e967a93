/**
 * A VC-JWT shown as JSON with a `JwtProof2020` proof (Veramo's and did-jwt-vc's normalized form:
 * the JWT's claims decoded, the JWT itself in proof.jwt): the credential is the JWT. It was called
 * invalid ("the proof type JwtProof2020 is not one Lanyard accepts") though its JWT holds; now the
 * JWT is verified and shown, and the JSON around it, which nothing signs, is not.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, makeKey, NOW, sign } from '../keys/jwt-fixtures.ts';

const viewOf = (payload: Record<string, unknown>, jwt: string, extra: Record<string, unknown> = {}) => JSON.stringify({ ...payload, ...extra, proof: { type: 'JwtProof2020', jwt } });

describe('JwtProof2020: a VC-JWT in its JSON view', () => {
  it('is verified as the VC-JWT it carries: valid', async () => {
    const k = await makeKey('EdDSA');
    const payload = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    const jwt = await sign(payload, k, { kid: `${k.did}#${k.multibase}`, typ: 'JWT' });
    const r = await verify(viewOf(payload, jwt), { now: NOW, fetch: async () => new Response('', { status: 404 }) });
    expect(r.format).toBe('ob3.0-jwt');
    expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
  });

  it('shows what the JWT says, not the JSON around it', async () => {
    const k = await makeKey('EdDSA');
    const payload = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    const jwt = await sign(payload, k, { kid: `${k.did}#${k.multibase}` });
    const r = await verify(viewOf(payload, jwt, { issuer: { id: k.did, name: 'Harvard University' }, validUntil: '2020-01-01T00:00:00Z' }), { now: NOW, fetch: async () => new Response('', { status: 404 }) });
    expect(r.badge?.issuer.name).toBe('Key Issuer');
    expect(r.verdict).toBe('valid');
  });

  it('a JwtProof2020 whose jwt is altered: invalid, as the JWT alone would be', async () => {
    const k = await makeKey('EdDSA');
    const payload = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    const jwt = await sign(payload, k, { kid: `${k.did}#${k.multibase}` });
    const [h, , s] = jwt.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, name: 'Other' })).toString('base64url')}.${s}`;
    const r = await verify(viewOf(payload, forged), { now: NOW, fetch: async () => new Response('', { status: 404 }) });
    expect(r.verdict).toBe('invalid');
    expect(r.checks.find((c) => c.id === 'signature')?.outcome).toBe('fail');
  });
});

describe('JwtProof2020 inside a presentation', () => {
  it('the one credential a Veramo presentation holds in its JSON view is verified as its JWT', async () => {
    const k = await makeKey('EdDSA');
    const payload = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    const jwt = await sign(payload, k, { kid: `${k.did}#${k.multibase}` });
    const vp = { '@context': ['https://www.w3.org/2018/credentials/v1'], type: ['VerifiablePresentation'], verifiableCredential: [JSON.parse(viewOf(payload, jwt))] };
    const r = await verify(JSON.stringify(vp), { now: NOW, fetch: async () => new Response('', { status: 404 }) });
    expect(r.format).toBe('ob3.0-jwt');
    expect(r.verdict).toBe('valid');
  });
});
