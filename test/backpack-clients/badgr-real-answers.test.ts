/**
 * BadgrClient and the Badgr provider over answers api.badgr.io really sent (recorded in September
 * 2019 by a Badgr client's tests: test/fixtures/real/badgr-lite-vcr, provenance in
 * test/fixtures/README.md), each served with the headers it came with (`application/ld+json` for the
 * v2 API), through the client's injected fetch.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { assess } from '../../src/background/services/badge-record.ts';
import { badgrItem } from '../../src/background/services/providers/badgr.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { matchRecipient } from '../../src/core/verify/recipient-match.ts';

const DIR = path.join(import.meta.dirname, '../fixtures/real/badgr-lite-vcr');
const answer = (name: string): string => readFileSync(path.join(DIR, name), 'utf8');
const BASE = 'https://api.badgr.io';
const NOW = Date.parse('2019-09-13T01:45:42Z');

/** One recorded answer for every request; the requests are kept. */
function replay(body: string, status: number, contentType: string) {
  const seen: { url: string; method: string; body: string }[] = [];
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    seen.push({ url, method: init?.method ?? 'GET', body: typeof init?.body === 'string' ? init.body : '' });
    return new Response(body, { status, headers: { 'content-type': contentType } });
  };
  return { client: new BadgrClient({ fetch, apiBase: BASE, now: () => NOW }), seen };
}

const failure = async (p: Promise<unknown>): Promise<BackpackError> => {
  const e = await p.then(() => new Error('expected a failure'), (x: unknown) => x);
  if (!(e instanceof BackpackError)) throw e;
  return e;
};

describe('a real v2 Assertion (AssertionSerializerV2, the fields the backpack serializer shares)', () => {
  // The issuer API's answer to awarding a badge: `narrative: null`, `expires: null`, `extensions: {}`,
  // a hashed recipient with its salt and `plaintextIdentity`, the baked image on media.badgr.io. The
  // backpack's serializer (badgr-server apps/backpack/serializers_v2.py) sends these same fields, with
  // `acceptance` and `pending` besides; this answer has neither.
  const body = answer('award_badge.0.201.json');

  it('is read whole from an application/ld+json answer, nulls and all', async () => {
    const { client, seen } = replay(body, 200, 'application/ld+json');
    const [a, ...rest] = await client.assertions('token');
    expect(rest).toEqual([]);
    expect(seen[0]?.url).toMatch(/^https:\/\/api\.badgr\.io\/v2\/backpack\/assertions\?expand=badgeclass&expand=issuer&/);
    expect(a).toMatchObject({
      entityId: 'I4eaA9LARAaODuDaxt9DGQ',
      openBadgeId: 'https://api.badgr.io/public/assertions/I4eaA9LARAaODuDaxt9DGQ',
      badgeclass: '2TfNNqMLT8CoAhfGKqSv6Q',
      issuer: '5Dm1JnO_STiXQ26x5yD4Kg',
      image: 'https://media.badgr.io/uploads/badges/assertion-I4eaA9LARAaODuDaxt9DGQ.png',
      recipient: { identity: 'sha256$f7b985ae443db187ebd63de31166c71227efb6b204281c8dacf04989d9999892', hashed: true, type: 'email', plaintextIdentity: 'joe@example.com', salt: '8f0fe9817e4a46fd9189a3adcfdb0122' },
      issuedOn: '2019-09-17T23:54:17.697741Z',
      expires: null,
      revoked: false,
      revocationReason: null,
      pending: false,
    });
    // No `acceptance` in the answer: none is made up (the provider drops only an explicit "Rejected").
    expect(a).not.toHaveProperty('acceptance');
    expect(a!.raw).toMatchObject({ narrative: null, extensions: {}, evidence: [{ url: 'http://example.com/', narrative: 'Joe completed all...' }] });
  });

  it('becomes a sync item that verifies the public assertion, never the listing', async () => {
    const { client } = replay(body, 200, 'application/ld+json');
    const [a] = await client.assertions('token');
    const item = badgrItem(a!);
    expect(item).toMatchObject({ sourceId: 'I4eaA9LARAaODuDaxt9DGQ', url: 'https://api.badgr.io/public/assertions/I4eaA9LARAaODuDaxt9DGQ', bakedUrl: 'https://media.badgr.io/uploads/badges/assertion-I4eaA9LARAaODuDaxt9DGQ.png' });
    expect(item.fallback).toMatchObject({ publicUrl: 'https://api.badgr.io/public/assertions/I4eaA9LARAaODuDaxt9DGQ', issuedOn: '2019-09-17T23:54:17.697741Z' });
    expect(item.fallback).not.toHaveProperty('expires');
    // The recorded `plaintextIdentity` does not hash to `identity` with the salt (the recording was
    // edited): it is carried only as what the backpack says, used for a pending badge alone
    // (badge-record.ts assess; next test).
    expect(item.provider).toEqual({ listed: true, pending: false, address: 'joe@example.com' });
  });

  it("the listing's plaintextIdentity never makes the badge the user's: a failed recipient check stays unconfirmed, never valid", async () => {
    const { client } = replay(body, 200, 'application/ld+json');
    const [a] = await client.assertions('token');
    const item = badgrItem(a!);
    // What the engine says of the public assertion when none of the user's addresses hashes to its identity.
    const verified = {
      verdict: 'invalid',
      format: 'ob2-hosted',
      checks: [{ id: 'recipient', outcome: 'fail', message: 'Issued to someone else' }],
      recipient: null,
      badge: null,
      input: { kind: 'url' },
    } as unknown as VerifyResult;
    const out = await assess(matchRecipient, verified, [], item.provider);
    expect(out.recipient).toBeNull();
    expect(out.pending).toBe(false);
    expect(out.verdict).toBe('indeterminate');
    expect(out.checks.find((c) => c.id === 'recipient')).toMatchObject({ outcome: 'indeterminate', message: expect.stringMatching(/Lanyard does not know as yours/) });
  });

  it("a pending listing's plaintextIdentity names the badge's address only when the badge's own hashed identity matches it", async () => {
    const { client } = replay(body, 200, 'application/ld+json');
    const [a] = await client.assertions('token');
    const recipient = a!.recipient as { identity: string; salt: string };
    const failed = (identity: string, salt: string) => ({
      verdict: 'invalid', format: 'ob2-hosted', checks: [{ id: 'recipient', outcome: 'fail', message: 'Issued to someone else' }], recipient: null,
      badge: { recipients: [{ type: 'email', hashed: true, identity, salt }] }, input: { kind: 'url' },
    }) as unknown as VerifyResult;
    // The recording's plaintext does not hash to its identity: the backpack's word alone makes no address the badge's.
    const edited = await assess(matchRecipient, failed(recipient.identity, recipient.salt), [], { listed: true, pending: true, address: 'joe@example.com' });
    expect(edited.pending).toBe(false);
    expect(edited.recipient).toBeNull();
    expect(edited.checks.find((c) => c.id === 'recipient')?.message).not.toContain('joe@example.com');
    // The same listing whose identity is the salted hash of the plaintext: pending, issued to that address.
    const hash = createHash('sha256').update(`joe@example.com${recipient.salt}`).digest('hex');
    const genuine = await assess(matchRecipient, failed(`sha256$${hash}`, recipient.salt), [], { listed: true, pending: true, address: 'joe@example.com' });
    expect(genuine).toMatchObject({ pending: true, recipient: 'joe@example.com', verdict: 'indeterminate' });
  });
});

