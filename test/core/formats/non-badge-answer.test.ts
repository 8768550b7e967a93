/**
 * A server that answers a fetched document with HTTP 200 and JSON that is no badge document at all
 * (an API gateway's `{"error": "rate limited"}`, `{}`, `[]`, `null`, `"maintenance"`) says nothing of
 * the badge: the check that needed it is `indeterminate`, never `invalid` (non-badge-answer.ts).
 * So is an error object that carries a common key but not what makes a document of the kind one
 * (`{"name":"Error","message":…}`, RFC 9457 problem details with their `type`). A document that is a
 * badge document but another or malformed keeps failing, and a pasted link that serves no badge is
 * still "no badge data" (no-badge-data.ts).
 */
import { describe, expect, it } from 'vitest';
import { noBadgeData } from '../../../src/background/services/no-badge-data.ts';
import { notBadgeDocument, type BadgeDocumentKind } from '../../../src/core/formats/non-badge-answer.ts';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { buildPng, text } from '../input/png-builder.ts';
import { assertion, BADGE, CTX, ISSUER, makeIssuer, NOW, sha256Identity } from './ob2-fixtures.ts';

const HOSTED = 'https://issuer.test/assertions/7.json';
const hosted = (overrides: Record<string, unknown> = {}) => assertion({ id: HOSTED, verification: { type: 'HostedBadge' }, ...overrides });

/** What gateways and CDNs answer with 200 in place of a document. */
const ANSWERS: Record<string, unknown> = {
  'an error object': { error: 'rate limited' },
  'a message object': { message: 'Internal error' },
  'an empty object': {},
  'an empty list': [],
  null: null,
  'a string': 'maintenance',
  // Error objects with a key a badge document has too (review of 23d25e3).
  'a framework\'s error with a name': { name: 'Error', message: 'Service Unavailable' },
  'RFC 9457 problem details with a type': { type: 'about:blank', title: 'Too Many Requests', status: 429 },
  'a status/code error with a description': { status: 'error', code: 503, description: 'Upstream unavailable' },
  'an error with a request id': { id: 'req-123', error: 'timeout' },
};

const outcome = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id)?.outcome;
const message = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id)?.message ?? '';
const show = (r: VerifyResult) => JSON.stringify(r.checks.filter((c) => c.outcome !== 'pass'));

