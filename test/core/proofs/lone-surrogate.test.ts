/**
 * Text that is not Unicode: a lone UTF-16 surrogate (JSON allows `"\ud800"`). RDFC-1.0 hashes the
 * canonical N-Quads as UTF-8, where every lone surrogate becomes U+FFFD, so a credential signed
 * with U+FFFD in a name verified with any lone surrogate in its place: one signature, many
 * documents. RFC 8785 §3.2.2.2 makes a lone surrogate an error for JCS; RDF 1.1 §3.3 literals are
 * Unicode strings. Either way what was signed cannot be told from what is shown: indeterminate.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../src/core/errors.ts';
import { hashData } from '../../../src/core/proofs/ed25519.ts';
import { jcs } from '../../../src/core/proofs/jcs.ts';
import { base58btcEncode } from '../../../src/core/proofs/sign.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { credential, generateSigner, signCredential, type Ed25519Signer } from './support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const run = (vc: unknown) => verify(JSON.stringify(vc), { now: NOW });
const signature = (r: Awaited<ReturnType<typeof run>>) => r.checks.find((c) => c.id === 'signature');
let alice: Ed25519Signer;
beforeAll(async () => {
  alice = await generateSigner();
});

describe('a lone surrogate in a signed credential', () => {
  it('eddsa-rdfc-2022: signed with U+FFFD in its name, valid; the same with a lone surrogate there, not valid', async () => {
    const signed = await signCredential(credential(alice.did, { name: 'Team\ufffdwork' }), alice);
    expect((await run(signed)).verdict).toBe('valid');
    for (const name of ['Team\ud800work', 'Team\udfffwork']) {
      const r = await run({ ...signed, name });
      expect(r.verdict, JSON.stringify(r.checks)).toBe('indeterminate');
      expect(signature(r)).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    }
  });

  it('eddsa-jcs-2022: a credential signed by a serializer that escapes a lone surrogate (JSON.stringify) is not valid', async () => {
    const c = credential(alice.did, { name: 'Team\ud800work' });
    const proof: Record<string, unknown> = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', verificationMethod: alice.didMethod, proofPurpose: 'assertionMethod', '@context': c['@context'] };
    // What a signer without RFC 8785's check writes: JCS with the surrogate escaped as \ud800.
    const doc = jcs({ ...c, name: 'Team\u0000work' }).replace('\\u0000', '\\ud800');
    const sig = new Uint8Array(await crypto.subtle.sign('Ed25519', alice.privateKey, hashData(jcs(proof), doc) as Uint8Array<ArrayBuffer>));
    const r = await run({ ...c, proof: { ...proof, proofValue: `z${base58btcEncode(sig)}` } });
    expect(r.verdict, JSON.stringify(r.checks)).toBe('indeterminate');
    expect(signature(r)).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
  });

  it('JCS refuses a lone surrogate in a value or a member name (RFC 8785 §3.2.2.2), not a surrogate pair', () => {
    expect(() => jcs({ name: 'a\udc00' })).toThrow(/surrogate/);
    expect(() => jcs({ ['\ud83d']: 1 })).toThrow(/surrogate/);
    expect(jcs({ name: '\ud83d\ude00' })).toBe('{"name":"\ud83d\ude00"}');
  });
});
