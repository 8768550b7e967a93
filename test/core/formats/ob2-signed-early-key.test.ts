/**
 * OB 2.0 signed: the key the assertion names is fetched and checked while the badge class and the
 * issuer's profile are read (ob2-signed.ts EarlyKey), and what the profile says still decides.
 */
import { describe, expect, it } from 'vitest';
import { exportSPKI, generateKeyPair } from 'jose';
import { verify } from '../../../src/core/verify/pipeline.ts';
import type { Fetch } from '../../../src/core/verify/context.ts';
import { assertion, BADGE, CTX, ISSUER, KEY, makeIssuer, NOW, signJws } from './ob2-fixtures.ts';

/** Holds every answer until `release()`; records the order requests were made in. */
function gated(inner: Fetch) {
  const started: string[] = [];
  const waiting: (() => void)[] = [];
  let open = false;
  const fetch: Fetch = (url, init) => {
    started.push(url);
    if (open) return inner(url, init);
    return new Promise<void>((r) => waiting.push(r)).then(() => inner(url, init));
  };
  return { fetch, started, release: () => ((open = true), waiting.splice(0).forEach((r) => r())) };
}

describe('OB 2.0 signed: the named key fetched early', () => {
  it('asks for the key before the badge class answers, and still verifies', async () => {
    const { web, privateKey } = await makeIssuer();
    const g = gated(web.fetch);
    const pending = verify(await signJws(await assertion(), privateKey), { fetch: g.fetch, now: NOW, identities: ['ada@example.org'] });
    await new Promise((r) => setTimeout(r, 20));
    // Before any document was answered: the badge class and the key are both asked for.
    expect(g.started).toEqual(expect.arrayContaining([BADGE, KEY]));
    expect(g.started).not.toContain(ISSUER);
    g.release();
    const r = await pending;
    expect(r.verdict, JSON.stringify(r.checks)).toBe('valid');
    expect(r.checks.find((c) => c.id === 'issuer-key')?.outcome).toBe('pass');
  });

  it('checks with the key the hosted profile embeds, not the one served at its URL', async () => {
    const { web, privateKey, pem } = await makeIssuer();
    // The profile embeds the issuer's key; the URL serves another (rogue) key.
    const rogue = await generateKeyPair('RS256', { extractable: true });
    web.json(KEY, { '@context': CTX, type: 'CryptographicKey', id: KEY, owner: ISSUER, publicKeyPem: await exportSPKI(rogue.publicKey) });
    web.json(ISSUER, { '@context': CTX, type: 'Issuer', id: ISSUER, name: 'Test Issuer', url: 'https://issuer.test', email: 'badges@issuer.test', publicKey: [{ id: KEY, type: 'CryptographicKey', owner: ISSUER, publicKeyPem: pem }] });
    const genuine = await verify(await signJws(await assertion(), privateKey), { fetch: web.fetch, now: NOW });
    expect(genuine.checks.find((c) => c.id === 'signature')?.outcome, JSON.stringify(genuine.checks)).toBe('pass');
    const byRogue = await verify(await signJws(await assertion(), rogue.privateKey), { fetch: web.fetch, now: NOW });
    expect(byRogue.checks.find((c) => c.id === 'signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
    expect(byRogue.verdict).toBe('invalid');
  });

  it('a key checked early decides nothing when the issuer cannot be read', async () => {
    const { web, privateKey } = await makeIssuer();
    const g = gated(async (url, init) => (url === ISSUER ? new Response('gone', { status: 404 }) : web.fetch(url, init)));
    g.release();
    const r = await verify(await signJws(await assertion(), privateKey), { fetch: g.fetch, now: NOW });
    expect(r.checks.find((c) => c.id === 'signature')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_NO_KEY' });
    expect(r.checks.find((c) => c.id === 'issuer-key')?.outcome).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });
});
