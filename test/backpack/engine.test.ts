/**
 * What the test backpack issues passes Lanyard's engine (src/core/verify/pipeline.ts) with a fetch
 * that reaches the server: OB 2.0 hosted and signed badges are valid, the revoked and the expired
 * ones invalid; OB 3.0 VC-JWTs verify; the Data Integrity proofs verify with jsonld-signatures.
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../src/core/verify/pipeline.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { documentLoader, verifyDataIntegrity } from './crypto/data-integrity.ts';
import { auth, badgrLogin, useBackpack } from './helpers.ts';
import { ADA, GRACE } from './seed-data.ts';

const ctx = useBackpack({ badges: 5 });
const url = (path: string): string => `${ctx.bp.baseUrl}${path}`;
const ADA_VERIFIED = ['ada@example.org', 'ada.lovelace@school.example'];
const run = (input: string | Uint8Array, identities: string[] = ADA_VERIFIED): Promise<VerifyResult> =>
  verify(input, { fetch: (u, init) => fetch(u, init), now: new Date(ctx.bp.control.now()), identities });
const outcome = (r: VerifyResult, id: string): string | undefined => r.checks.find((c) => c.id === id)?.outcome;
const baked = async (id: string): Promise<Uint8Array> => new Uint8Array(await (await fetch(url(`/public/assertions/${id}/baked`))).arrayBuffer());

describe('OB 2.0 through the engine', () => {
  it('every badge Badgr lists by default is valid: hosted by its URL, signed by its baked image', async () => {
    const t = await badgrLogin(ctx.bp.baseUrl, ADA.username, ADA.password);
    const list = await (await fetch(url('/v2/backpack/assertions'), { headers: auth(t.access_token) })).json();
    expect(list.result.length).toBe(3 + 5);
    for (const a of list.result as { entityId: string; openBadgeId: string }[]) {
      const signed = ctx.bp.control.stateForTests.badges.get(a.entityId)?.kind === 'ob2-signed';
      const r = await run(signed ? await baked(a.entityId) : a.openBadgeId);
      expect({ id: a.entityId, verdict: r.verdict }).toEqual({ id: a.entityId, verdict: 'valid' });
      expect(r.format).toBe(signed ? 'ob2.0-signed' : 'ob2.0-hosted');
      expect(outcome(r, 'recipient')).toBe('pass');
    }
  });

  it('a hosted badge is valid from its baked image and from its JSON too', async () => {
    expect((await run(await baked('ada-poetical'))).verdict).toBe('valid');
    const json = await (await fetch(url('/public/assertions/ada-poetical'), { headers: { accept: 'application/ld+json' } })).text();
    const r = await run(json);
    expect(r.verdict).toBe('valid');
    expect(outcome(r, 'hosted')).toBe('pass');
  });

  it('the signed badge checks its RS256 signature against the key the issuer profile lists', async () => {
    const r = await run(await baked('ada-notes-signed'));
    expect(r.format).toBe('ob2.0-signed');
    expect([outcome(r, 'signature'), outcome(r, 'issuer-key'), outcome(r, 'revocation')]).toEqual(['pass', 'pass', 'pass']);
  });

  it('the revoked hosted badge is invalid', async () => {
    const r = await run(url('/public/assertions/ada-retired-revoked'));
    expect(r.verdict).toBe('invalid');
    expect(outcome(r, 'revocation')).toBe('fail');
  });

  it('the revoked signed badge is invalid through the issuer\'s revocation list', async () => {
    const r = await run(ctx.bp.control.stateForTests.badges.get('ada-bernoulli-signed-revoked')!.compact!);
    expect(r.verdict).toBe('invalid');
    expect(outcome(r, 'signature')).toBe('pass');
    expect(outcome(r, 'revocation')).toBe('fail');
  });

  it('the expired badge is invalid', async () => {
    const r = await run(url('/public/assertions/ada-first-aid-expired'));
    expect(r.verdict).toBe('invalid');
    expect(outcome(r, 'validity')).toBe('fail');
  });

  it('a badge is not Grace\'s: recipient fails with her address', async () => {
    const r = await run(url('/public/assertions/ada-programmer'), [GRACE.username]);
    expect(r.verdict).toBe('invalid');
    expect(outcome(r, 'recipient')).toBe('fail');
  });

  it('a badge revoked at runtime turns invalid', async () => {
    const id = ctx.bp.control.issueBadge();
    expect((await run(url(`/public/assertions/${id}`))).verdict).toBe('valid');
    ctx.bp.control.revokeBadge(id);
    expect((await run(url(`/public/assertions/${id}`))).verdict).toBe('invalid');
  });
});

describe('OB 3.0 VC-JWT through the engine', () => {
  const jwt = async (id: string): Promise<string> => (await fetch(url(`/ob3/credentials/${id}`))).text();

  it('EdDSA and ES256 credentials are valid, the kid bound by the issuer\'s document', async () => {
    for (const id of ['ob3-ada-jwt-eddsa', 'ob3-ada-jwt-es256']) {
      const r = await run(await jwt(id));
      expect({ id, verdict: r.verdict, format: r.format }).toEqual({ id, verdict: 'valid', format: 'ob3.0-jwt' });
      expect([outcome(r, 'signature'), outcome(r, 'issuer-key'), outcome(r, 'recipient')]).toEqual(['pass', 'pass', 'pass']);
    }
  });

  it('the expired credential is invalid', async () => {
    const r = await run(await jwt('ob3-ada-jwt-expired'));
    expect(r.verdict).toBe('invalid');
    expect(outcome(r, 'validity')).toBe('fail');
  });

  it('the credential revoked through the status list is invalid', async () => {
    const r = await run(await jwt('ob3-ada-jwt-revoked'));
    expect(outcome(r, 'signature')).toBe('pass');
    expect(outcome(r, 'revocation')).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });
});

describe('OB 3.0 Data Integrity', () => {
  const served = async (): Promise<Awaited<ReturnType<typeof documentLoader>>> => {
    const issuer = await (await fetch(url('/ob3/issuers/1'))).json();
    return documentLoader((u) => (u === url('/ob3/issuers/1') ? issuer : undefined));
  };

  it('the credential and the status list verify with jsonld-signatures over the served issuer document', async () => {
    const loader = await served();
    for (const p of ['/ob3/credentials/ob3-ada-di', '/ob3/status/1']) {
      const doc = await (await fetch(url(p))).json();
      const r = await verifyDataIntegrity(doc, loader);
      expect({ p, verified: r.verified }).toEqual({ p, verified: true });
    }
  });

  it('a tampered credential does not verify', async () => {
    const doc = await (await fetch(url('/ob3/credentials/ob3-ada-di'))).json();
    doc.name = 'Something else';
    expect((await verifyDataIntegrity(doc, await served())).verified).toBe(false);
  });

  it('the engine verifies it, its key bound by the issuer document', async () => {
    const r = await run(await (await fetch(url('/ob3/credentials/ob3-ada-di'))).text());
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(outcome(r, 'signature')).toBe('pass');
    expect(outcome(r, 'issuer-key')).toBe('pass');
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
  });

  it('the engine fails a tampered copy', async () => {
    const doc = await (await fetch(url('/ob3/credentials/ob3-ada-di'))).json();
    doc.name = 'Something else';
    const r = await run(JSON.stringify(doc));
    expect(outcome(r, 'signature')).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });
});