describe('real v2 errors: the {status, validationErrors, fieldErrors, result} envelope', () => {
  it('401 "no valid auth token found" is UNAUTHORIZED with Badgr\'s words', async () => {
    const { client } = replay(answer('expired_auth_token.0.401.json'), 401, 'application/ld+json');
    const e = await failure(client.assertions('expired'));
    expect(e.code).toBe(C.UNAUTHORIZED);
    expect(e.status).toBe(401);
    expect(e.message).toContain('no valid auth token found');
  });

  it('404 "entity not found or insufficient privileges" for one assertion is not a sign-in problem', async () => {
    const { client } = replay(answer('award_bad_badge_id.0.404.json'), 404, 'application/ld+json');
    const e = await failure(client.assertion('token', 'bad_badge_id'));
    expect(e.code).not.toBe(C.UNAUTHORIZED);
    expect(e.status).toBe(404);
    expect(e.message).toContain('entity not found or insufficient privileges');
  });

  it('400 with fieldErrors names the field', async () => {
    const { client } = replay(answer('award_badge_bad_data.0.400.json'), 400, 'application/ld+json');
    const e = await failure(client.importBadge('token', { url: 'https://api.badgr.io/public/assertions/I4eaA9LARAaODuDaxt9DGQ' }));
    expect(e.code).toBe(C.REJECTED);
    expect(e.message).toContain('recipient: This field is required');
  });

  it('a refusal in nonFieldErrors (Django REST framework\'s non_field_errors, camel-cased) is said, not only the envelope\'s "error"', async () => {
    const body = { status: { success: false, description: 'error' }, validationErrors: [], fieldErrors: {}, nonFieldErrors: ['This email address is already in use'], result: [] };
    const { client } = replay(JSON.stringify(body), 400, 'application/json');
    const e = await failure(client.importBadge('token', { url: 'https://api.badgr.io/public/assertions/I4eaA9LARAaODuDaxt9DGQ' }));
    expect(e.message).toContain('This email address is already in use');
  });
});

describe('real /o/token answers', () => {
  it('a refresh: Bearer, 24 hours, the new refresh token kept; the scope Badgr names is not believed, as the refresh asked for none (RFC 6749 §3.3, oauth.ts keptScope)', async () => {
    const { client, seen } = replay(answer('expired_auth_token.1.200.json'), 200, 'application/json');
    const t = await client.refresh('vK__sample_refresh_token__AlPZ');
    expect(seen[0]).toMatchObject({ url: 'https://api.badgr.io/o/token', method: 'POST' });
    expect(new URLSearchParams(seen[0]!.body).get('grant_type')).toBe('refresh_token');
    expect(t).toEqual({ accessToken: 'j6FqMvDJgEGzCaRpdC79ri147YdcXu', refreshToken: 'dldMujTSV3GZRr1tlzDyRFlw9oTI3X', tokenType: 'Bearer', scope: [], expiresAt: NOW + 86400_000, lifetimeMs: 86400_000 });
  });

  it('a refused refresh is HTTP 401 {"error": "invalid_grant"} (not RFC 6749\'s 400): the session has ended, sign in again', async () => {
    const { client } = replay(answer('no_valid_auth_token.1.401.json'), 401, 'application/json');
    const e = await failure(client.refresh('vK__sample_refresh_token__AlPZ'));
    expect(e.code).toBe(C.UNAUTHORIZED);
    expect(e.detail).toBe('invalid_grant');
    expect(e.message).toMatch(/sign in again/);
  });
});
