/**
 * A JWS in JSON serialization (RFC 7515 §7.2): general (`payload` and a `signatures` list of
 * `{protected?, header?, signature}`) or flattened (`payload`, `signature` and a `protected` or
 * `header`). European Digital Credentials (Europass EDC) come this way, sealed with a JAdES signature
 * (ETSI TS 119 182-1: an unencoded payload, `b64: false`, and the e-seal's certificate chain in `x5c`).
 * Lanyard verifies compact JWS only: such a credential is read and left unsettled, never called
 * unreadable for its envelope nor forged for a signature Lanyard does not check.
 */
import { UnsupportedCredentialError } from '../errors.ts';
import { shorten } from '../display.ts';
import { base64UrlDecode } from './jws.ts';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isSignature = (s: unknown): boolean => isObj(s) && typeof s.signature === 'string' && (typeof s.protected === 'string' || isObj(s.header));

/** Whether a JSON document is a JWS in JSON serialization (RFC 7515 §7.2.1 general, §7.2.2 flattened). */
export function isJwsJson(doc: Json): boolean {
  if (typeof doc.payload !== 'string') return false;
  if (Array.isArray(doc.signatures)) return doc.signatures.length > 0 && doc.signatures.every(isSignature);
  return isSignature(doc);
}

/** The `type` its payload names, read unverified and only to say what it is; empty when it names none. */
function payloadTypes(payload: string): string[] {
  const asJson = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  };
  // JAdES leaves the payload as it is (b64: false, RFC 7797); otherwise it is base64url (RFC 7515 §7.2.1).
  let doc = asJson(payload);
  if (!isObj(doc)) {
    try {
      doc = asJson(new TextDecoder().decode(base64UrlDecode(payload)));
    } catch {
      doc = undefined;
    }
  }
  const t = isObj(doc) ? doc.type : undefined;
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').slice(0, 4);
}

/** Throws the "read, not verified" error for a JWS in JSON serialization. */
export function rejectJwsJson(doc: Json): never {
  const types = payloadTypes(doc.payload as string);
  const of = types.length ? ` over a credential of type ${types.map((t) => shorten(t, 60)).join(', ')}` : '';
  throw new UnsupportedCredentialError(
    `a JWS in JSON serialization${of}`,
    'This credential is signed as a JWS in JSON serialization (RFC 7515 §7.2; a JAdES seal, as European Digital Credentials are), which Lanyard does not verify: it cannot say whether it holds',
  );
}
