/**
 * The securing formats Lanyard reads but does not verify yet, each refused in one sentence wherever
 * it is met (a pasted text, an enveloped credential's data: URL): indeterminate, never unreadable
 * (UnsupportedCredentialError, src/core/verify/pipeline.ts).
 */
import { UnsupportedCredentialError } from '../errors.ts';

/**
 * An SD-JWT (RFC 9901; VC-JOSE-COSE §3.2 `application/vc+sd-jwt`) of a kind not verified: one that is no
 * W3C credential (an IETF SD-JWT VC, `vct`), or a presentation (`vp+sd-jwt`). A W3C credential secured
 * as an SD-JWT, bare or enveloped, is verified (formats/sd-jwt.ts). `what` names what was read.
 */
export const sdJwtRefusal = (what: string): UnsupportedCredentialError =>
  new UnsupportedCredentialError(what, 'This credential is secured as an SD-JWT (selective disclosure, RFC 9901) of a kind Lanyard does not verify yet (it verifies W3C credentials secured as an SD-JWT): it cannot say whether it holds');

/**
 * A tagged COSE_Sign1 (RFC 9052 §4.2: tag 18, then an array of four whose first item, the protected
 * header, is a byte string): how VC-JOSE-COSE §3.3 secures a credential (`application/vc+cose`, binary).
 */
export const isCoseSign1 = (b: Uint8Array): boolean => b.length > 3 && b[0] === 0xd2 && b[1] === 0x84 && b[2]! >> 5 === 2;

/** The same octets written as hex text, as walt.id's examples and mdoc tools print them. */
export const isHexCoseSign1 = (text: string): boolean => /^d284[45]/i.test(text) && /^(?:[0-9a-f]{2})+$/i.test(text);

/** A COSE_Sign1 (RFC 9052; VC-JOSE-COSE §3.3 `application/vc+cose`). */
export const coseRefusal = (what: string): UnsupportedCredentialError =>
  new UnsupportedCredentialError(what, 'This credential is secured with COSE (VC-JOSE-COSE §3.3), which Lanyard does not verify yet: it cannot say whether it holds');
