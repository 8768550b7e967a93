import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { disclose, splitSdJwt } from '../../../src/core/formats/sd-jwt.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, makeKey, NOW, runJwt, show, sign, type TestKey } from '../keys/jwt-fixtures.ts';

/** RFC 9901 §4.2.1: base64url of the JSON array; §4.2.3: its digest is base64url(SHA-256(those ASCII characters)). */
const disclosure = (...parts: unknown[]): string => Buffer.from(JSON.stringify(parts)).toString('base64url');
const digest = (d: string): string => createHash('sha256').update(d).digest('base64url');

const D_NAME = disclosure('2GLC42sKQveCfGfryNRN9w', 'name', 'Forklift Safety credential');
const D_FROM = disclosure('eluV5Og3gSNII8EYnsxA_A', 'validFrom', '2025-01-01T00:00:00Z');
const D_TAG = disclosure('6Ij7tM-a5iVPGboS5tmvVA', 'safety');

/** credential() with its name and validFrom, and its achievement's one tag, hidden behind digests (RFC 9901 §4.2.4). */
function sdPayload(issuer: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const c = credential({ id: issuer, type: ['Profile'], name: 'Key Issuer' });
  delete c.name;
  delete c.validFrom;
  const subject = c.credentialSubject as Record<string, unknown>;
  const achievement = subject.achievement as Record<string, unknown>;
  achievement.tag = [{ '...': digest(D_TAG) }];
  return { ...c, _sd: [digest(D_NAME), digest(D_FROM)], _sd_alg: 'sha-256', ...extra };
}

