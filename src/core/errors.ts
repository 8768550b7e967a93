/**
 * Every error the engine reports carries a stable code. Callers match on `code`,
 * never on message text (the pattern of panva/jose `util/errors.ts`).
 */
export const ErrorCodes = {
  PARSE_EMPTY: 'ERR_PARSE_EMPTY',
  PARSE_UNRECOGNISED: 'ERR_PARSE_UNRECOGNISED',
  PARSE_JSON: 'ERR_PARSE_JSON',
  PARSE_PNG: 'ERR_PARSE_PNG',
  PARSE_SVG: 'ERR_PARSE_SVG',
  PARSE_NOT_BAKED: 'ERR_PARSE_NOT_BAKED',
  /** A sound PNG whose only badge data lies after IEND, which no PNG reader reads (PNG §5.6): baked wrongly, nothing read. */
  PARSE_BAKED_AFTER_END: 'ERR_PARSE_BAKED_AFTER_END',
  PARSE_JWS: 'ERR_PARSE_JWS',
  PARSE_TOO_DEEP: 'ERR_PARSE_TOO_DEEP',
  STRUCTURE_INVALID: 'ERR_STRUCTURE_INVALID',
  /** A selectively disclosed credential whose holder withheld a field the structure needs (proofs/withheld.ts): unknown, not malformed. */
  STRUCTURE_WITHHELD: 'ERR_STRUCTURE_WITHHELD',
  /** A well-formed Verifiable Credential of another kind (a diploma, an ID): not an Open Badge, so neither valid nor forged as one (ob3-badge.ts). */
  NOT_OPEN_BADGE: 'ERR_NOT_OPEN_BADGE',
  CLAIM_MISMATCH: 'ERR_CLAIM_MISMATCH',
  SIGNATURE_INVALID: 'ERR_SIGNATURE_INVALID',
  ALG_NOT_ALLOWED: 'ERR_ALG_NOT_ALLOWED',
  PROOF_PURPOSE: 'ERR_PROOF_PURPOSE',
  NO_KEY: 'ERR_NO_KEY',
  KEY_NOT_OWNED: 'ERR_KEY_NOT_OWNED',
  ISSUER_UNRESOLVED: 'ERR_ISSUER_UNRESOLVED',
  HOSTED_SCOPE: 'ERR_HOSTED_SCOPE',
  FETCH_FAILED: 'ERR_FETCH_FAILED',
  HTTP_STATUS: 'ERR_HTTP_STATUS',
  /** The verification's deadline passed or its fetch cap was reached (context.ts). */
  BUDGET_EXCEEDED: 'ERR_BUDGET_EXCEEDED',
  EXPIRED: 'ERR_EXPIRED',
  NOT_YET_VALID: 'ERR_NOT_YET_VALID',
  DATE_INVALID: 'ERR_DATE_INVALID',
  /** A date written without its time zone (XML Schema 1.1 Part 2 §3.3.7): an instant only to within 14 hours (§E.3.3), indeterminate near now (validity.ts spanOf). */
  DATE_NO_ZONE: 'ERR_DATE_NO_ZONE',
  REVOKED: 'ERR_REVOKED',
  SUSPENDED: 'ERR_SUSPENDED',
  STATUS_UNAVAILABLE: 'ERR_STATUS_UNAVAILABLE',
  RECIPIENT_MISMATCH: 'ERR_RECIPIENT_MISMATCH',
  /** A selectively disclosed credential names no recipient to compare: its holder may have withheld it (proofs/withheld.ts). */
  RECIPIENT_WITHHELD: 'ERR_RECIPIENT_WITHHELD',
  /** Issued to an address the user only typed into Lanyard, which no backpack verified: said, never the user's (background badge-record.ts assess). */
  RECIPIENT_TYPED: 'ERR_RECIPIENT_TYPED',
  UNKNOWN_CONTEXT: 'ERR_UNKNOWN_CONTEXT',
  UNSUPPORTED: 'ERR_UNSUPPORTED',
  /** Vouched for only by a blockchain anchor (Blockcerts v2 MerkleProof2017, v3 MerkleProof2019), which Lanyard does not read. */
  BLOCKCHAIN_ANCHOR: 'ERR_BLOCKCHAIN_ANCHOR',
  NOT_IMPLEMENTED: 'ERR_NOT_IMPLEMENTED',
  /** A URL answered a web page (HTML), not a badge's data: nothing was read (indeterminate). */
  WEB_PAGE: 'ERR_WEB_PAGE',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Base class: an engine error with a stable code. */
export class LanyardError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The input could not be read as a badge (a verdict, not a crash). */
export class ParseError extends LanyardError {}

/**
 * The input is a credential in a securing format Lanyard does not verify (an SD-JWT): read, not a
 * badge Lanyard can judge. The pipeline reports it as a `signature` it cannot check (indeterminate),
 * never as unreadable.
 */
export class UnsupportedCredentialError extends ParseError {
  /** What was read, for the `parse` check ("an SD-JWT …"). */
  readonly what: string;
  constructor(what: string, message: string) {
    super(ErrorCodes.UNSUPPORTED, message);
    this.what = what;
  }
}

/** A document could not be fetched: unreachable, timed out, or an HTTP error. */
export class FetchError extends LanyardError {
  readonly status: number | undefined;
  constructor(code: ErrorCode, message: string, status?: number, options?: { cause?: unknown }) {
    super(code, message, options);
    this.status = status;
  }
}

/** A verification step found something definitely wrong. */
export class VerificationError extends LanyardError {}

/** A verification step could not be settled (missing document or key). */
export class IndeterminateError extends LanyardError {}
