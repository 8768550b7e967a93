/**
 * Format and version detection, before any verification.
 *  - OB 3.0: a Verifiable Credential (VC-JWT, or JSON with or without an embedded proof).
 *  - OB 0.5–2.0: VCORE `_detect_openbadges_version` (reference §1.7): `@context` naming v2 → 2.0,
 *    v1 → 1.1; no `@context`: a string `recipient` → 0.5, else 1.0; any other context → 2.0.
 *    Hosted or signed from `verification.type` (`verify` in 1.x): HostedBadge/hosted, SignedBadge/signed.
 *  - Blockcerts v2: an OB 2.0 assertion whose `signature` is a MerkleProof2017 receipt anchored in a
 *    blockchain (isBlockcertsV2), which no hosted copy confirms (formats/blockcerts2.ts).
 *  - Blockcerts v3: a Verifiable Credential of type BlockcertsCredential and of no Open Badges or CLR
 *    type (isBlockcertsV3), vouched for by a MerkleProof2019 receipt (formats/blockcerts3.ts).
 */
import type { BadgeFormat } from '../model.ts';
import { peekJws, SD_JWT } from './jws.ts';
import type { CredentialText } from './types.ts';

type Json = Record<string, unknown>;
type ObVersion = '0.5' | '1.0' | '1.1' | '2.0';

const VC_CONTEXTS = ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/2018/credentials/v1'];

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : [v]).filter((s): s is string => typeof s === 'string');

/** The types that make a Verifiable Credential an Open Badge or a CLR (OB 3.0 §OpenBadgeCredential, CLR 2.0 §ClrCredential). */
const OB_VC_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential'];

/** Blockcerts v3 (cert-schema 3.x): type BlockcertsCredential; one that also names an Open Badges type is read as that. */
export function isBlockcertsV3(doc: Json): boolean {
  const t = strings(doc.type);
  return t.includes('BlockcertsCredential') && !t.some((x) => OB_VC_TYPES.includes(x));
}

/** VC Data Model 1.1 / 2.0: a `vc` claim (VC-JWT 1.1), a VC context, or type VerifiableCredential. */
export function isVerifiableCredential(doc: Json): boolean {
  if (isObj(doc.vc)) return true;
  if (strings(doc['@context']).some((c) => VC_CONTEXTS.includes(c))) return true;
  return strings(doc.type).includes('VerifiableCredential');
}

/**
 * A W3C credential secured as an SD-JWT (RFC 9901 §4; VC-JOSE-COSE §3.2, walt.id's `vc` form), told by
 * its issuer-signed JWT, unverified: formats/sd-jwt.ts verifies it. Throws (PARSE_JWS) when that JWT is
 * not JSON; false for any other text, or another kind of SD-JWT (an IETF SD-JWT VC, `vct`).
 */
export function isW3cSdJwt(text: string): boolean {
  const m = SD_JWT.exec(text);
  return m !== null && isVerifiableCredential(peekJws(m[1]!).payload);
}

/** Blockcerts v2 and 2.0-alpha contexts (https://w3id.org/blockcerts/v2, …/schema/2.0-alpha/context.json). */
const BLOCKCERTS_V2_CONTEXT = /^https?:\/\/w3id\.org\/blockcerts\/(?:v2(?:\.\d[\w.-]*)?|schema\/2\.\d[\w.-]*\/context\.json)\/?$/i;

/**
 * A Blockcerts v2 certificate (Blockcerts v2 schema, cert-schema 2.0): its context names Blockcerts
 * v2, or its `signature` is a MerkleProof2017 receipt, or its `verification` MerkleProofVerification2017.
 */
export function isBlockcertsV2(doc: Json): boolean {
  if (strings(doc['@context']).some((c) => BLOCKCERTS_V2_CONTEXT.test(c))) return true;
  const typeOf = (v: unknown) => (isObj(v) ? strings(v.type) : []);
  return typeOf(doc.signature).includes('MerkleProof2017') || typeOf(doc.verification).includes('MerkleProofVerification2017');
}

