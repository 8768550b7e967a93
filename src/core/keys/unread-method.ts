/**
 * A verification method whose key material Lanyard does not read, and what key it may be (methods.ts
 * `unread`, binding.ts): a JWK written wrongly (a coordinate of the wrong length, RFC 7518 §6.2.1.2,
 * RFC 8037 §2), a Multikey whose bytes are not a key of its codec (CID 1.0 §Multikey), an
 * Ed25519VerificationKey2018 `publicKeyBase58` not of 32 octets, or material in a form Lanyard does not
 * decode (`publicKeyPem`, `publicKeyHex`, `publicKeyBase64`: older DID documents). Such a method may
 * be the signing key itself, written in a way Lanyard cannot read: a key not found elsewhere is then
 * unsettled, never "not listed". What type it claims (by its JWK's kty and crv, its multicodec, or its
 * method type) keeps a key of another type from being taken for it: an Ed25519 method cannot be the
 * P-256 key that signed.
 */
import { isObj, str, type Json } from '../formats/json-util.ts';
import { multibaseDecode } from './base58.ts';

/** The key type an unread method claims: kty and crv as a JWK writes them; undefined where it says none. */
export interface ClaimedType {
  kty: unknown;
  crv: unknown;
}

const UNKNOWN: ClaimedType = { kty: undefined, crv: undefined };

/** Multicodec prefixes (multiformats table, varint): the key types they name. */
function codecType(bytes: Uint8Array): ClaimedType {
  const [a, b] = bytes;
  if (a === 0xed && b === 0x01) return { kty: 'OKP', crv: 'Ed25519' };
  if (a === 0x80 && b === 0x24) return { kty: 'EC', crv: 'P-256' };
  if (a === 0x81 && b === 0x24) return { kty: 'EC', crv: 'P-384' };
  if (a === 0x85 && b === 0x24) return { kty: 'RSA', crv: undefined };
  if (a === 0xe7 && b === 0x01) return { kty: 'EC', crv: 'secp256k1' };
  // Another codec (Ed448, BLS12-381, P-521…): a key of a type Lanyard does not verify with.
  return { kty: 'other', crv: 'other' };
}

/**
 * What the method's own type says (Ed25519VerificationKey2018, EcdsaSecp256k1VerificationKey2019,
 * EcdsaSecp256r1VerificationKey2019, RsaVerificationKey2018). A key agreement key (X25519KeyAgreementKey2019)
 * or a BBS+ key (Bls12381G1Key2020, Bls12381G2Key2020) signs nothing Lanyard verifies: another type.
 */
function typeOfMethod(vm: Json): ClaimedType {
  const t = (Array.isArray(vm.type) ? vm.type : [vm.type]).filter((x): x is string => typeof x === 'string').join(' ');
  if (/X25519|Bls12381/i.test(t)) return { kty: 'other', crv: 'other' };
  if (/Ed25519/i.test(t)) return { kty: 'OKP', crv: 'Ed25519' };
  if (/Secp256k1/i.test(t)) return { kty: 'EC', crv: 'secp256k1' };
  if (/Secp256r1|P-?256/i.test(t)) return { kty: 'EC', crv: 'P-256' };
  if (/Secp384r1|P-?384/i.test(t)) return { kty: 'EC', crv: 'P-384' };
  if (/Rsa/i.test(t)) return { kty: 'RSA', crv: undefined };
  return UNKNOWN;
}

/**
 * The type the key material of `vm` claims, when `vm` carries material that did not read as a key;
 * undefined when it carries none (a method named by id alone, or a blockchain account).
 */
export function claimedType(vm: Json): ClaimedType | undefined {
  if (vm.publicKeyJwk !== undefined) return isObj(vm.publicKeyJwk) ? { kty: vm.publicKeyJwk.kty, crv: vm.publicKeyJwk.crv } : UNKNOWN;
  const mb = str(vm.publicKeyMultibase);
  if (mb !== undefined) {
    const bytes = mb.length < 4096 ? multibaseDecode(mb) : null;
    return bytes && bytes.length >= 2 ? codecType(bytes) : UNKNOWN;
  }
  if (vm.publicKeyBase58 !== undefined) {
    const t = typeOfMethod(vm);
    return t.kty === undefined ? { kty: 'OKP', crv: 'Ed25519' } : t;
  }
  if (['publicKeyPem', 'publicKeyHex', 'publicKeyBase64'].some((m) => vm[m] !== undefined)) return typeOfMethod(vm);
  return undefined;
}
