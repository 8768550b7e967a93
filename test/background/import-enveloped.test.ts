/**
 * Enveloped credentials (VC DM 2.0 §4.13) in the import: a presentation of several
 * EnvelopedVerifiableCredentials adds each as the VC-JWT it carries (import-batch.ts splits the
 * presentation, the engine reads each envelope), one adds as a single badge, and an
 * EnvelopedVerifiablePresentation is read by the engine from its data: URL, never split by the members
 * written around it. Each was refused ("an enveloped credential, which Lanyard does not verify yet").
 */
import { describe, expect, it } from 'vitest';
import { credential, makeKey, sign } from '../core/keys/jwt-fixtures.ts';
import { harness } from './harness.ts';

const text = (t: string) => ({ kind: 'text' as const, text: t });
const evc = (jws: string) => ({ '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jws}` });
const vpOf = (...vcs: unknown[]) => ({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: vcs });

async function vcJwt(id: string, name: string): Promise<string> {
  const k = await makeKey('EdDSA');
  const vc = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' }, { id });
  (vc.credentialSubject as { achievement: { name: string } }).achievement.name = name; // the name a badge is listed by
  return sign(vc, k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+jwt' });
}

describe('enveloped credentials in the import', () => {
  it('a presentation of two enveloped VC-JWTs adds both, each valid', async () => {
    const h = await harness();
    const view = await h.app.library.import(text(JSON.stringify(vpOf(evc(await vcJwt('urn:uuid:1', 'One')), evc(await vcJwt('urn:uuid:2', 'Two'))))));
    expect(view.batch).toEqual({ total: 2, added: 2, held: 0, refused: 0 });
    const all = await h.app.library.list();
    expect(all.map((b) => b.verdict)).toEqual(['valid', 'valid']);
  });

  it('one enveloped credential, alone or in a presentation, is one badge', async () => {
    const h = await harness();
    const alone = await h.app.library.import(text(JSON.stringify(evc(await vcJwt('urn:uuid:3', 'Three')))));
    expect(alone).toMatchObject({ verdict: 'valid', accountId: 'local' });
    expect(alone.batch).toBeUndefined();
    const inVp = await h.app.library.import(text(JSON.stringify(vpOf(evc(await vcJwt('urn:uuid:4', 'Four'))))));
    expect(inVp).toMatchObject({ verdict: 'valid' });
    expect(inVp.batch).toBeUndefined();
    expect(await h.db.badges.count()).toBe(2);
  });

  it('an enveloped presentation is the one credential its data: URL holds, not the members written around it', async () => {
    const h = await harness();
    const k = await makeKey('EdDSA');
    const holder = await sign(vpOf(evc(await vcJwt('urn:uuid:5', 'Five'))), k, { typ: 'vp+jwt' });
    const decoys = [evc(await vcJwt('urn:uuid:6', 'Six')), evc(await vcJwt('urn:uuid:7', 'Seven'))];
    const envelope = { '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiablePresentation', id: `data:application/vp+jwt,${holder}`, verifiableCredential: decoys };
    const view = await h.app.library.import(text(JSON.stringify(envelope)));
    expect(view.batch).toBeUndefined();
    expect(view).toMatchObject({ verdict: 'valid' });
    expect(await h.db.badges.count()).toBe(1);
    expect((await h.app.library.list())[0]?.name).toBe('Five');
  });
});
