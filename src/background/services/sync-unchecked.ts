/**
 * The record a sync keeps for a badge it could not check (a bug, a document the engine chokes on, a
 * badge past its deadline): `indeterminate`, saying what went wrong, verified again at the next run.
 * A baked image already kept for the same content stays, with its content hash, so that the next run
 * may verify from it (it may not be downloadable again: sync-original.ts); without one the content
 * hash is left empty.
 */
import type { VerifyResult } from '../../core/result.ts';
import type { BadgeRecord, FullBadge, OriginalRecord } from '../../platform/records.ts';
import { buildRecord } from './badge-record.ts';
import type { SyncItem } from './providers/index.ts';

export interface Unchecked {
  key: string;
  accountId: string;
  item: SyncItem;
  runId: string;
  identitiesHash: string;
  now: Date;
  message: string;
  existing?: BadgeRecord;
  /** The baked image stored for the same content, if any. */
  baked?: OriginalRecord;
}

export function uncheckedRecord(u: Unchecked): FullBadge {
  const { key, accountId, item, runId, existing, baked } = u;
  const bytes = new TextEncoder().encode(item.text ?? item.url ?? '');
  const result: VerifyResult = { verdict: 'indeterminate', format: 'unknown', checks: [{ id: 'parse', outcome: 'indeterminate', message: u.message }], recipient: null, badge: null, input: { kind: 'unknown', size: bytes.length, sha256: '' } };
  const common = { key, accountId, sourceId: item.sourceId, runId, result, identitiesHash: u.identitiesHash, now: u.now, ...(item.bakedUrl ? { bakedUrl: item.bakedUrl } : {}) };
  const kind = existing?.original.kind;
  if (existing && baked && (kind === 'png' || kind === 'svg')) {
    // No verifiedAt: the next run verifies it again.
    const { verifiedAt: _notVerified, ...record } = buildRecord({
      ...common,
      contentHash: existing.contentHash,
      original: { kind, bytes: baked.bytes },
      assessment: { verdict: 'indeterminate', checks: result.checks, recipient: existing.recipient, pending: existing.pending },
      fallback: { ...existing.meta, ...item.fallback },
      addedAt: existing.addedAt,
    }).record;
    return { record, original: baked };
  }
  return buildRecord({
    ...common,
    contentHash: '',
    original: { kind: item.text === undefined ? 'url' : item.text.trimStart().startsWith('{') ? 'json' : 'jws', bytes },
    assessment: { verdict: 'indeterminate', checks: result.checks, recipient: existing?.recipient ?? null, pending: existing?.pending ?? false },
    fallback: { ...existing?.meta, ...item.fallback },
    ...(existing ? { addedAt: existing.addedAt } : {}),
  });
}