describe('notBadgeDocument', () => {
  const KINDS: BadgeDocumentKind[] = ['Assertion', 'BadgeClass', 'Profile'];
  it.each(KINDS)('names each gateway answer as no %s document', (kind) => {
    for (const [name, json] of Object.entries(ANSWERS)) expect(notBadgeDocument(json, kind), name).toMatch(/^the server answered something that is not a badge document: /);
  });

  it.each([
    ['Assertion', ['type', '@context', 'id', 'uid', 'recipient', 'badge', 'verify', 'verification', 'issuedOn', 'revoked']],
    ['BadgeClass', ['type', '@context', 'id', 'name', 'criteria', 'issuer', 'image', 'description']],
    ['Profile', ['type', '@context', 'id', 'name', 'url', 'email', 'publicKey']],
  ] as const)('reads any %s that has one of its fields and no error member as one, to be judged as one', (kind, keys) => {
    for (const k of keys) expect(notBadgeDocument({ [k]: 5 }, kind), k).toBeUndefined();
  });

  /** Each member that makes an answer speak as a server's error (RFC 9457 §3.1 for title+status). */
  const ERRORS: Record<string, unknown>[] = [
    { error: 'x' }, { errors: [] }, { message: 'x' }, { msg: 'x' }, { detail: 'x' }, { title: 'x', status: 'x' },
    { status: 503 }, { status: '429' }, { status: 'error' }, { status: 'FAIL' }, { code: 500 }, { code: ' 404 ' }, { code: 'error' },
  ];
  it.each([
    ['Assertion', ['type', '@context', 'id', '@id', 'uid', 'issuedOn']],
    ['BadgeClass', ['type', '@context', 'id', 'name', 'criteria', 'issuer', 'image', 'description']],
    ['Profile', ['type', '@context', 'id', 'name', 'url', 'email', 'publicKey']],
  ] as const)('names an error answer carrying a common %s field, without what makes one, as no document', (kind, keys) => {
    for (const k of keys) for (const e of ERRORS) expect(notBadgeDocument({ [k]: 'x', ...e }, kind), `${k} ${JSON.stringify(e)}`).toMatch(/an error answer without what makes/);
  });

  it.each([
    ['Assertion', [{ recipient: {} }, { badge: 'x' }, { verification: {} }, { verify: {} }, { id: 'x', revoked: true }]],
    ['BadgeClass', [{ name: 'x', criteria: 'x' }, { name: 'x', issuer: 'x' }]],
    ['Profile', [{ name: 'x', url: 'x' }, { name: 'x', email: 'x' }, { name: 'x', id: 'x' }, { name: 'x', '@id': 'x' }]],
  ] as const)('reads a %s with what makes one as one, whatever error member it also carries', (kind, owns) => {
    for (const own of owns) for (const e of ERRORS) expect(notBadgeDocument({ ...own, ...e }, kind), `${JSON.stringify(own)} ${JSON.stringify(e)}`).toBeUndefined();
  });

  it('takes a status or code that is no HTTP status nor "error"/"fail" for a field, not an error', () => {
    for (const e of [{ status: 'active' }, { status: 99 }, { status: 600 }, { status: 503.5 }, { code: 'ABC123' }, { code: '5030' }, { code: true }, { title: 'x' }]) {
      expect(notBadgeDocument({ id: 'x', ...e }, 'Assertion'), JSON.stringify(e)).toBeUndefined();
    }
  });

  it('does not take one kind\'s fields for another\'s', () => {
    expect(notBadgeDocument({ recipient: {} }, 'Profile')).toBeDefined();
    expect(notBadgeDocument({ url: 'https://x.test' }, 'Assertion')).toBeDefined();
  });

  it('echoes a long answer only in part', () => {
    expect(notBadgeDocument({ error: 'x'.repeat(500) }, 'Assertion')!.length).toBeLessThan(300);
  });
});

describe('a gateway answering in place of a document leaves the badge indeterminate', () => {
  it.each(Object.keys(ANSWERS))('the hosted assertion at its id: %s', async (name) => {
    const { web } = await makeIssuer();
    web.json(HOSTED, ANSWERS[name]);
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(outcome(r, 'hosted')).toBe('indeterminate');
    if (typeof ANSWERS[name] === 'object' && ANSWERS[name] !== null && !Array.isArray(ANSWERS[name])) expect(message(r, 'hosted')).toContain('not a badge document');
  });

  it.each(Object.keys(ANSWERS))('the badge class of a hosted badge: %s', async (name) => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted()).json(BADGE, ANSWERS[name]);
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(outcome(r, 'structure')).toBe('pass');
    expect(outcome(r, 'hosted')).toBe('indeterminate');
  });

  it.each(Object.keys(ANSWERS))('the issuer profile of a hosted badge: %s', async (name) => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted()).json(ISSUER, ANSWERS[name]);
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(outcome(r, 'structure')).toBe('pass');
    expect(outcome(r, 'hosted')).toBe('indeterminate');
  });

  it('the hosted badge verifies when every document answers (the tests above change one document only)', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted());
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, show(r)).toBe('valid');
  });

  it('a badge class and an issuer profile that carry a message field are judged as such: the badge verifies', async () => {
    const { web } = await makeIssuer();
    const bc = { '@context': CTX, type: 'BadgeClass', id: BADGE, name: 'Safe Lifting', description: 'Lifts safely', image: 'https://issuer.test/b.png', criteria: 'https://issuer.test/criteria', issuer: ISSUER, message: 'Congratulations!' };
    const iss = { '@context': CTX, type: 'Issuer', id: ISSUER, name: 'Test Issuer', url: 'https://issuer.test', email: 'badges@issuer.test', message: 'Welcome', status: 200 };
    web.json(HOSTED, await hosted()).json(BADGE, bc).json(ISSUER, iss);
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, show(r)).toBe('valid');
    expect(r.badge?.name).toBe('Safe Lifting');
  });

  it('says what the server answered', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted()).json(BADGE, { error: 'rate limited' });
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(message(r, 'hosted')).toContain(`${BADGE}: the server answered something that is not a badge document: an object with none of the fields of a badge class ({"error":"rate limited"})`);
  });

  it.each(Object.keys(ANSWERS))('the URL a baked PNG holds: %s', async (name) => {
    const web = new FakeWeb().json(HOSTED, ANSWERS[name]);
    const r = await verify(buildPng(text('openbadges', HOSTED)), { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(outcome(r, 'hosted')).toBe('indeterminate');
    expect(noBadgeData(r)).toBeUndefined();
  });
});

