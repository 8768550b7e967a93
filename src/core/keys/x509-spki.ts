/**
 * The public key in an X.509 certificate PEM ("-----BEGIN CERTIFICATE-----"), as the
 * SubjectPublicKeyInfo PEM that WebCrypto imports. OB 1.x signed badges serve the issuer's key at
 * verify.url, and Mozilla's validator (node-jws over Node's crypto, whose verify took "an RSA public
 * key, DSA public key, or X.509 certificate" PEM) accepted a certificate there. Only its key is
 * read: its names, dates, extensions, signature and chain vouch for nothing here, and the key is
 * bound to the URL that served it exactly as a PEM key would be.
 *
 * A minimal DER walk (X.690 §8.1, definite lengths only) of RFC 5280 §4.1:
 *   Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
 *   TBSCertificate ::= SEQUENCE { version [0] EXPLICIT DEFAULT v1, serialNumber INTEGER,
 *     signature AlgorithmIdentifier, issuer Name, validity Validity, subject Name,
 *     subjectPublicKeyInfo SubjectPublicKeyInfo, … }
 */
import { derToPem, pemBodyDer } from './pem.ts';

const SEQUENCE = 0x30;
const INTEGER = 0x02;
/** [0] EXPLICIT, constructed: the version of a v2 or v3 certificate. */
const VERSION = 0xa0;
/** Far above a real certificate's DER: a hostile PEM is not walked at any length. */
const MAX_DER = 65536;

type Element = { tag: number; start: number; body: number; next: number };

/** The DER element at `at`, or undefined when it is no definite-length element ending by `end`. */
function element(der: Uint8Array, at: number, end: number): Element | undefined {
  if (at + 2 > end) return undefined;
  const tag = der[at]!;
  // High tag numbers (X.690 §8.1.2.4) appear in none of these fields.
  if ((tag & 0x1f) === 0x1f) return undefined;
  let len = der[at + 1]!;
  let body = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    // 0x80 is BER's indefinite length (not DER); more than 3 length bytes is past MAX_DER.
    if (n === 0 || n > 3 || body + n > end) return undefined;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + der[body + i]!;
    body += n;
  }
  const next = body + len;
  return next <= end ? { tag, start: at, body, next } : undefined;
}

/**
 * The SPKI PEM of the first certificate in a PEM (what Node's crypto read from a chain); undefined
 * when the text is no certificate PEM or its DER does not hold the fields above in that order.
 */
export function certificateToSpkiPem(pem: string): string | undefined {
  const m = /^-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem.trim());
  const der = m ? pemBodyDer(m[1]!) : undefined;
  if (!der || der.length > MAX_DER) return undefined;
  const cert = element(der, 0, der.length);
  if (cert?.tag !== SEQUENCE || cert.next !== der.length) return undefined;
  const tbs = element(der, cert.body, cert.next);
  if (tbs?.tag !== SEQUENCE) return undefined;
  let e = element(der, tbs.body, tbs.next);
  if (e?.tag === VERSION) e = element(der, e.next, tbs.next);
  // serialNumber, signature, issuer, validity, subject: skipped, never read.
  for (const tag of [INTEGER, SEQUENCE, SEQUENCE, SEQUENCE, SEQUENCE]) {
    if (e?.tag !== tag) return undefined;
    e = element(der, e.next, tbs.next);
  }
  if (e?.tag !== SEQUENCE) return undefined;
  return derToPem(der.subarray(e.start, e.next), 'PUBLIC KEY');
}
