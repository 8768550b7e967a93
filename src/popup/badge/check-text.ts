/**
 * Each check in words a teacher understands: a title, and a sentence chosen by the check's id,
 * its outcome and (for dates, revocation, unsettled signatures) its code (core/share/check-words.ts).
 * The engine's own message stays available as the technical detail.
 */
import type { Check, CheckId, Outcome } from '../../core/result.ts';
import { checkSentence as sentenceOf } from '../../core/share/check-words.ts';
import type { MessageKey } from '../i18n.ts';

const TITLES: Record<CheckId, MessageKey> = {
  parse: 'checkTitleParse',
  structure: 'checkTitleStructure',
  signature: 'checkTitleSignature',
  'issuer-key': 'checkTitleIssuerKey',
  hosted: 'checkTitleHosted',
  validity: 'checkTitleValidity',
  revocation: 'checkTitleRevocation',
  recipient: 'checkTitleRecipient',
  // The engine's extra checks (core/result.ts ExtraCheckId): each named, none "Other check".
  endorsement: 'checkTitleEndorsement',
  refresh: 'checkTitleRefresh',
  schema: 'checkTitleSchema',
  context: 'checkTitleContext',
  claims: 'checkTitleClaims',
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

/** The sentence for a check, by its id, outcome and code (core/share/check-words.ts: the hover card's too). */
export const checkSentence = (c: Check): MessageKey => sentenceOf(c);

/** The issuer-key check could not tie the signing key to the issuer: shown as "issuer not confirmed". */
export const issuerUnconfirmed = (checks: readonly Check[]) => checks.some((c) => c.id === 'issuer-key' && c.outcome === 'indeterminate');

/**
 * A check that could not fetch what it needed: the background's fetch refuses hosts the user has
 * not allowed (the engine reports ERR_FETCH_FAILED), so the badge page offers "Allow access".
 */
const NEEDS_HOST = new Set(['ERR_HOST_PERMISSION', 'ERR_FETCH_FAILED']);
export const needsHostAccess = (checks: readonly Check[]) => checks.some((c) => c.outcome === 'indeterminate' && c.code !== undefined && NEEDS_HOST.has(c.code));
