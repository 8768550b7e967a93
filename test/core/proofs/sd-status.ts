/**
 * A revocation list signed by an ecdsa-sd-2023 issuer's own P-256 key (ecdsa-rdfc-2019), for the
 * selective-disclosure tests: Bitstring Status List §2.2 BitstringStatusListCredential, 16 KiB of bits
 * gzipped (§3.1: index 0 is the left-most bit of the first byte), `revoked` the indexes set.
 */
import { gzipSync } from 'node:zlib';
import { signEcdsaRdfc, type EcSigner } from './suites-sign.ts';

export function ecStatusList(issuer: EcSigner, id: string, revoked: readonly number[] = []): Promise<Record<string, unknown>> {
  const bits = new Uint8Array(16 * 1024);
  for (const i of revoked) bits[i >> 3]! |= 0x80 >> (i & 7);
  return signEcdsaRdfc({
    '@context': ['https://www.w3.org/ns/credentials/v2'], id, type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: issuer.did, validFrom: '2024-01-01T00:00:00Z',
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: `u${gzipSync(bits).toString('base64url')}` },
  }, issuer);
}

/** A BitstringStatusListEntry (§2.1) for index `index` of the list at `list`. */
export const statusEntry = (list: string, index = 5) => ({ id: `${list}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: list });
