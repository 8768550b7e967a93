/**
 * An RSA public key written as PKCS #1 PEM ("-----BEGIN RSA PUBLIC KEY-----", RFC 8017 §A.1.1),
 * rewritten as the SubjectPublicKeyInfo PEM that WebCrypto imports (RFC 5280 §4.1.2.7 with
 * rsaEncryption, RFC 3279 §2.3.1). OB 1.0 signed badges serve the issuer's key as a PEM at
 * verify.url, and Mozilla's validator (node-jws over Node's crypto) accepted either form.
 */
import { derToPem, pemBodyDer } from './pem.ts';

/** AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }. */
const RSA_ENCRYPTION = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
/** Far above a 16384-bit key's DER: a hostile PEM is not copied around. */
const MAX_DER = 4096;

/** X.690 §8.1.3 definite length. */
function derLength(n: number): number[] {
  if (n < 0x80) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** The SPKI PEM of a PKCS #1 RSA public key PEM; undefined for anything else. */
export function pkcs1ToSpkiPem(pem: string): string | undefined {
  const m = /^-----BEGIN RSA PUBLIC KEY-----([A-Za-z0-9+/=\s]+)-----END RSA PUBLIC KEY-----$/.exec(pem.trim());
  if (!m) return undefined;
  const der = pemBodyDer(m[1]!);
  // RSAPublicKey ::= SEQUENCE { modulus, publicExponent }
  if (!der || der.length === 0 || der.length > MAX_DER || der[0] !== 0x30) return undefined;
  const body = [...RSA_ENCRYPTION, 0x03, ...derLength(der.length + 1), 0x00, ...der];
  return derToPem(new Uint8Array([0x30, ...derLength(body.length), ...body]), 'PUBLIC KEY');
}
