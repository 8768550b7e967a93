/**
 * A badge read again keeps no narrative its new reading lacks. The record's last meta is the
 * fallback of the next reading (badge-verify.ts reverify, library.ts): a narrative an earlier copy
 * carried stayed when the badge was read again without one. So a pasted copy of GDG Alicante's
 * hosted assertion with a narrative written in (OB 2.0 §HostedBadge: only the issuer's copy counts),
 * added while the issuer's site was out of reach, kept that narrative once checked against the
 * issuer's copy, now valid, beside its verdict.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaOf } from '../../src/background/services/badge-record.ts';
import type { Fetch } from '../../src/core/verify/context.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { offlineFetch, REAL } from '../support/real-fixtures.ts';

const SITE = { prefix: 'https://gdg-alicante.github.io/', dir: path.join(REAL, 'hosts/gdg-alicante.github.io') };
const ALCOY = 'https://gdg-alicante.github.io/open-badges/badges/gsoc-2026-alcoy/03f1471f-ff1f-4a68-ab72-9cbaaa8ea464.json';
const now = new Date('2026-12-06T00:00:00Z');
const json = async (url: string) => JSON.parse(await (await offlineFetch([SITE])(url)).text()) as Record<string, unknown>;

describe('a narrative is what the latest reading of the badge says', () => {
  it("a forged narrative pasted in while the issuer was out of reach is gone once the issuer's copy (none) is read", async () => {
    const issuers = { ...(await json(ALCOY)) };
    delete issuers.narrative; // the issuer's copy says nothing of what its earner did
    const site = offlineFetch([SITE]);
    const served: Fetch = async (url, init) => (url === ALCOY ? new Response(JSON.stringify(issuers), { headers: { 'content-type': 'application/json' } }) : site(url, init));
    const pasted = JSON.stringify({ ...issuers, narrative: 'Won [first prize](https://mallory.example/prize).' });
    const offline = await verify(pasted, { fetch: offlineFetch(), now, identities: [] });
    expect(offline.verdict).toBe('indeterminate');
    const before = metaOf(offline.badge);
    expect(before.narrative).toContain('first prize');
    const online = await verify(pasted, { fetch: served, now, identities: [] });
    expect(online.verdict).toBe('valid');
    expect(online.badge?.narrative).toBeUndefined();
    expect(metaOf(online.badge, before).narrative).toBeUndefined();
  });

  it("nor results or a kind of achievement an earlier copy said (a forged copy the genuine one replaced)", () => {
    const genuine = { ...metaOf(null), name: 'Teamwork' };
    const forged = { ...genuine, narrative: 'Top of the class', results: [{ name: 'Grade', value: 'A+' }], achievementType: 'Doctorate' };
    const badge = { name: 'Teamwork', issuer: {}, recipients: [], evidence: [], alignments: [], tags: [] } as unknown as Parameters<typeof metaOf>[0];
    const meta = metaOf(badge, forged);
    expect([meta.narrative, meta.results, meta.achievementType]).toEqual([undefined, undefined, undefined]);
  });

  it("nor an issuer's e-mail or an expiry date the genuine copy does not give", () => {
    const forged = { ...metaOf(null), name: 'Teamwork', issuerEmail: 'registrar@mallory.example', expires: '2099-01-01T00:00:00Z' };
    const badge = { name: 'Teamwork', issuer: {}, recipients: [], evidence: [], alignments: [], tags: [] } as unknown as Parameters<typeof metaOf>[0];
    const meta = metaOf(badge, forged);
    expect([meta.issuerEmail, meta.expires]).toEqual([undefined, undefined]);
    // A reading that gives them shows its own.
    const read = { ...(badge as object), issuer: { email: 'badges@issuer.example' }, expires: '2030-01-01T00:00:00Z' } as unknown as Parameters<typeof metaOf>[0];
    expect([metaOf(read, forged).issuerEmail, metaOf(read, forged).expires]).toEqual(['badges@issuer.example', '2030-01-01T00:00:00Z']);
  });

  it("nor credits, a field of study or a specialization an earlier copy said", () => {
    const forged = { ...metaOf(null), name: 'Teamwork', creditsEarned: 240, creditsAvailable: 240, fieldOfStudy: 'Medicine', specialization: 'Surgery', results: [{ name: 'Grade', status: 'Completed' as const }] };
    const badge = { name: 'Teamwork', issuer: {}, recipients: [], evidence: [], alignments: [], tags: [] } as unknown as Parameters<typeof metaOf>[0];
    const meta = metaOf(badge, forged);
    expect([meta.creditsEarned, meta.creditsAvailable, meta.fieldOfStudy, meta.specialization, meta.results]).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const read = { ...(badge as object), creditsEarned: 3, fieldOfStudy: 'Biology', results: [{ level: 'Mastery' }] } as unknown as Parameters<typeof metaOf>[0];
    expect(metaOf(read, forged)).toMatchObject({ creditsEarned: 3, fieldOfStudy: 'Biology', results: [{ level: 'Mastery' }] });
    expect(metaOf(read, forged).specialization).toBeUndefined();
  });

  it("nor criteria an earlier copy said, when the genuine copy gives none", () => {
    const forged = { ...metaOf(null), name: 'Teamwork', criteria: { url: 'https://mallory.example/criteria', narrative: 'Paid the fee' } };
    const badge = { name: 'Teamwork', issuer: {}, recipients: [], evidence: [], alignments: [], tags: [] } as unknown as Parameters<typeof metaOf>[0];
    expect(metaOf(badge, forged).criteria).toBeUndefined();
    // A revoked OB 2.0 stub names nothing: what the provider said stays, criteria with the name.
    const stub = { ...(badge as object), name: '' } as unknown as Parameters<typeof metaOf>[0];
    expect(metaOf(stub, forged).criteria).toEqual({ url: 'https://mallory.example/criteria', narrative: 'Paid the fee' });
  });

  it('a badge that cannot be read at all keeps what was stored', () => {
    expect(metaOf(null, { name: 'Robotics', narrative: 'Led the team' }).narrative).toBe('Led the team');
  });
});
