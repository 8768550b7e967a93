/**
 * A VC-JWT's bytes are signed, but what the verdict and the badge read is the JSON parsed from them.
 * JSON with a member twice (RFC 8259 §4: "names within an object SHOULD be unique") is read by
 * JSON.parse with its last value; each part (header, payload) is parsed once, and the verdict and the
 * display read that one parse, so neither can read a value the other does not. Critical header
 * extensions (RFC 7515 §4.1.11; RFC 7797 b64) are refused, and `alg` none or HMAC is never checked
 * with the issuer's public key.
 */
import { CompactSign } from 'jose';
import { describe, expect, it } from 'vitest';
import { credential, makeKey, rawJws, runJwt, show, type TestKey } from '../keys/jwt-fixtures.ts';

/** Signs exactly these header and payload texts (jose would re-serialise them). */
async function signText(headerText: string, payloadText: string, key: TestKey): Promise<string> {
  const h = Buffer.from(headerText).toString('base64url');
  const p = Buffer.from(payloadText).toString('base64url');
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, key.privateKey, new TextEncoder().encode(`${h}.${p}`)));
  return `${h}.${p}.${Buffer.from(sig).toString('base64url')}`;
}

describe('VC-JWT: duplicate JSON members', () => {
  it('reads a payload member written twice as its last value, for the verdict and the badge alike', async () => {
    const k = await makeKey('EdDSA');
    const body = JSON.stringify(credential(k.did));
    // validUntil first in the past, then in the future: JSON.parse keeps the later.
    const twice = `${body.slice(0, -1)},"validUntil":"2020-01-01T00:00:00Z","validUntil":"2030-01-01T00:00:00Z"}`;
    const r = await runJwt(await signText(JSON.stringify({ alg: 'EdDSA', kid: `${k.did}#${k.multibase}` }), twice, k));
    expect(r.check('validity'), show(r)).toMatchObject({ outcome: 'pass' });
    expect(r.badge?.expires).toBe('2030-01-01T00:00:00Z');
    // And the other way round: the later value expired, the verdict and the badge both say so.
    const expired = `${body.slice(0, -1)},"validUntil":"2030-01-01T00:00:00Z","validUntil":"2026-01-01T00:00:00Z"}`;
    const e = await runJwt(await signText(JSON.stringify({ alg: 'EdDSA', kid: `${k.did}#${k.multibase}` }), expired, k));
    expect(e.check('validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(e.badge?.expires).toBe('2026-01-01T00:00:00Z');
  });

  it('reads a header alg written twice as its last value: none then EdDSA is an EdDSA signature, EdDSA then none is unsigned', async () => {
    const k = await makeKey('EdDSA');
    const body = JSON.stringify(credential(k.did));
    const kid = `${k.did}#${k.multibase}`;
    const signed = await runJwt(await signText(`{"alg":"none","kid":"${kid}","alg":"EdDSA"}`, body, k));
    expect(signed.verdict, show(signed)).toBe('valid');
    const unsigned = await runJwt(await signText(`{"alg":"EdDSA","kid":"${kid}","alg":"none"}`, body, k));
    expect(unsigned.check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_ALG_NOT_ALLOWED' });
    expect(unsigned.verdict).toBe('invalid');
  });
});

describe('VC-JWT: header extensions and algorithm confusion', () => {
  it('refuses crit and b64 (RFC 7515 §4.1.11, RFC 7797), even over a good signature', async () => {
    const k = await makeKey('EdDSA');
    const kid = `${k.did}#${k.multibase}`;
    const body = JSON.stringify(credential(k.did));
    for (const header of [{ alg: 'EdDSA', kid, b64: false, crit: ['b64'] }, { alg: 'EdDSA', kid, crit: ['exp'] }]) {
      const r = await runJwt(await signText(JSON.stringify(header), body, k));
      expect(r.check('signature')?.outcome, JSON.stringify(header)).toBe('fail');
      expect(r.verdict).toBe('invalid');
    }
  });

  it('never checks HS256 with the issuer\'s public key as the secret', async () => {
    const k = await makeKey('EdDSA');
    const secret = new TextEncoder().encode(JSON.stringify(k.jwk));
    const payload = credential(k.did);
    const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'HS256', kid: `${k.did}#${k.multibase}` }).sign(secret);
    const r = await runJwt(jws);
    expect(r.check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_ALG_NOT_ALLOWED' });
    expect(r.verdict).toBe('invalid');
    expect((await runJwt(rawJws({ alg: 'none', kid: `${k.did}#${k.multibase}` }, payload))).verdict).toBe('invalid');
  });
});