/**
 * Whether a JSON document says it is an Open Badge (or another Verifiable Credential): a `@context`,
 * a `type`, a `vc` claim, a credentialSubject, or an OB 1.0 / 0.5 assertion's fields (detectObVersion).
 * Read first (classify.ts): another credential's envelope (an OpenAttestation document's `data` and
 * SHA3MerkleProof, a JWS in JSON serialization's `payload`) has none of these at its top, and a badge
 * that borrows that envelope's fields is still checked as a badge, never left unsettled for them.
 */
export function namesABadge(doc: Json): boolean {
  return doc['@context'] !== undefined || doc.type !== undefined || doc.credentialSubject !== undefined || isVerifiableCredential(doc) || detectObVersion(doc) !== undefined;
}

/** VCORE `_detect_openbadges_version`, extended to @context arrays. Undefined: not an assertion at all. */
export function detectObVersion(doc: Json): ObVersion | undefined {
  const context = doc['@context'];
  if (context === undefined || context === null) {
    if (typeof doc.recipient === 'string') return '0.5';
    // No context and nothing an assertion has: some other JSON document (not a badge).
    const assertionKeys = ['recipient', 'verify', 'verification', 'badge', 'uid', 'issuedOn', 'issued_on'];
    return assertionKeys.some((k) => k in doc) ? '1.0' : undefined;
  }
  const urls = strings(context);
  if (urls.some((c) => c.includes('openbadges/v2'))) return '2.0';
  if (urls.some((c) => c.includes('openbadges/v1'))) return '1.1';
  if (urls.some((c) => c.includes('v2'))) return '2.0';
  if (urls.some((c) => c.includes('v1'))) return '1.1';
  return '2.0'; // VCORE: "Default to latest version if we cannot interpret version"
}

/** OB 2.0 §VerificationObject `type` (aliases from the v1/v2 contexts). */
function isSigned(doc: Json): boolean {
  const v = isObj(doc.verification) ? doc.verification : isObj(doc.verify) ? doc.verify : undefined;
  const type = strings(v?.type).map((t) => t.toLowerCase());
  return type.includes('signedbadge') || type.includes('signed');
}

function obFormat(version: ObVersion, signed: boolean): BadgeFormat {
  if (version === '0.5') return 'ob0.5-hosted'; // 0.5 had no signed badges
  const v = version === '2.0' ? 'ob2.0' : version === '1.1' ? 'ob1.1' : 'ob1.0';
  return `${v}-${signed ? 'signed' : 'hosted'}`;
}

/** The format and version a credential claims to be. Never throws: unreadable input is 'unknown'. */
export function detectFormat(credential: CredentialText): BadgeFormat {
  switch (credential.type) {
    case 'url':
      return 'hosted-url';
    case 'jws': {
      let payload: Json;
      try {
        // An SD-JWT (RFC 9901 §4) is told by its issuer-signed JWT.
        // (An SD-JWT has a `~`: the pattern is not run over every other token's kilobytes.)
        const sd = credential.text.includes('~') ? SD_JWT.exec(credential.text)?.[1] : undefined;
        payload = peekJws(sd ?? credential.text).payload;
      } catch {
        return 'unknown';
      }
      if (isVerifiableCredential(payload)) return 'ob3.0-jwt';
      const version = detectObVersion(payload);
      // A JWS payload is signed by construction; 0.5 predates signing, so a JWS is at least 1.0.
      return version ? obFormat(version === '0.5' ? '1.0' : version, true) : 'unknown';
    }
    case 'json': {
      const doc = credential.json;
      if (isVerifiableCredential(doc)) {
        if (isBlockcertsV3(doc)) return 'blockcerts3';
        const proof = doc.proof ?? (isObj(doc.vc) ? doc.vc.proof : undefined);
        return isObj(proof) || (Array.isArray(proof) && proof.length > 0) ? 'ob3.0-data-integrity' : 'ob3.0-unsigned';
      }
      if (isBlockcertsV2(doc)) return 'blockcerts2';
      const version = detectObVersion(doc);
      return version ? obFormat(version, isSigned(doc)) : 'unknown';
    }
  }
}
