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

/**
 * A document the JSON-LD 1.1 API requires a processor to refuse, that jsonld.js 9 accepts
 * (spec-checks.ts; W3C toRdf negative tests er54, er56): the one place the engine and jsonld.js
 * knowingly differ.
 */
export class SpecError extends SafeModeError {}

/**
 * A text with a base direction (`@direction`: VC Data Model 2.0 §11.1, JSON-LD 1.1 §4.2.4.1) under an
 * RDFC proof. JSON-LD 1.1 API §8.2 (Object to RDF Conversion) keeps a direction in RDF only under an
 * `rdfDirection` option (§9.4 JsonLdOptions), which the RDFC cryptosuites do not name (w3c/vc-data-integrity#366: signers
 * already differ), and safe mode refuses it unset. The credential is legitimate VC 2.0, and what its
 * issuer signed cannot be known: the signature is unsettled, never failed.
 */
export class UnspecifiedDirectionError extends IndeterminateError {
  constructor(options?: { cause?: unknown }) {
    super(
      ErrorCodes.UNSUPPORTED,
      'A text of the credential gives a base direction (@direction, VC Data Model 2.0 §11.1), which RDFC-based proofs do not say how to sign (the JSON-LD rdfDirection option): whether this is what the issuer signed cannot be checked',
      options,
    );
  }
}

/** Internal: the fast converter met a construct it does not handle; jsonld.js takes over. */
export class FastPathUnsupported extends Error {}