describe('what is still refused or forged', () => {
  it.each(['an error object', 'an empty object'])('a pasted link answering %s is no badge data, as before', async (name) => {
    const web = new FakeWeb().json(HOSTED, ANSWERS[name]);
    const r = await verify(HOSTED, { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(noBadgeData(r)?.id).toBe('structure');
  });

  // With an error member, a document is one by what makes it one (a badge here): not by its id alone.
  it('a hosted copy that is a badge document with malformed fields fails its structure', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, { id: HOSTED, badge: BADGE, error: 'rate limited' });
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(outcome(r, 'structure')).toBe('fail');
  });

  it('a badge class that is a badge document with malformed fields fails its structure', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted()).json(BADGE, { '@context': CTX, type: 'BadgeClass', id: BADGE, name: 5, criteria: 'https://issuer.test/criteria', issuer: ISSUER, error: 'x' });
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(outcome(r, 'structure')).toBe('fail');
  });

  it('an issuer profile that is a badge document with malformed fields fails its structure', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted()).json(ISSUER, { '@context': CTX, type: 'Issuer', id: ISSUER, name: 5, url: 'x', message: 'x' });
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(outcome(r, 'structure')).toBe('fail');
  });

  it('a forged badge whose id the issuer\'s server answers with another earner\'s assertion is invalid for its holder', async () => {
    const { web } = await makeIssuer();
    web.json(HOSTED, await hosted({ recipient: { type: 'email', hashed: true, salt: 'pepper', identity: await sha256Identity('bob@example.org', 'pepper') } }));
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, show(r)).toBe('invalid');
    expect(outcome(r, 'recipient')).toBe('fail');
  });

  it('a forged badge hosted off its issuer\'s site, whose issuer answers, is invalid', async () => {
    const { web } = await makeIssuer();
    const forged = 'https://forger.test/assertions/7.json';
    web.json(forged, await hosted({ id: forged }));
    const r = await verify(forged, { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, show(r)).toBe('invalid');
    expect(outcome(r, 'hosted')).toBe('fail');
  });

  it('a forged badge whose id the issuer\'s server answers 404 is not valid (unconfirmed, as before)', async () => {
    const { web } = await makeIssuer();
    web.status(HOSTED, 404);
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW, identities: ['ada@example.org'] });
    expect(r.verdict, show(r)).toBe('indeterminate');
    expect(outcome(r, 'hosted')).toBe('indeterminate');
  });

  // OB 2.0 §Assertion revoked: "only revoked property and id are required" once revoked; a server
  // that answers 200 with the bare `{"revoked": true, "revocationReason": …}` has revoked it all the
  // same: the issuer's word on the badge, not a gateway's (it was revoked before non-badge-answer.ts).
  it.each([{ revoked: true }, { revoked: true, revocationReason: 'Issued in error' }, { id: HOSTED, revoked: true, message: 'This badge was revoked' }])('a hosted copy answering %j is revoked', async (body) => {
    const { web } = await makeIssuer();
    web.json(HOSTED, body);
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(r.verdict, show(r)).toBe('invalid');
    expect(outcome(r, 'revocation')).toBe('fail');
  });

  it('a hosted assertion answering 410 Gone is revoked', async () => {
    const { web } = await makeIssuer();
    web.status(HOSTED, 410);
    const r = await verify(JSON.stringify(await hosted()), { fetch: web.fetch, now: NOW });
    expect(r.verdict).toBe('invalid');
    expect(outcome(r, 'revocation')).toBe('fail');
  });
});
