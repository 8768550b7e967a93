/**
 * Each check in words a teacher understands: a title, and a sentence chosen by the check's id,
 * its outcome and (for dates and revocation) its code. The engine's own message stays available
 * as the technical detail.
 */
import type { Check, CheckId, Outcome } from '../../core/result.ts';
import type { MessageKey } from '../i18n.ts';

const TITLES: Partial<Record<CheckId, MessageKey>> = {
  parse: 'checkTitleParse',
  structure: 'checkTitleStructure',
  signature: 'checkTitleSignature',
  'issuer-key': 'checkTitleIssuerKey',
  hosted: 'checkTitleHosted',
  validity: 'checkTitleValidity',
  revocation: 'checkTitleRevocation',
  recipient: 'checkTitleRecipient',
};

const SENTENCES: Partial<Record<CheckId, Partial<Record<Outcome, MessageKey>>>> = {
  parse: { pass: 'checkParsePass', fail: 'checkParseFail' },
  structure: { pass: 'checkStructurePass', fail: 'checkStructureFail' },
  signature: { pass: 'checkSignaturePass', fail: 'checkSignatureFail', indeterminate: 'checkSignatureIndeterminate' },
  'issuer-key': { pass: 'checkIssuerKeyPass', fail: 'checkIssuerKeyFail', indeterminate: 'checkIssuerKeyIndeterminate' },
  hosted: { pass: 'checkHostedPass', fail: 'checkHostedFail', indeterminate: 'checkHostedIndeterminate' },
  validity: { pass: 'checkValidityPass', fail: 'checkValidityFail' },
  revocation: { pass: 'checkRevocationPass', fail: 'checkRevocationFail', indeterminate: 'checkRevocationIndeterminate' },
  // Indeterminate: issued to an address of the user's that is not verified, or that only another
  // backpack vouches for (background/services/badge-record.ts assess).
  recipient: { pass: 'checkRecipientPass', fail: 'checkRecipientFail', indeterminate: 'checkRecipientIndeterminate', skipped: 'checkRecipientSkipped' },
};

const BY_CODE: Record<string, MessageKey> = {
  ERR_EXPIRED: 'checkValidityExpired',
  ERR_NOT_YET_VALID: 'checkValidityNotYet',
  ERR_SUSPENDED: 'checkRevocationSuspended',
};

/** Indeterminate for a reason other than "could not be reached" (the server answered, with an error status) or than "no key". */
const INDETERMINATE_BY_CODE: Partial<Record<CheckId, Record<string, MessageKey>>> = {
  hosted: { ERR_HTTP_STATUS: 'checkHostedNotServed' },
  // The key was there: the suite is not one Lanyard checks, the proof expired, or it signs what Lanyard does not read.
  signature: { ERR_UNSUPPORTED: 'checkSignatureUnsettled', ERR_EXPIRED: 'checkSignatureUnsettled', ERR_DATE_INVALID: 'checkSignatureUnsettled', ERR_UNKNOWN_CONTEXT: 'checkSignatureUnsettled' },
};

const GENERIC: Record<Outcome, MessageKey> = {
  pass: 'checkGenericPass',
  fail: 'checkGenericFail',
  indeterminate: 'checkGenericIndeterminate',
  warning: 'checkGenericWarning',
  skipped: 'checkGenericSkipped',
};

export const OUTCOME_LABEL: Record<Outcome, MessageKey> = {
  pass: 'outcomePass',
  fail: 'outcomeFail',
  indeterminate: 'outcomeIndeterminate',
  warning: 'outcomeWarning',
  skipped: 'outcomeSkipped',
};

export function checkTitle(c: Check): MessageKey {
  return TITLES[c.id] ?? 'checkTitleOther';
}

export function checkSentence(c: Check): MessageKey {
  if (c.outcome === 'fail' && c.code && BY_CODE[c.code]) return BY_CODE[c.code] as MessageKey;
  const answered = c.outcome === 'indeterminate' && c.code ? INDETERMINATE_BY_CODE[c.id]?.[c.code] : undefined;
  if (answered) return answered;
  return SENTENCES[c.id]?.[c.outcome] ?? GENERIC[c.outcome];
}

/** The issuer-key check could not tie the signing key to the issuer: shown as "issuer not confirmed". */
export const issuerUnconfirmed = (checks: readonly Check[]) => checks.some((c) => c.id === 'issuer-key' && c.outcome === 'indeterminate');

/**
 * A check that could not fetch what it needed: the background's fetch refuses hosts the user has
 * not allowed (the engine reports ERR_FETCH_FAILED), so the badge page offers "Allow access".
 */
const NEEDS_HOST = new Set(['ERR_HOST_PERMISSION', 'ERR_FETCH_FAILED']);
export const needsHostAccess = (checks: readonly Check[]) => checks.some((c) => c.outcome === 'indeterminate' && c.code !== undefined && NEEDS_HOST.has(c.code));
