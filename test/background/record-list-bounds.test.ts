/**
 * Bound session 29: a badge's record kept every identity, evidence item, alignment and tag the
 * credential names, though no view shows more than a few (popup/badge/BadgeFacts.tsx MAX_LIST_ITEMS,
 * popup/display.ts's 50 tags, the first named and the first hashed identity). An issuer's badge naming
 * 70,000 identities stored ~6 MB of meta, read again by every `badges/list` and picker search. The record
 * now keeps what the views use, with the count the badge page says as "and N more"; the verification
 * (which reads the credential, the original kept as it came) and the recipient match (the engine's
 * badge, never the record: badge-record.ts assess) still see every one.
 */
import { describe, expect, it } from 'vitest';
import { assess, buildRecord, metaOf } from '../../src/background/services/badge-record.ts';
import { badgeDetail, badgeView } from '../../src/background/services/views.ts';
import { VIEW_LIST_MAX, VIEW_TAGS_MAX } from '../../src/background/services/view-text.ts';
import { MAX_LIST_ITEMS } from '../../src/popup/badge/BadgeFacts.tsx';
import type { Badge, RecipientIdentity } from '../../src/core/model.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';

const N = 70_000;
const identities = (): RecipientIdentity[] => [
  ...Array.from({ length: N }, (_, i) => ({ type: 'email', identity: `sha256$${i.toString(16).padStart(64, '0')}`, hashed: true, salt: `s${i}` })),
  { type: 'email', identity: 'named@example.org', hashed: false },
];
const hostile = (): Badge =>
  ({
    id: 'https://issuer.example/a/1', name: 'Many', issuer: { id: 'https://issuer.example/i', name: 'Issuer' }, format: 'ob2.0-hosted',
    recipients: identities(),
    evidence: Array.from({ length: 5000 }, (_, i) => ({ id: `https://issuer.example/e/${i}`, name: `Proof ${i}` })),
    alignments: Array.from({ length: 5000 }, (_, i) => ({ targetName: `Skill ${i}` })),
    tags: Array.from({ length: 10_000 }, (_, i) => `tag${i}`),
    endorsements: [],
  }) as unknown as Badge;

const size = (v: unknown): number => JSON.stringify(v).length;
const record = (meta: BadgeRecord['meta']): BadgeRecord =>
  ({ key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind: 'json' }, contentHash: 'h', format: 'ob2.0-hosted', verdict: 'valid', checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z', meta }) as BadgeRecord;

describe('a badge record keeps what the views show of its lists', () => {
  it('70,000 identities, 5,000 evidence items and alignments, 10,000 tags: the meta stays small (was ~6 MB)', () => {
    const meta = metaOf(hostile());
    expect(size(meta)).toBeLessThan(20_000);
    expect(meta.evidence).toHaveLength(VIEW_LIST_MAX);
    expect(meta.alignments).toHaveLength(VIEW_LIST_MAX);
    expect(meta.tags).toEqual(hostile().tags.slice(0, VIEW_TAGS_MAX));
    expect(meta).toMatchObject({ evidenceTotal: 5000, alignmentsTotal: 5000 });
  });

  it('the badge page shows the same: the first items, "and N more" with the whole count, the first named and hashed identity', () => {
    expect(VIEW_LIST_MAX).toBe(MAX_LIST_ITEMS);
    const whole = hostile();
    const shown = badgeDetail(record(metaOf(whole)), undefined, []);
    expect(shown.evidence.map((e) => e.name)).toEqual(whole.evidence.slice(0, MAX_LIST_ITEMS).map((e) => e.name));
    expect(shown.alignments.map((a) => a.targetName)).toEqual(whole.alignments.slice(0, MAX_LIST_ITEMS).map((a) => a.targetName));
    expect(shown).toMatchObject({ evidenceTotal: 5000, alignmentsTotal: 5000 });
    // BadgeFacts reads whether any identity is hashed and the first named one.
    expect(shown.claimedRecipients.some((r) => r.hashed)).toBe(true);
    expect(shown.claimedRecipients.find((r) => !r.hashed && r.identity)?.identity).toBe('named@example.org');
    expect(shown.claimedRecipients.length).toBeLessThanOrEqual(VIEW_LIST_MAX + 2);
    expect(badgeView(record(metaOf(whole)), []).tags).toEqual(whole.tags.slice(0, VIEW_TAGS_MAX));
  });

  it('a short badge is kept whole, with no count', () => {
    const b = { ...hostile(), recipients: identities().slice(N - 2), evidence: hostile().evidence.slice(0, 3), alignments: [], tags: ['a', 'b'] } as Badge;
    const meta = metaOf(b);
    expect(meta.claimedRecipients).toHaveLength(3);
    expect(meta.evidence).toHaveLength(3);
    expect(meta.tags).toEqual(['a', 'b']);
    expect('evidenceTotal' in meta || 'alignmentsTotal' in meta).toBe(false);
  });

  it('a record built again without the badge read keeps the stored count; one read again counts anew', () => {
    const first = metaOf(hostile());
    expect(metaOf(null, first)).toMatchObject({ evidenceTotal: 5000, alignmentsTotal: 5000, evidence: first.evidence });
    const fewer = metaOf({ ...hostile(), evidence: [], alignments: [{ targetName: 'one' }] } as unknown as Badge, first);
    expect(fewer.evidence).toEqual([]);
    expect(fewer.alignments).toHaveLength(1);
    expect('evidenceTotal' in fewer || 'alignmentsTotal' in fewer).toBe(false);
  });

  it('a record stored before the bound is cut in its views, its count said', () => {
    const whole = hostile();
    const old = record({ name: 'Old', tags: whole.tags, evidence: whole.evidence, alignments: whole.alignments, claimedRecipients: whole.recipients.map(({ type, identity, hashed }) => ({ type, identity, hashed })) });
    const shown = badgeDetail(old, undefined, []);
    expect(size(shown)).toBeLessThan(20_000);
    expect(shown).toMatchObject({ evidenceTotal: 5000, alignmentsTotal: 5000 });
    expect(shown.claimedRecipients.find((r) => !r.hashed && r.identity)?.identity).toBe('named@example.org');
  });

  it('verification keeps every identity: the record leaves the result and the original as they were, and the recipient match reads the result', async () => {
    const badge = hostile();
    const result = { verdict: 'invalid', format: 'ob2.0-hosted', checks: [{ id: 'recipient', outcome: 'fail', message: 'not yours' }], recipient: null, badge } as unknown as VerifyResult;
    const bytes = new TextEncoder().encode('{"kept":"as received"}');
    let seen = 0;
    const match = async (recipients: readonly RecipientIdentity[], addresses: readonly string[]) => {
      seen = recipients.length;
      return recipients.some((r) => !r.hashed && addresses.includes(r.identity)) ? 'named@example.org' : null;
    };
    const assessment = await assess(match, result, ['named@example.org']);
    expect(seen).toBe(N + 1);
    expect(assessment).toMatchObject({ recipient: 'named@example.org', pending: true });
    const full = buildRecord({ key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind: 'json', bytes }, contentHash: 'h', result, assessment, identitiesHash: 'i', now: new Date('2026-01-01T00:00:00Z') });
    expect(full.original.bytes).toBe(bytes);
    expect(badge.recipients).toHaveLength(N + 1);
    expect(badge.evidence).toHaveLength(5000);
    expect(badge.tags).toHaveLength(10_000);
    expect(full.record.meta.claimedRecipients.length).toBeLessThanOrEqual(VIEW_LIST_MAX + 2);
  });
});
