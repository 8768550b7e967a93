/**
 * End to end: an OB 3.0 VC-JWT (VC-JOSE-COSE §3.1.1, typ vc+jwt, the payload the credential itself)
 * signed with a test key, given inside an EnvelopedVerifiableCredential (VC DM 2.0 §4.13), alone, in
 * a presentation, or in an EnvelopedVerifiablePresentation. It was indeterminate ("an enveloped
 * credential, which Lanyard does not verify yet") or unknown; now it is verified as the VC-JWT: valid
 * when it holds, invalid when tampered, and nothing the envelope says reaches the result.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, makeKey, NOW, sign, type TestKey } from '../keys/jwt-fixtures.ts';

const opts = { now: NOW, fetch: async () => new Response('', { status: 404 }) };
const evc = (jws: string, extra: Record<string, unknown> = {}) => ({ '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jws}`, ...extra });
const vpOf = (...vcs: unknown[]) => ({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: vcs });
const b64u = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

async function signed(): Promise<{ k: TestKey; payload: Record<string, unknown>; jws: string }> {
  const k = await makeKey('EdDSA');
  const payload = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
  return { k, payload, jws: await sign(payload, k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+jwt' }) };
}

const signature = (r: Awaited<ReturnType<typeof verify>>) => r.checks.find((c) => c.id === 'signature');

describe('an enveloped OB 3.0 VC-JWT', () => {
  it('is valid as the input, in a presentation, and in an enveloped presentation', async () => {
    const { k, jws } = await signed();
    const holderJws = await sign(vpOf(evc(jws)), k, { typ: 'vp+jwt' });
    const inputs = [evc(jws), vpOf(evc(jws)), { '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiablePresentation', id: `data:application/vp+jwt,${holderJws}` }];
    for (const input of inputs) {
      const r = await verify(JSON.stringify(input), opts);
      expect(r.format, JSON.stringify(input).slice(0, 80)).toBe('ob3.0-jwt');
      expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
      expect(r.badge?.issuer.name).toBe('Key Issuer');
    }
  });

  it('is valid given base64 in its data: URL', async () => {
    const { jws } = await signed();
    const r = await verify(JSON.stringify({ ...evc(jws), id: `data:application/vc+jwt;base64,${Buffer.from(jws).toString('base64')}` }), opts);
    expect(r.verdict).toBe('valid');
  });

  it('tampered (its payload changed, the signature kept): invalid, alone and in a presentation', async () => {
    const { payload, jws } = await signed();
    const [h, , s] = jws.split('.');
    const forged = `${h}.${b64u({ ...payload, name: 'Harvard Degree' })}.${s}`;
    for (const input of [evc(forged), vpOf(evc(forged))]) {
      const r = await verify(JSON.stringify(input), opts);
      expect(r.verdict).toBe('invalid');
      expect(signature(r)?.outcome).toBe('fail');
    }
  });

  it('nothing the envelope says reaches the result: its issuer, dates and proof are not the credential\'s', async () => {
    const { jws } = await signed();
    const decoy = { issuer: { id: 'did:example:harvard', name: 'Harvard University' }, validUntil: '2020-01-01T00:00:00Z', name: 'Fake', proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022' } };
    const r = await verify(JSON.stringify(evc(jws, decoy)), opts);
    expect(r.verdict).toBe('valid');
    expect(r.badge?.issuer.name).toBe('Key Issuer');
    expect(r.badge?.name).not.toBe('Fake');
  });

  it('an envelope holding an unsigned credential (alg none) is not made valid by being enveloped', async () => {
    const { payload } = await signed();
    const r = await verify(JSON.stringify(evc(`${b64u({ alg: 'none', typ: 'vc+jwt' })}.${b64u(payload)}.`)), opts);
    expect(r.verdict).toBe('invalid');
  });
});

describe('enveloped credentials Lanyard does not verify yet', () => {
  it.each([
    ['an SD-JWT', 'data:application/vc+sd-jwt,eyJhbGciOiJFUzI1NiJ9.eyJfc2QiOltdfQ.c2ln~'],
    ['a COSE object', 'data:application/vc+cose;base64,0oREoQE4IqA='],
    ['another media type', 'data:application/json,%7B%7D'],
  ])('%s: indeterminate, read and named, never invalid', async (_, id) => {
    const r = await verify(JSON.stringify(vpOf({ '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiableCredential', id })), opts);
    expect(r.verdict).toBe('indeterminate');
    expect(r.checks.find((c) => c.id === 'parse')?.outcome).toBe('pass');
    expect(signature(r)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_UNSUPPORTED' });
  });
});

/** VC-JOSE-COSE §3.2: `application/vc+sd-jwt`, a W3C credential secured as an SD-JWT (RFC 9901), enveloped. */
describe('an enveloped SD-JWT credential', () => {
  const disclosure = b64u(['c2FsdA', 'name', 'Forklift Safety credential']);
  async function sdJwt(): Promise<string> {
    const k = await makeKey('ES256');
    const payload = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    delete payload.name;
    const digest = createHash('sha256').update(disclosure).digest('base64url');
    return `${await sign({ ...payload, _sd: [digest] }, k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+sd-jwt' })}~${disclosure}~`;
  }
  const sdEvc = (text: string) => ({ '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiableCredential', id: `data:application/vc+sd-jwt,${text}` });

  it('is verified as the SD-JWT: valid alone and in a presentation', async () => {
    const text = await sdJwt();
    for (const input of [sdEvc(text), vpOf(sdEvc(text))]) {
      const r = await verify(JSON.stringify(input), opts);
      expect(r.format).toBe('ob3.0-jwt');
      expect(r.verdict, JSON.stringify(r.checks, null, 1)).toBe('valid');
      expect(r.badge?.issuer.name).toBe('Key Issuer');
    }
  });

  it('is invalid when a disclosure is not the issuer\'s', async () => {
    const text = (await sdJwt()).replace(disclosure, b64u(['c2FsdA', 'name', 'Rocket Science credential']));
    const r = await verify(JSON.stringify(sdEvc(text)), opts);
    expect(r.verdict).toBe('invalid');
    expect(signature(r)).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
  });
});
