/**
 * X.509 certificates made in the test (RFC 5280 §4.1), since Node's crypto reads certificates
 * (X509Certificate) but makes none: the DER written here, the signature by Node's crypto. Tests
 * check each with X509Certificate, so what they parse is a certificate Node (and OpenSSL) reads.
 */
import { sign, type KeyObject } from 'node:crypto';

/** A DER element (X.690 §8.1, definite length). */
export function tlv(tag: number, ...parts: Uint8Array[]): Uint8Array {
  const body = Buffer.concat(parts);
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : n < 0x10000 ? [0x82, n >> 8, n & 0xff] : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}

const seq = (...p: Uint8Array[]) => tlv(0x30, ...p);
const oid = (hex: string) => tlv(0x06, Buffer.from(hex, 'hex'));
/** sha256WithRSAEncryption (1.2.840.113549.1.1.11), NULL parameters. */
const SHA256_RSA = seq(oid('2a864886f70d01010b'), Buffer.from([0x05, 0x00]));
/** Name: one RDN, commonName (2.5.4.3) as a UTF8String. */
const name = (cn: string) => seq(tlv(0x31, seq(oid('550403'), tlv(0x0c, Buffer.from(cn)))));
const utcTime = (s: string) => tlv(0x17, Buffer.from(s));

export interface CertOptions {
  /** The key the certificate holds. */
  subjectKey: KeyObject;
  /** The RSA key that signs it (self-signed when it is the subject key's private half). */
  signer: KeyObject;
  /** v1 certificates have no version field; v3 ones carry [0] EXPLICIT 2 and extensions. */
  version?: 1 | 3;
  subject?: string;
}

/** The certificate's DER. */
export function certificateDer({ subjectKey, signer, version = 3, subject = 'Example Badge Issuer' }: CertOptions): Buffer {
  const spki = subjectKey.export({ type: 'spki', format: 'der' });
  const basicConstraints = seq(oid('551d13'), tlv(0x04, seq()));
  const tbs = seq(
    ...(version === 3 ? [tlv(0xa0, tlv(0x02, Buffer.from([2])))] : []),
    tlv(0x02, Buffer.from([0x01, 0x23, 0x45])),
    SHA256_RSA,
    name(subject),
    seq(utcTime('130101000000Z'), utcTime('140101000000Z')),
    name(subject),
    spki,
    ...(version === 3 ? [tlv(0xa3, seq(basicConstraints))] : []),
  );
  return Buffer.from(seq(tbs, SHA256_RSA, tlv(0x03, Buffer.from([0]), sign('sha256', tbs, signer))));
}

export const toPem = (der: Uint8Array, label = 'CERTIFICATE') =>
  `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '')}\n-----END ${label}-----\n`;

export const certificatePem = (o: CertOptions) => toPem(certificateDer(o));
