/**
 * A VC-JWT whose payload is the credential itself with JWT claims beside it (VC DM 2.0 with VC-JOSE-COSE,
 * OB 3.0 §8.2 VC-JWT: 1EdTech's own ob30_simple-jwt.png carries `iat`, `iss`, `aud`, `nbf`, `jti` next to the
 * credential's properties), baked beside that credential's JSON, is one badge: the JSON says what the
 * token says (review45: hostile47's rule compared the whole payload and read two badges, indeterminate,
 * for the genuine image). A JSON that says something else than the token's credential is still another badge.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnsupportedCredentialError } from '../../../src/core/errors.ts';
import { readBakedPng } from '../../../src/core/input/png.ts';
import { readBakedSvg } from '../../../src/core/input/svg.ts';
import { buildPng, itxt } from './png-builder.ts';

const fixture = new URL('../../fixtures/conformance/baking/ob30_simple-jwt.png', import.meta.url);
const JWT_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'];

async function token(): Promise<{ jws: string; credential: Record<string, unknown> }> {
  const jws = (await readBakedPng(new Uint8Array(readFileSync(fixture)))).text;
  const payload = JSON.parse(Buffer.from(jws.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  return { jws, credential: Object.fromEntries(Object.entries(payload).filter(([k]) => !JWT_CLAIMS.includes(k))) };
}

const svg = (jws: string, body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential verify="${jws}"><![CDATA[${body}]]></openbadges:credential></svg>`;

describe('a VC-JWT with the credential as its payload, baked beside its credential JSON', () => {
  it('is one badge in a PNG (the token beside the JSON, either first)', async () => {
    const { jws, credential } = await token();
    expect(credential.credentialSubject).toBeDefined();
    const json = JSON.stringify(credential, null, 2);
    expect((await readBakedPng(buildPng(itxt('openbadgecredential', jws), itxt('openbadgecredential', json)))).text).toBe(jws);
    expect((await readBakedPng(buildPng(itxt('openbadgecredential', json), itxt('openbadgecredential', jws)))).text).toBe(json);
  });

  it('is one badge in an SVG element (the token in verify, the JSON in its body)', async () => {
    const { jws, credential } = await token();
    expect((await readBakedSvg(svg(jws, JSON.stringify(credential)))).text).toBe(jws);
  });

  it('a JSON naming another subject beside the token is still two badges', async () => {
    const { jws, credential } = await token();
    const other = { ...credential, credentialSubject: { ...(credential.credentialSubject as object), id: 'did:example:mallory' } };
    await expect(readBakedPng(buildPng(itxt('openbadgecredential', jws), itxt('openbadgecredential', JSON.stringify(other))))).rejects.toBeInstanceOf(UnsupportedCredentialError);
    await expect((async () => readBakedSvg(svg(jws, JSON.stringify(other))))()).rejects.toBeInstanceOf(UnsupportedCredentialError);
  });

  it('a JSON that also carries a JWT claim with another value than the token is two badges', async () => {
    const { jws, credential } = await token();
    const other = { ...credential, nbf: 1 };
    await expect(readBakedPng(buildPng(itxt('openbadgecredential', jws), itxt('openbadgecredential', JSON.stringify(other))))).rejects.toBeInstanceOf(UnsupportedCredentialError);
  });
});
