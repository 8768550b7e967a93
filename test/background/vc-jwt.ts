/** A VC-JWT Open Badge signed by a fresh did:key issuer (Ed25519), valid offline: for the import tests. */
import { credential, makeKey, sign } from '../core/keys/jwt-fixtures.ts';

export async function vcJwt(id: string, { name, issuerName = 'Key Issuer' }: { name?: string; issuerName?: string } = {}): Promise<string> {
  const k = await makeKey('EdDSA');
  const vc = credential({ id: k.did, type: ['Profile'], name: issuerName }, { id });
  if (name !== undefined) (vc.credentialSubject as { achievement: { name: string } }).achievement.name = name;
  return sign(vc, k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+jwt' });
}
