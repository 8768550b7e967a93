/**
 * How much of a badge's lists its record keeps (badge-record.ts metaOf) and a view carries (views.ts):
 * what the popup shows of them. An issuer writes these lists, and a document is read up to 8 MB: one
 * naming 70,000 recipient identities stored ~6 MB of meta, read again by every list and picker search,
 * though the badge page shows 20 evidence items and alignments then "and N more" (the count kept here),
 * the first 50 tags (popup/display.ts), and of the identities only whether one is hashed and the first
 * named in clear (popup/badge/BadgeFacts.tsx). Verification never reads them from the record: the
 * original is kept as it came, and the recipient match reads the engine's badge (badge-record.ts assess).
 */
import type { BadgeMeta } from '../../platform/records.ts';
import { VIEW_LIST_MAX, VIEW_TAGS_MAX } from './view-text.ts';

type Lists = Pick<BadgeMeta, 'tags' | 'evidence' | 'alignments' | 'claimedRecipients' | 'evidenceTotal' | 'alignmentsTotal'>;
type Identity = BadgeMeta['claimedRecipients'][number];

/**
 * The first VIEW_LIST_MAX identities, and the first hashed one and the first named in clear when they
 * come later: what the badge page says of them is the same.
 */
export function shownIdentities(list: readonly Identity[]): Identity[] {
  if (list.length <= VIEW_LIST_MAX) return [...list];
  const kept = list.slice(0, VIEW_LIST_MAX);
  const named = list.findIndex((r) => !r.hashed && r.identity);
  const hashed = list.findIndex((r) => r.hashed);
  for (const i of [named, hashed].filter((i) => i >= VIEW_LIST_MAX).sort((a, b) => a - b)) kept.push(list[i] as Identity);
  return kept;
}

/** The lists cut to what is shown; `totals`, each list's whole length (a record's stored count, else its own). */
export function shownLists<M extends Lists>(meta: M, totals: { evidence: number; alignments: number } = { evidence: meta.evidenceTotal ?? meta.evidence.length, alignments: meta.alignmentsTotal ?? meta.alignments.length }): M {
  const { evidenceTotal: _e, alignmentsTotal: _a, ...rest } = meta;
  return {
    ...rest,
    tags: meta.tags.slice(0, VIEW_TAGS_MAX),
    evidence: meta.evidence.slice(0, VIEW_LIST_MAX),
    alignments: meta.alignments.slice(0, VIEW_LIST_MAX),
    claimedRecipients: shownIdentities(meta.claimedRecipients),
    ...(totals.evidence > VIEW_LIST_MAX ? { evidenceTotal: totals.evidence } : {}),
    ...(totals.alignments > VIEW_LIST_MAX ? { alignmentsTotal: totals.alignments } : {}),
  } as M;
}
