/**
 * Each check as one sentence a teacher understands, chosen by the check's id, outcome and code (the
 * engine's stable ErrorCodes, never its English message): the message keys of public/_locales, the
 * same for the popup's badge page (src/popup/badge/check-text.ts) and the hover card
 * (src/content/ui/hover-card.ts). The engine's own message stays the technical detail.
 */
import type { CheckId, Outcome } from '../result.ts';

const SENTENCES = {
  parse: { pass: 'checkParsePass', fail: 'checkParseFail' },
  structure: { pass: 'checkStructurePass', fail: 'checkStructureFail' },
  signature: { pass: 'checkSignaturePass', fail: 'checkSignatureFail', indeterminate: 'checkSignatureIndeterminate' },
  'issuer-key': { pass: 'checkIssuerKeyPass', fail: 'checkIssuerKeyFail', indeterminate: 'checkIssuerKeyIndeterminate' },
  hosted: { pass: 'checkHostedPass', fail: 'checkHostedFail', indeterminate: 'checkHostedIndeterminate' },
  // Warning: a date without the time zone its spec requires, which still settles the window (verify/validity.ts).
  validity: { pass: 'checkValidityPass', fail: 'checkValidityFail', warning: 'checkValidityZoneMissing' },
  revocation: { pass: 'checkRevocationPass', fail: 'checkRevocationFail', indeterminate: 'checkRevocationIndeterminate' },
  // Indeterminate: issued to an address of the user's that is not verified, or that only another
  // backpack vouches for (background/services/badge-record.ts assess).
  recipient: { pass: 'checkRecipientPass', fail: 'checkRecipientFail', indeterminate: 'checkRecipientIndeterminate', skipped: 'checkRecipientSkipped' },
} as const;

const BY_CODE = {
  ERR_EXPIRED: 'checkValidityExpired',
  ERR_NOT_YET_VALID: 'checkValidityNotYet',
  ERR_SUSPENDED: 'checkRevocationSuspended',
} as const;

/** Indeterminate for a reason other than "could not be reached" (the server answered, with an error status) or than "no key". */
const INDETERMINATE_BY_CODE = {
  // Not a badge; or selectively disclosed without a field the structure needs (proofs/withheld.ts).
  structure: { ERR_NOT_OPEN_BADGE: 'checkStructureNotBadge', ERR_STRUCTURE_WITHHELD: 'checkStructureWithheld' },
  hosted: { ERR_HTTP_STATUS: 'checkHostedNotServed', ERR_BLOCKCHAIN_ANCHOR: 'checkHostedBlockchain' },
  // The key was there: the suite is not one Lanyard checks, the proof expired, or it signs what Lanyard
  // does not read; or one proof of a set holds and another does not (VC DI 1.0 §4.5, proofs/proof-set.ts); or the
  // certificate is vouched for by a blockchain record (Blockcerts v2).
  signature: {
    ERR_SIGNATURE_INVALID: 'checkSignatureUnsettled',
    ERR_UNSUPPORTED: 'checkSignatureUnsettled', ERR_EXPIRED: 'checkSignatureUnsettled', ERR_DATE_INVALID: 'checkSignatureUnsettled', ERR_UNKNOWN_CONTEXT: 'checkSignatureUnsettled',
    ERR_BLOCKCHAIN_ANCHOR: 'checkSignatureBlockchain',
  },
  'issuer-key': { ERR_BLOCKCHAIN_ANCHOR: 'checkIssuerKeyBlockchain' },
  // A date without a time zone, within 14 hours of now (verify/validity.ts spanOf).
  validity: { ERR_DATE_NO_ZONE: 'checkValidityNoZone' },
  // A selectively disclosed badge shared without its recipient (proofs/withheld.ts), not an address of the user's to verify.
  recipient: { ERR_RECIPIENT_WITHHELD: 'checkRecipientWithheld', ERR_RECIPIENT_TYPED: 'checkRecipientTyped' },
} as const;

/** Not compared with a verified address, but matched with one the user only typed (background badge-record.ts assess). */
const SKIPPED_BY_CODE = {
  recipient: { ERR_RECIPIENT_TYPED: 'checkRecipientTyped' },
} as const;

const GENERIC = {
  pass: 'checkGenericPass',
  fail: 'checkGenericFail',
  indeterminate: 'checkGenericIndeterminate',
  warning: 'checkGenericWarning',
  skipped: 'checkGenericSkipped',
} as const;

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];
/** Every message key a check's sentence can be. */
export type CheckSentenceKey = Leaves<typeof SENTENCES | typeof BY_CODE | typeof INDETERMINATE_BY_CODE | typeof SKIPPED_BY_CODE | typeof GENERIC>;

const lookup = <T>(table: Partial<Record<string, T>>, key: string | undefined): T | undefined => (key !== undefined && Object.hasOwn(table, key) ? table[key] : undefined);

export function checkSentence(c: { id: CheckId; outcome: Outcome; code?: string }): CheckSentenceKey {
  if (c.outcome === 'fail') {
    const dated = lookup<CheckSentenceKey>(BY_CODE, c.code);
    if (dated) return dated;
  }
  if (c.outcome === 'indeterminate' || c.outcome === 'skipped') {
    const answered = lookup<CheckSentenceKey>(lookup<Partial<Record<string, CheckSentenceKey>>>(c.outcome === 'skipped' ? SKIPPED_BY_CODE : INDETERMINATE_BY_CODE, c.id) ?? {}, c.code);
    if (answered) return answered;
  }
  return lookup<Partial<Record<Outcome, CheckSentenceKey>>>(SENTENCES, c.id)?.[c.outcome] ?? GENERIC[c.outcome];
}

/** A check's sentence where no technical details are shown (the hover card, the share warning): the unsettled signature's without its pointer to them. */
export type BriefCheckSentenceKey = Exclude<CheckSentenceKey, 'checkSignatureUnsettled'> | 'checkSignatureUnsettledBrief';

export function briefCheckSentence(c: { id: CheckId; outcome: Outcome; code?: string }): BriefCheckSentenceKey {
  const key = checkSentence(c);
  return key === 'checkSignatureUnsettled' ? 'checkSignatureUnsettledBrief' : key;
}
