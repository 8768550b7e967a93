/**
 * BitstringStatusListEntry (W3C Bitstring Status List §3.2 "Validate Algorithm") and its
 * predecessor StatusList2021Entry: fetch the status list credential, check that it is one, that
 * its proof verifies (our own Data Integrity verifier) and that its issuer is the credential's,
 * that the purposes match, then read the bit. A list that cannot be had or trusted settles
 * nothing: indeterminate, never pass.
 */
import { ErrorCodes } from '../errors.ts';
import { shorten } from '../display.ts';
import { arr, idOf, isObj, oneValue, types, valuesOf } from '../formats/json-util.ts';
import { verifyDataIntegrity } from '../proofs/verify.ts';
import type { VerifyContext } from '../verify/context.ts';
import { jsonOf } from '../verify/fetch-once.ts';
import { overPlainHttp, plainHttpRoute } from '../verify/plain-http.ts';
import { CLOCK_SKEW_MS, spanOf, strictestDate, type NamedDate } from '../verify/validity.ts';
import { bitAt } from './bitstring.ts';
import { expandOnce, trustOnce } from './list-memo.ts';
import type { StatusOutcome } from './types.ts';

const KINDS = {
  BitstringStatusListEntry: { list: 'BitstringStatusListCredential', subject: 'BitstringStatusList', multibase: true },
  StatusList2021Entry: { list: 'StatusList2021Credential', subject: 'StatusList2021', multibase: false },
} as const;

const unavailable = (message: string): StatusOutcome => ({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE, message });

/** Own keys only: `'constructor' in KINDS` is true too, and would take Object for a list kind. */
export const isStatusListEntry = (type: string): type is keyof typeof KINDS => Object.hasOwn(KINDS, type);

/** The value of `size` bits from bit `start`, most significant first; undefined beyond the end. */
function statusAt(bits: Uint8Array, start: number, size: number): number | undefined {
  let v = 0;
  for (let i = start; i < start + size; i++) {
    const b = bitAt(bits, i);
    if (b === undefined) return undefined;
    v = v * 2 + b;
  }
  return v;
}

