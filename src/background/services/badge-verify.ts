/**
 * Verifies one badge for an account and builds its record: the engine with the account's verified
 * addresses, then the pending assessment with its unverified ones.
 */
import type { InputKind } from '../../core/model.ts';
import type { BadgeMeta, BadgeRecord, FullBadge, OriginalRecord } from '../../platform/records.ts';
import { assess, buildRecord, identitiesHash, type ProviderClaim } from './badge-record.ts';
import { LOCAL, type IdentitySet } from './identities.ts';
import type { Verifier, VerifyCallOptions } from './verifier.ts';

export interface BadgeSource {
  key: string;
  accountId: string;
  sourceId: string;
  original: { kind: InputKind; bytes: Uint8Array; fileName?: string };
  /** What the engine reads: the original bytes, or a URL. */
  input: Uint8Array | string;
  contentHash: string;
  fallback?: Partial<BadgeMeta>;
  /** What the provider says about the recipient. */
  provider?: ProviderClaim;
  bakedUrl?: string;
  addedAt?: string;
  runId?: string;
}

export async function verifyBadge(verifier: Verifier, ids: IdentitySet, src: BadgeSource, now: Date, options?: VerifyCallOptions): Promise<FullBadge> {
  const result = await verifier.verify(src.input, ids.verified, options);
  const assessment = await assess(result, ids.unverified, src.provider);
  return buildRecord({ ...src, result, assessment, identitiesHash: await identitiesHash(ids.verified), now });
}

/** Re-verifies a stored badge from its original. */
export function reverify(verifier: Verifier, ids: IdentitySet, r: BadgeRecord, o: OriginalRecord, now: Date): Promise<FullBadge> {
  const input = r.original.kind === 'url' ? new TextDecoder().decode(o.bytes) : o.bytes;
  const { key, accountId, sourceId, contentHash, meta, bakedUrl, addedAt, runId } = r;
  const provider = r.accountId === LOCAL ? undefined : { listed: true, ...(r.pending && r.recipient ? { pending: true, address: r.recipient } : {}) };
  return verifyBadge(verifier, ids, {
    key, accountId, sourceId, input, contentHash, addedAt,
    original: { ...r.original, bytes: o.bytes },
    fallback: meta,
    ...(bakedUrl ? { bakedUrl } : {}),
    ...(runId ? { runId } : {}),
    ...(provider ? { provider } : {}),
  }, now);
}
