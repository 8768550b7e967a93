/** When a badge keeps its last complete result (last-complete.ts), and what the fetch log counts (network-log.ts). */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/core/result.ts';
import { keepLastComplete } from '../../src/background/services/last-complete.ts';
import { createNetworkLog, loggingFetch, unreachable, type NetworkLog } from '../../src/background/services/network-log.ts';
import type { BadgeRecord, FullBadge } from '../../src/platform/records.ts';

const NOW = new Date('2026-12-05T12:00:00Z');
const pass = (id: Check['id']): Check => ({ id, outcome: 'pass', message: `${id} ok` });
const VALID: Check[] = [pass('parse'), pass('structure'), pass('signature'), pass('issuer-key'), { id: 'hosted', outcome: 'skipped', message: 'signed' }, { id: 'validity', outcome: 'pass', message: 'Valid until 2027-01-01T00:00:00.000Z' }, pass('revocation')];
const OFFLINE: Check[] = [pass('parse'), pass('structure'), { id: 'signature', outcome: 'indeterminate', code: 'ERR_NO_KEY', message: 'No key of the issuer to check the signature with' }, { id: 'issuer-key', outcome: 'indeterminate', code: 'ERR_ISSUER_UNRESOLVED', message: 'The issuer profile could not be fetched' }, { id: 'validity', outcome: 'pass', message: 'Valid until 2027-01-01T00:00:00.000Z' }, { id: 'revocation', outcome: 'indeterminate', code: 'ERR_ISSUER_UNRESOLVED', message: 'The issuer profile, which names the revocation list, could not be fetched' }];

function record(over: Partial<BadgeRecord> = {}): BadgeRecord {
  return {
    key: 'local|id:x', accountId: 'local', sourceId: 'id:x', original: { kind: 'png' }, contentHash: 'c1', format: 'ob2.0-signed',
    meta: { name: 'B', tags: [], evidence: [], alignments: [], claimedRecipients: [], expires: '2027-01-01T00:00:00Z' },
    verdict: 'valid', checks: VALID, recipient: null, recipientKey: '', pending: false, identitiesHash: 'i1', addedAt: '2026-01-01T00:00:00.000Z', verifiedAt: '2026-12-01T00:00:00.000Z',
    ...over,
  };
}
const fresh = (over: Partial<BadgeRecord> = {}): FullBadge => ({ record: record({ verdict: 'indeterminate', checks: OFFLINE, verifiedAt: NOW.toISOString(), ...over }), original: { key: 'local|id:x', bytes: new Uint8Array([1]) } });
const offline = (): NetworkLog => ({ answered: 0, unreached: [{ url: 'https://issuer.example/profile', at: NOW.toISOString() }] });