const issue = async (k: TestKey, payload: unknown): Promise<string> => sign(payload, k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+sd-jwt' });
const sdJwt = (jwt: string, ...disclosures: string[]): string => `${jwt}~${disclosures.map((d) => `${d}~`).join('')}`;
const run = (text: string, identities: string[] = []) => verify(new TextEncoder().encode(text), { now: NOW, identities, fetch: () => Promise.reject(new Error('offline')) });
const check = <C extends { id: string }>(r: { checks: C[] }, id: string): C | undefined => r.checks.find((c) => c.id === id);
/** A key with its did:key (Ed25519, P-256). */
const didKey = async (alg: 'ES256' | 'EdDSA'): Promise<TestKey & { did: string; multibase: string }> => {
  const k = await makeKey(alg);
  if (!k.did || !k.multibase) throw new Error('no did:key');
  return { ...k, did: k.did, multibase: k.multibase };
};

describe('SD-JWT (RFC 9901) W3C credentials', () => {
  it('verifies an ES256 did:key SD-JWT with every claim disclosed, as its issuer signed it', async () => {
    const k = await didKey('ES256');
    const r = await run(sdJwt(await issue(k, sdPayload(k.did)), D_NAME, D_FROM, D_TAG), ['ada@example.org']);
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.format).toBe('ob3.0-jwt');
    expect(r.checks.map((c) => [c.id, c.outcome])).toEqual([
      ['parse', 'pass'], ['structure', 'pass'], ['signature', 'pass'], ['issuer-key', 'pass'],
      ['hosted', 'skipped'], ['validity', 'pass'], ['revocation', 'pass'], ['recipient', 'pass'],
    ]);
    expect(check(r, 'parse')?.message).toContain('SD-JWT');
    expect(r.badge).toMatchObject({ name: 'Forklift Safety', issuedOn: '2025-01-01T00:00:00Z', tags: ['safety'], issuer: { id: k.did } });
  });

  it('verifies an EdDSA SD-JWT in the drafts\' form (no final ~) and ignores a key-binding JWT it cannot check', async () => {
    const k = await didKey('EdDSA');
    const jwt = await issue(k, sdPayload(k.did));
    const draft = `${jwt}~${D_NAME}~${D_FROM}~${D_TAG}`;
    expect((await run(draft)).verdict).toBe('valid');
    // The holder's key-binding JWT (§4.3): not the issuer's, neither required nor trusted, never failing the badge.
    const holder = await makeKey('ES256');
    const kb = await sign({ nonce: 'n', aud: 'https://verifier.test', iat: 1, sd_hash: 'x' }, holder, { typ: 'kb+jwt' });
    const r = await run(`${sdJwt(jwt, D_NAME, D_FROM, D_TAG)}${kb}`);
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
  });

  it('fails a tampered disclosure: its digest is none the issuer signed', async () => {
    const k = await didKey('ES256');
    const jwt = await issue(k, sdPayload(k.did));
    const forged = disclosure('2GLC42sKQveCfGfryNRN9w', 'name', 'Rocket Science credential');
    const r = await runJwt(sdJwt(jwt, forged, D_FROM, D_TAG));
    expect(r.verdict, show(r)).toBe('invalid');
    expect(r.check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
    expect(r.check('signature')?.message).toContain('RFC 9901');
  });

  it('fails an extra disclosure the issuer-signed JWT does not reference', async () => {
    const k = await didKey('ES256');
    const jwt = await issue(k, sdPayload(k.did));
    const extra = disclosure('c2FsdA', 'description', 'Also a pilot');
    const r = await runJwt(sdJwt(jwt, D_NAME, D_FROM, D_TAG, extra));
    expect(r.verdict, show(r)).toBe('invalid');
    expect(r.check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
  });

  it('fails when the issuer JWT\'s signature is broken, though every disclosure matches', async () => {
    const k = await didKey('ES256');
    const [h, p, s] = (await issue(k, sdPayload(k.did))).split('.');
    const sig = Buffer.from(s!, 'base64url');
    sig[5]! ^= 1;
    const r = await runJwt(sdJwt(`${h}.${p}.${sig.toString('base64url')}`, D_NAME, D_FROM, D_TAG));
    expect(r.verdict, show(r)).toBe('invalid');
    expect(r.check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
  });

  it.each<[string, (p: Record<string, unknown>) => string[]]>([
    ['a digest listed twice', (p) => { p._sd = [...(p._sd as string[]), digest(D_NAME)]; return [D_NAME, D_FROM, D_TAG]; }],
    ['a disclosed name the object already has', (p) => { p.name = 'Signed name'; return [D_NAME, D_FROM, D_TAG]; }],
    ['a disclosure naming _sd', (p) => { const d = disclosure('s', '_sd', ['x']); p._sd = [...(p._sd as string[]), digest(d)]; return [D_NAME, D_FROM, D_TAG, d]; }],
    ['the same disclosure sent twice', () => [D_NAME, D_FROM, D_TAG, D_NAME]],
  ])('fails %s (RFC 9901 §7.1)', async (_, change) => {
    const k = await didKey('ES256');
    const payload = sdPayload(k.did);
    const sent = change(payload);
    const r = await runJwt(sdJwt(await issue(k, payload), ...sent));
    expect(r.verdict, show(r)).toBe('invalid');
    expect(r.check('signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
  });

  it('is indeterminate when the digests are not sha-256 (§4.1.1), never valid', async () => {
    const k = await didKey('ES256');
    const r = await runJwt(sdJwt(await issue(k, sdPayload(k.did, { _sd_alg: 'sha-512' })), D_NAME, D_FROM, D_TAG));
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(r.check('signature')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_UNSUPPORTED' });
    expect(r.checks.filter((c) => c.outcome === 'fail')).toEqual([]);
  });

  it('calls a withheld validFrom unknown, not malformed: the badge is not valid for what nobody can see', async () => {
    const k = await didKey('ES256');
    const r = await runJwt(sdJwt(await issue(k, sdPayload(k.did)), D_NAME, D_TAG));
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(r.check('structure')?.outcome).toBe('pass');
    expect(r.check('signature')?.outcome).toBe('pass');
    expect(r.check('validity')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_UNSUPPORTED' });
    expect(r.check('validity')?.message).toContain('SD-JWT');
  });

  it('fails a credential with no validFrom when nothing was withheld (every digest disclosed)', async () => {
    const k = await didKey('ES256');
    const payload = sdPayload(k.did);
    payload._sd = [digest(D_NAME)];
    const r = await runJwt(sdJwt(await issue(k, payload), D_NAME, D_TAG));
    expect(r.check('structure')).toMatchObject({ outcome: 'fail', code: 'ERR_STRUCTURE_INVALID' });
    expect(r.verdict).toBe('invalid');
  });

  it('says the recipient is unknown when its identity was withheld', async () => {
    const k = await didKey('ES256');
    const payload = sdPayload(k.did);
    const subject = payload.credentialSubject as Record<string, unknown>;
    const dId = disclosure('s1', 'id', subject.id);
    const dIdentifier = disclosure('s2', 'identifier', subject.identifier);
    delete subject.id;
    delete subject.identifier;
    subject._sd = [digest(dId), digest(dIdentifier)];
    const r = await runJwt(sdJwt(await issue(k, payload), D_NAME, D_FROM, D_TAG), { identities: ['ada@example.org'] });
    expect(r.check('recipient'), show(r)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_RECIPIENT_WITHHELD' });
    expect(r.verdict).toBe('indeterminate');
    // Disclosed, it is compared as any recipient is.
    const shown = await runJwt(sdJwt(await issue(k, payload), D_NAME, D_FROM, D_TAG, dId, dIdentifier), { identities: ['ada@example.org'] });
    expect(shown.check('recipient')?.outcome, show(shown)).toBe('pass');
    expect(shown.verdict).toBe('valid');
  });
});

describe('RFC 9901 disclosure processing', () => {
  it('splits the issuer JWT, the disclosures and a key-binding JWT', () => {
    expect(splitSdJwt('a.b.c~d1~d2~')).toEqual({ jwt: 'a.b.c', disclosures: ['d1', 'd2'] });
    expect(splitSdJwt('a.b.c~d1~d2')).toEqual({ jwt: 'a.b.c', disclosures: ['d1', 'd2'] });
    expect(splitSdJwt('a.b.c~d1~x.y.z')).toEqual({ jwt: 'a.b.c', disclosures: ['d1'], kb: 'x.y.z' });
    expect(splitSdJwt('a.b.c')).toBeNull();
    expect(() => splitSdJwt('a.b.c~~d1~')).toThrow(/empty/);
  });

  it('puts disclosed claims back recursively, drops undisclosed digests and removes _sd, _sd_alg', () => {
    const inner = disclosure('s3', 'city', 'Paris');
    const address = disclosure('s1', 'address', { _sd: [digest(inner), 'undisclosed-digest'], country: 'FR' });
    const el = disclosure('s2', 'b');
    const out = disclose({ _sd_alg: 'sha-256', _sd: [digest(address)], list: ['a', { '...': digest(el) }, { '...': 'withheld-element' }] }, [address, el, inner]);
    expect(out).toEqual({ ok: true, withheld: true, withheldIn: [['list'], ['address']], payload: { address: { country: 'FR', city: 'Paris' }, list: ['a', 'b'] } });
    expect(disclose({ _sd: [digest(address)] }, [address, inner])).toMatchObject({ ok: true, withheld: true });
    expect(disclose({ x: 1 }, [])).toEqual({ ok: true, withheld: false, withheldIn: [], payload: { x: 1 } });
  });

  it('keeps a disclosed __proto__ an own member, never the object\'s prototype', () => {
    const d = disclosure('s', '__proto__', { polluted: true });
    const out = disclose({ _sd: [digest(d)] }, [d]);
    expect(out.ok).toBe(true);
    const p = (out as { payload: Record<string, unknown> }).payload;
    expect(Object.getPrototypeOf(p)).toBe(Object.prototype);
    expect(Object.hasOwn(p, '__proto__')).toBe(true);
    expect((p as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('rejects an array-element disclosure in an _sd array, and a property disclosure as an array element', () => {
    const el = disclosure('s2', 'b');
    const prop = disclosure('s1', 'name', 'x');
    expect(disclose({ _sd: [digest(el)] }, [el])).toMatchObject({ ok: false, reason: 'forged' });
    expect(disclose({ list: [{ '...': digest(prop) }] }, [prop])).toMatchObject({ ok: false, reason: 'forged' });
  });
});
