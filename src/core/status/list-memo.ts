/**
 * What one verification does with status lists, done once and within a bound. A credential names up to
 * 16 status entries (check.ts), and up to 32 embedded endorsements are checked with theirs
 * (proofs/endorsement.ts): 33 × 16 entries naming one list that gunzips to its 16 MB cap made 528
 * expansions and 528 checks of the list's proof, about two minutes of work from a 130 KB credential
 * (hostile round 34, test/core/status/status-list-memo.test.ts). So, per verification (the context):
 * a list's trust is decided once per URL and issuer, and a list is expanded once (entries are read
 * one list at a time, check.ts) and kept, every list together at most LISTS_MAX_BYTES; past that
 * an entry is unsettled, never a pass.
 */
import type { VerifyContext } from '../verify/context.ts';
import { decodeList, MAX_LIST_BYTES } from './bitstring.ts';

/**
 * Two lists at their cap, kept while the verification runs (as its documents are, up to 32 MB:
 * verify/context.ts DEFAULT_MAX_BYTES): far above a genuine badge's one list of 16 KB to a few MB.
 */
export const LISTS_MAX_BYTES = 2 * MAX_LIST_BYTES;

interface ListWork {
  trust: Map<string, Promise<string | null>>;
  /** Each list expanded, by its text and form; together at most LISTS_MAX_BYTES. */
  bits: Map<string, Promise<Uint8Array>>;
  expanded: number;
}

const work = new WeakMap<VerifyContext, ListWork>();
const workOf = (ctx: VerifyContext): ListWork => {
  let w = work.get(ctx);
  if (!w) work.set(ctx, (w = { trust: new Map(), bits: new Map(), expanded: 0 }));
  return w;
};

/** `decide()` once per verification for this list URL and issuer. */
export function trustOnce(ctx: VerifyContext, url: string, issuerId: string | undefined, decide: () => Promise<string | null>): Promise<string | null> {
  const { trust } = workOf(ctx);
  const key = `${issuerId ?? ''}\n${url}`;
  let p = trust.get(key);
  if (!p) trust.set(key, (p = decide()));
  return p;
}

/** The bitstring of `encoded`, expanded once per verification, within what is left of LISTS_MAX_BYTES. */
export function expandOnce(ctx: VerifyContext, encoded: string, multibase: boolean): Promise<Uint8Array> {
  const w = workOf(ctx);
  const key = `${multibase ? 'u' : '-'}${encoded}`;
  const known = w.bits.get(key);
  if (known) return known;
  const left = LISTS_MAX_BYTES - w.expanded;
  if (left <= 0) return Promise.reject(new Error(`this badge's status lists already expanded to ${LISTS_MAX_BYTES} bytes, the most one verification expands`));
  const bits = decodeList(encoded, multibase, Math.min(left, MAX_LIST_BYTES)).then((b) => {
    w.expanded += b.length;
    return b;
  });
  // A list that cannot be expanded is kept as that failure: the next entry naming it fails the same way.
  w.bits.set(key, bits);
  return bits;
}
