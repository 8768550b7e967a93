/**
 * What canonicalization can report. DESIGN.md: a context that is not bundled makes the credential
 * `indeterminate`, naming it; a document that safe mode refuses (an undefined term, a relative
 * @type or @id) cannot be what was signed, so its signature check fails with the reason.
 */
import { ErrorCodes, IndeterminateError, VerificationError } from '../errors.ts';

export class UnknownContextError extends IndeterminateError {
  readonly url: string;
  constructor(url: string) {
    super(ErrorCodes.UNKNOWN_CONTEXT, `The JSON-LD context ${url.slice(0, 200)} is not one Lanyard bundles, and contexts are never fetched`);
    this.url = url;
  }
}

/** RDFC-1.0 safe mode (jsonld.js `safe: true`) refused the document (undefined term or relative @type). */
export class SafeModeError extends VerificationError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(ErrorCodes.SIGNATURE_INVALID, message, options);
  }
}

/** Internal: the fast converter met a construct it does not handle; jsonld.js takes over. */
export class FastPathUnsupported extends Error {}
