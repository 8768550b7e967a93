/**
 * An X.509 certificate PEM → its SubjectPublicKeyInfo PEM (RFC 5280 §4.1), checked against what
 * Node's X509Certificate reads from the same certificate; hostile DER gives nothing.
 */
import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { certificateToSpkiPem } from '../../../src/core/keys/x509-spki.ts';
import { certificateDer, certificatePem, tlv, toPem } from '../../support/x509.ts';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const spkiPem = (k: { export: (o: { type: 'spki'; format: 'pem' }) => string | Buffer }) => String(k.export({ type: 'spki', format: 'pem' })).trim();

describe('certificateToSpkiPem', () => {
  it.each([1, 3] as const)('gives the key of a v%i certificate, as Node\'s X509Certificate reads it', (version) => {
    const pem = certificatePem({ subjectKey: rsa.publicKey, signer: rsa.privateKey, version });
    const x = new X509Certificate(pem);
    expect(x.verify(rsa.publicKey)).toBe(true);
    expect(certificateToSpkiPem(pem)).toBe(spkiPem(x.publicKey));
    expect(certificateToSpkiPem(pem)).toBe(spkiPem(rsa.publicKey));
    // What Mozilla's validator relied on: Node's crypto takes the certificate as its public key.
    expect(spkiPem(createPublicKey(pem))).toBe(spkiPem(rsa.publicKey));
  });

  it('reads the key whatever its algorithm (an EC key, signed by an RSA one): whether it is usable is the importer\'s word', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = certificatePem({ subjectKey: ec.publicKey, signer: rsa.privateKey });
    expect(certificateToSpkiPem(pem)).toBe(spkiPem(new X509Certificate(pem).publicKey));
  });

  it('gives the first certificate\'s key of a chain, as Node\'s crypto did; the rest is not read', () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const chain = certificatePem({ subjectKey: rsa.publicKey, signer: other.privateKey }) + certificatePem({ subjectKey: other.publicKey, signer: other.privateKey });
    expect(certificateToSpkiPem(chain)).toBe(spkiPem(rsa.publicKey));
    expect(spkiPem(createPublicKey(chain))).toBe(spkiPem(rsa.publicKey));
  });

  const good = certificateDer({ subjectKey: rsa.publicKey, signer: rsa.privateKey });
  const withBody = (body: Uint8Array) => toPem(tlv(0x30, body));
  it.each([
    ['a public key PEM', toPem(rsa.publicKey.export({ type: 'spki', format: 'der' }), 'PUBLIC KEY')],
    ['the DER of a key, labelled a certificate (no TBSCertificate around it)', toPem(rsa.publicKey.export({ type: 'spki', format: 'der' }))],
    ['a truncated certificate', toPem(good.subarray(0, good.length - 40))],
    ['a certificate with bytes after it', toPem(Buffer.concat([good, Buffer.from([0])]))],
    ['an indefinite length (BER, not DER)', toPem(Buffer.concat([Buffer.from([0x30, 0x80]), good.subarray(4), Buffer.from([0, 0])]))],
    ['a length of four bytes', toPem(Buffer.from([0x30, 0x84, 0, 0, 0, 4, 0x30, 0x02, 0x02, 0x00]))],
    ['a TBSCertificate missing its subject', withBody(tlv(0x30, tlv(0x02, Buffer.from([1])), tlv(0x30), tlv(0x30), tlv(0x30), rsa.publicKey.export({ type: 'spki', format: 'der' })))],
    ['a TBSCertificate whose fields are out of order', withBody(tlv(0x30, tlv(0x30), tlv(0x02, Buffer.from([1])), tlv(0x30), tlv(0x30), tlv(0x30), rsa.publicKey.export({ type: 'spki', format: 'der' })))],
    ['an element whose length runs past its parent', withBody(tlv(0x30, Buffer.from([0x02, 0x7f, 0x01])))],
    ['characters outside base64', '-----BEGIN CERTIFICATE-----\nMIIB*A\n-----END CERTIFICATE-----'],
    ['a DER longer than any certificate', toPem(tlv(0x30, Buffer.alloc(70000)))],
  ])('gives nothing for %s', (_, pem) => {
    expect(certificateToSpkiPem(pem)).toBeUndefined();
  });
});