/** Runs the list decodings of one credential one at a time (see check.ts). */
export type Serial = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * The list credential may be read when its proof holds with a key confirmed as its issuer's (one
 * merely not disowned, its issuer's document unreachable, could be anyone's), and its dates hold. Its issuer is the credential's, or else its proof's key is one the credential's issuer
 * lists: Bitstring Status List v1.0 §3.2 asks that the list's proofs verify and leaves who issues it
 * open; DCC issues did:web credentials whose list is issued by the did:key of the very key the
 * did:web document lists, and that key speaks for the issuer (DESIGN.md: a key is the issuer's when
 * the issuer's document lists it, however it is conveyed).
 */
async function trustList(list: Record<string, unknown>, issuerId: string | undefined, url: string, ctx: VerifyContext): Promise<string | null> {
  const listIssuer = idOf(list.issuer);
  if (!listIssuer || !issuerId) return `The status list at ${url} is issued by ${listIssuer ?? 'nobody'}, not by the credential's issuer`;
  const same = listIssuer === issuerId;
  const di = await verifyDataIntegrity(list, ctx, same ? {} : { bindTo: issuerId });
  const best = di.best;
  if (!best) return `The status list at ${url} carries no proof`;
  if (best.signature.outcome !== 'pass') return `The status list's proof does not hold: ${best.signature.message}`;
  if (!same && best.issuerKey?.status !== 'bound') return `The status list at ${url} is issued by ${listIssuer}, not by the credential's issuer, and signed with no key the credential's issuer lists`;
  if (best.issuerKey?.status === 'not-listed') return `The status list is signed with a key its issuer does not list: ${best.issuerKey.message}`;
  // A key not confirmed either way (the issuer's document did not answer) could be anyone's: a clean list settles nothing.
  if (best.issuerKey?.status !== 'bound') return `The status list at ${url} is signed with a key not confirmed as the issuer's: ${best.issuerKey?.message ?? 'no key to confirm'}`;
  const now = ctx.now.getTime();
  // A date that is there but no date says nothing of whether the list still speaks (VC DM 2.0 §4.9); it is
  // read as the credential's own dates are (spanOf, XSD dateTime: never Date.parse's
  // engine- and time-zone-dependent guesses), and under both its names (the list is current only while each says so).
  const dated = (name: string): NamedDate | undefined => (list[name] === undefined || list[name] === null ? undefined : [name, list[name]]);
  const from = strictestDate([dated('validFrom'), dated('issuanceDate')], true);
  const until = strictestDate([dated('validUntil'), dated('expirationDate')], false);
  for (const d of [from, until]) {
    if (d && !spanOf(d[1], d === from ? 'from' : 'until')) return `The status list at ${url} has a ${d[0]} that is not a date (${shorten(d[1], 40)})`;
  }
  // A date without its zone is the span it may name (validity.ts spanOf, XML Schema 1.1 Part 2 §E.3.3): the list
  // speaks only once begun in every zone and while expired in none.
  const start = from && spanOf(from[1], 'from');
  const end = until && spanOf(until[1], 'until');
  if (start && start.earliest > now + CLOCK_SKEW_MS) return `The status list at ${url} is not valid yet`;
  if (end && end.latest < now) return `The status list at ${url} has expired`;
  if (start && start.latest > now + CLOCK_SKEW_MS) return `The status list at ${url} has a ${from![0]} without a time zone (${shorten(from![1], 40)}) within 14 hours of now: whether it has begun cannot be told`;
  if (end && end.earliest < now) return `The status list at ${url} has a ${until![0]} without a time zone (${shorten(until![1], 40)}) within 14 hours of now: whether it has expired cannot be told`;
  return null;
}

export async function checkStatusListEntry(
  entry: Record<string, unknown>,
  kind: keyof typeof KINDS,
  issuerId: string | undefined,
  ctx: VerifyContext,
  serial: Serial = (task) => task(),
): Promise<StatusOutcome> {
  const spec = KINDS[kind];
  // Each member read as its one value however it is written (json-util.ts oneValue: an array of one is the
  // statement the proof signs, JSON-LD 1.1 §4.3); several values name no one bit, list or purpose.
  const raw = oneValue(entry.statusListIndex);
  const index = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d{1,12}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(index) || index < 0) return unavailable(`The ${kind} has no usable statusListIndex`);
  const purpose = oneValue(entry.statusPurpose);
  if (typeof purpose !== 'string') return unavailable(`The ${kind} names no statusPurpose`);
  const url = oneValue(entry.statusListCredential);
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return unavailable(`The ${kind} has no http(s) statusListCredential`);
  let list: Record<string, unknown>;
  let from: string;
  try {
    const doc = await ctx.fetchDocument(url);
    from = doc.finalUrl;
    list = jsonOf(doc);
  } catch (e) {
    return unavailable(`The status list could not be read: ${(e as Error).message}`);
  }
  // Its proof says the issuer signed this list once, not that it is the list now: over plain http (where the read
  // came by, plain-http.ts plainHttpRoute) anyone on the path can answer with an older copy the issuer signed, from
  // before the credential was revoked. For an issuer not itself at a plain-http address it settles nothing, as an
  // unsigned 1EdTech list read so (revocation-list.ts).
  const via = plainHttpRoute(url, from);
  if (via && overPlainHttp(via, issuerId)) {
    return unavailable(`The status list is read over plain http (${shorten(via, 120)}), while ${issuerId === undefined ? 'the credential names no issuer that is' : `its issuer (${shorten(issuerId, 120)}) is not`}: anyone on the network path could have answered it with an older copy its issuer signed, so it settles nothing`);
  }
  if (!types(list.type).includes(spec.list)) return unavailable(`The document at ${url} is not a ${spec.list}`);
  // Decided once per verification (list-memo.ts): 16 entries × 33 credentials naming one list checked its proof 528 times.
  const distrust = await trustOnce(ctx, url, issuerId, () => trustList(list, issuerId, url, ctx));
  if (distrust) return unavailable(distrust);
  const subject = arr(list.credentialSubject).find(isObj);
  if (!subject || !types(subject.type).includes(spec.subject) || typeof subject.encodedList !== 'string') return unavailable(`The status list at ${url} holds no ${spec.subject}`);
  // §3.2: the entry's purpose must be one the list serves.
  if (!arr(subject.statusPurpose).includes(purpose)) return unavailable(`The status list at ${url} is not a ${purpose} list`);
  let bits: Uint8Array;
  try {
    const encoded = subject.encodedList;
    bits = await serial(() => expandOnce(ctx, encoded, spec.multibase));
  } catch (e) {
    return unavailable(`The status list at ${url} cannot be decoded: ${(e as Error).message}`);
  }
  // §3.2: the entry is statusSize bits at statusListIndex × statusSize (StatusList2021 has 1-bit entries only).
  // §3.2's STATUS_LIST_LENGTH_ERROR (fewer than 131,072 entries) is not raised: it protects holders'
  // privacy, and issuers in use (DCC's lists, test/fixtures/real) publish shorter lists that settle the bit all the same.
  const sizes = kind === 'BitstringStatusListEntry' ? valuesOf(entry.statusSize) : [];
  const size = sizes.length === 0 ? 1 : sizes.length === 1 ? sizes[0] : sizes;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 32) return unavailable(`The ${kind}'s statusSize ${shorten(size, 20)} is not a usable number of bits`);
  const bit = statusAt(bits, index * size, size);
  if (bit === undefined) return unavailable(`Index ${index} is beyond the status list's ${(bits.length * 8) / size} entries`);
  const where = `${size === 1 ? 'bit' : 'entry'} ${index} of the status list at ${url}`;
  if (bit === 0) return { outcome: 'pass', message: `Not ${purpose === 'suspension' ? 'suspended' : purpose === 'revocation' ? 'revoked' : `flagged (${shorten(purpose, 40)})`}: ${where} is not set` };
  if (purpose === 'revocation') return { outcome: 'fail', code: ErrorCodes.REVOKED, message: `Revoked: ${where} is set` };
  if (purpose === 'suspension') return { outcome: 'fail', code: ErrorCodes.SUSPENDED, message: `Suspended: ${where} is set` };
  // §2.1: refresh "does not invalidate the verifiable credential" (a newer copy exists).
  if (purpose === 'refresh') return { outcome: 'pass', message: `${where} is set for the purpose refresh, which does not invalidate the credential` };
  // §3.2: a status other than 0 is not valid, and what `message` (or a purpose Lanyard does not know,
  // such as "Revocation") means is the issuer's to say: not settled, never a pass.
  // The statusMessage's text is not quoted: §2.1 says it "SHOULD NOT be displayed to end users".
  return { outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE, message: `${where} is set${size === 1 ? '' : ` to 0x${bit.toString(16)}`} for the purpose ${shorten(purpose, 40)}, whose meaning Lanyard cannot tell` };
}
