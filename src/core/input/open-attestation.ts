/**
 * An OpenAttestation 2.0 document (OpenAttestation framework, Singapore GovTech): the wrapped form
 * OpenCerts certificates and TradeTrust documents take, `{version | schema, data, signature}`. Every
 * value of `data` is salted (`<uuid>:<type>:<value>`) and hashed into `signature`, a SHA3MerkleProof
 * (`targetHash`, `proof`, `merkleRoot`), whose root the issuer records in a document store contract on
 * a blockchain or signs with a DID (`proof`, OpenAttestationSignature2018), its identity shown by a DNS
 * TXT record. Lanyard checks Open Badges, reads no blockchain and no DNS: such a document is read and
 * left unsettled, never called unreadable for being another kind of credential nor forged for a proof
 * Lanyard does not check.
 */
import { UnsupportedCredentialError } from '../errors.ts';
import { shorten } from '../display.ts';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const HASH = /^(0x)?[0-9a-f]{64}$/i;

/** Whether a JSON document is a wrapped OpenAttestation 2.0 document: its `data` and a SHA3MerkleProof over it. */
export function isOpenAttestation(doc: Json): boolean {
  const s = doc.signature;
  return isObj(doc.data) && isObj(s) && s.type === 'SHA3MerkleProof' && typeof s.targetHash === 'string' && HASH.test(s.targetHash) && typeof s.merkleRoot === 'string' && HASH.test(s.merkleRoot);
}

/** Throws the "read, not verified" error for an OpenAttestation document, naming the schema it declares. */
export function rejectOpenAttestation(doc: Json): never {
  const declared = typeof doc.schema === 'string' ? doc.schema : typeof doc.version === 'string' ? doc.version : undefined;
  const of = declared ? ` (${shorten(declared, 60)})` : '';
  throw new UnsupportedCredentialError(
    `an OpenAttestation document${of}, as OpenCerts certificates and TradeTrust documents are`,
    'This is an OpenAttestation document, not an Open Badge: it is secured by a SHA3MerkleProof whose root its issuer records on a blockchain or signs with a DID, which Lanyard does not verify: it cannot say whether it holds',
  );
}
