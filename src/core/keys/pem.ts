/**
 * PEM's textual encoding (RFC 7468 §2): a label between BEGIN and END lines around base64 (RFC 4648
 * §4) of DER, as OB 1.x issuers served their keys at verify.url.
 */
import { decodeBase64url } from './base64url.ts';

/** The DER of a PEM body's base64 (white space allowed, padding optional); undefined for anything else. */
export function pemBodyDer(body: string): Uint8Array | undefined {
  try {
    return decodeBase64url(body.replace(/\s+/g, '').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
  } catch {
    return undefined;
  }
}

/** DER as a PEM with the label, lines of 64 characters (RFC 7468 §2). */
export function derToPem(der: Uint8Array, label: string): string {
  let bin = '';
  for (const b of der) bin += String.fromCharCode(b);
  const b64 = btoa(bin);
  return `-----BEGIN ${label}-----\n${b64.replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END ${label}-----`;
}