describe('keepLastComplete', () => {
  it('keeps a valid result when nothing answered and something could not be reached', () => {
    const out = keepLastComplete(record(), fresh(), offline(), NOW);
    expect(out.record).toMatchObject({ verdict: 'valid', checks: VALID, verifiedAt: '2026-12-01T00:00:00.000Z', unreachable: { at: NOW.toISOString(), hosts: ['issuer.example'] } });
    expect(out.original.bytes).toEqual(new Uint8Array([1]));
  });

  it('keeps an invalid result the same way (a revocation does not fade into "not fully verified")', () => {
    const revoked = VALID.map((c): Check => (c.id === 'revocation' ? { id: 'revocation', outcome: 'fail', code: 'ERR_REVOKED', message: 'Revoked' } : c));
    expect(keepLastComplete(record({ verdict: 'invalid', checks: revoked }), fresh(), offline(), NOW).record).toMatchObject({ verdict: 'invalid', checks: revoked, unreachable: { hosts: ['issuer.example'] } });
    // Not yet valid when last read, the credential unread now: it stays so (never valid without reading it).
    const early = VALID.map((c): Check => (c.id === 'validity' ? { id: 'validity', outcome: 'fail', code: 'ERR_NOT_YET_VALID', message: 'Not valid until 2027-01-01T00:00:00.000Z' } : c));
    const unread = OFFLINE.map((c): Check => (c.id === 'validity' ? { id: 'validity', outcome: 'skipped', message: 'not read' } : c));
    expect(keepLastComplete(record({ verdict: 'invalid', checks: early }), fresh({ checks: unread }), offline(), NOW).record).toMatchObject({ verdict: 'invalid', checks: early });
  });

  it('checks the expiry now: from the credential when the engine read it, else from the expiry last read', () => {
    const expired = { id: 'validity', outcome: 'fail', code: 'ERR_EXPIRED', message: 'Expired on 2026-12-01T00:00:00.000Z' } as const;
    // The engine read the credential and found it expired: a fail, so the new result stands.
    expect(keepLastComplete(record(), fresh({ verdict: 'invalid', checks: OFFLINE.map((c) => (c.id === 'validity' ? expired : c)) }), offline(), NOW).record.verdict).toBe('invalid');
    // It could not read it (a hosted badge whose copy is unreachable): the expiry last read, now past.
    const skipped = OFFLINE.map((c): Check => (c.id === 'validity' ? { id: 'validity', outcome: 'skipped', message: 'not read' } : c));
    const out = keepLastComplete(record({ meta: { ...record().meta, expires: '2026-12-04T00:00:00Z' } }), fresh({ checks: skipped }), offline(), NOW).record;
    expect(out.verdict).toBe('invalid');
    expect(out.checks.find((c) => c.id === 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    // An expiry it cannot read: it cannot tell, so the new result stands.
    expect(keepLastComplete(record({ meta: { ...record().meta, expires: 'soon' } }), fresh({ checks: skipped }), offline(), NOW).record.verdict).toBe('indeterminate');
  });

  it('replaces it otherwise: something answered, nothing unreached, another input or other addresses, a previous result not valid', () => {
    const cases: [BadgeRecord, FullBadge, NetworkLog][] = [
      [record(), fresh(), { ...offline(), answered: 1 }],
      [record(), fresh(), createNetworkLog()],
      [record(), fresh({ contentHash: 'c2' }), offline()],
      [record(), fresh({ identitiesHash: 'i2' }), offline()],
      [record({ verdict: 'indeterminate' }), fresh(), offline()],
    ];
    for (const [prev, next, log] of cases) expect(keepLastComplete(prev, next, log, NOW)).toBe(next);
    expect(keepLastComplete(undefined, fresh(), offline(), NOW).record.verdict).toBe('indeterminate');
  });
});

describe('keepLastComplete, some documents answered and some not', () => {
  const PROFILE = 'https://issuer.example/profile';
  const partial = (): NetworkLog => ({ answered: 2, unreached: [{ url: PROFILE, at: NOW.toISOString() }] });
  const hosted = (outcome: Check['outcome'] = 'pass'): Check[] => VALID.map((c): Check => (c.id === 'hosted' ? { id: 'hosted', outcome, message: 'hosted' } : c));
  const unreadIssuer: Check = { id: 'hosted', outcome: 'indeterminate', code: 'ERR_ISSUER_UNRESOLVED', message: `The issuer could not be read: ${PROFILE} answered HTTP 503` };
  const now = (checks: Check[]): FullBadge => fresh({ checks: hosted().map((c) => checks.find((x) => x.id === c.id) ?? c) });

  it('keeps the last complete outcome of a check left indeterminate by a document it names that could not be reached', () => {
    const out = keepLastComplete(record({ checks: hosted() }), now([unreadIssuer]), partial(), NOW).record;
    expect(out).toMatchObject({ verdict: 'valid', verifiedAt: '2026-12-01T00:00:00.000Z', unreachable: { at: NOW.toISOString(), hosts: ['issuer.example'] } });
    expect(out.checks.find((c) => c.id === 'hosted')).toMatchObject({ outcome: 'pass' });
  });

  it('a new failure always wins, and a check left indeterminate for another reason (or a document that answered) is not papered over', () => {
    const revoked: Check = { id: 'revocation', outcome: 'fail', code: 'ERR_REVOKED', message: 'Revoked' };
    const invalid = fresh({ verdict: 'invalid', checks: hosted().map((c) => (c.id === 'hosted' ? unreadIssuer : c.id === 'revocation' ? revoked : c)) });
    expect(keepLastComplete(record({ checks: hosted() }), invalid, partial(), NOW)).toBe(invalid);
    // The issuer answered, and its profile no longer lists the key: no unreached URL named.
    const unlisted = now([{ id: 'issuer-key', outcome: 'indeterminate', code: 'ERR_ISSUER_UNRESOLVED', message: 'The issuer profile at https://issuer.example/other does not list the key' }]);
    expect(keepLastComplete(record({ checks: hosted() }), unlisted, partial(), NOW)).toBe(unlisted);
    // Kept for the issuer, but another check still undecided for its own reason: the new result stands whole.
    const both = now([unreadIssuer, { id: 'signature', outcome: 'indeterminate', code: 'ERR_UNSUPPORTED', message: 'bbs-2023 is not checked' }]);
    expect(keepLastComplete(record({ checks: hosted() }), both, partial(), NOW)).toBe(both);
    // A shortened URL is not a match.
    const cut = now([{ ...unreadIssuer, message: 'The issuer could not be read: https://issuer.example/pro… answered HTTP 503' }]);
    expect(keepLastComplete(record({ checks: hosted() }), cut, partial(), NOW)).toBe(cut);
  });

  it('a revocation found earlier stays when its list cannot be reached now, and the expiry is checked now', () => {
    const revoked = hosted().map((c): Check => (c.id === 'revocation' ? { id: 'revocation', outcome: 'fail', code: 'ERR_REVOKED', message: 'Revoked' } : c));
    const unreadList: Check = { id: 'revocation', outcome: 'indeterminate', code: 'ERR_STATUS_UNAVAILABLE', message: `The revocation list could not be read: ${PROFILE} answered HTTP 503` };
    expect(keepLastComplete(record({ verdict: 'invalid', checks: revoked }), now([unreadList]), partial(), NOW).record).toMatchObject({ verdict: 'invalid', checks: revoked });
    const skipped: Check = { id: 'validity', outcome: 'skipped', message: 'not read' };
    const out = keepLastComplete(record({ checks: hosted(), meta: { ...record().meta, expires: '2026-12-04T00:00:00Z' } }), now([unreadIssuer, skipped]), partial(), NOW).record;
    expect(out.verdict).toBe('invalid');
    expect(out.checks.find((c) => c.id === 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
  });
});

describe('loggingFetch', () => {
  it('counts 5xx, 408, 429, requests marked unreachable and requests still waiting at the end as unreached; any other answer or refusal as answered', async () => {
    const log = createNetworkLog();
    const answers: Record<string, () => Promise<Response>> = {
      '/ok': async () => new Response('{}'),
      '/gone': async () => new Response('', { status: 404 }),
      '/down': async () => new Response('', { status: 503 }),
      '/busy': async () => new Response('', { status: 429 }),
      '/offline': async () => Promise.reject(unreachable(new TypeError('Failed to fetch'))),
      '/refused': async () => Promise.reject(new TypeError('redirected to another site: not followed')),
      '/hangs': () => new Promise<Response>(() => undefined),
    };
    const { fetch, settle } = loggingFetch(async (u) => answers[new URL(u).pathname]!(), log, () => NOW);
    await Promise.allSettled(['/ok', '/gone', '/down', '/busy', '/offline', '/refused'].map((p) => fetch(`https://i.example${p}`)));
    void fetch('https://i.example/hangs');
    settle();
    expect(log.answered).toBe(3);
    expect(log.unreached.map((u) => new URL(u.url).pathname).sort()).toEqual(['/busy', '/down', '/hangs', '/offline']);
  });
});
