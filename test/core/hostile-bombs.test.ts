/**
 * Parser and work bombs a hostile issuer can put in a badge or in the documents verification
 * fetches, beyond those the input tests cover (deep JSON, iTXt deflate bombs, billion laughs): each
 * ends in bounded time with a clear outcome, and never as a false `valid` or a genuine badge called
 * forged. Times are generous bounds for a shared 2-core machine, far below what the attacks would
 * cost unbounded.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../src/core/errors.ts';
import { unpack } from '../../src/core/input/index.ts';
import { applyDataIntegrity, verifyDataIntegrity } from '../../src/core/proofs/verify.ts';
import { checkCredentialStatus } from '../../src/core/status/check.ts';
import { CheckList } from '../../src/core/verify/checks.ts';
import { FakeWeb } from '../support/fake-web.ts';
import { buildPng, chunk, concat, itxt } from './input/png-builder.ts';
import { context, credential, generateSigner, signCredential, signedStatusList, type Ed25519Signer } from './proofs/support.ts';

let alice: Ed25519Signer;
beforeAll(async () => {
  alice = await generateSigner();
});

const signatureOf = async (doc: Record<string, unknown>) => {
  const checks = new CheckList();
  applyDataIntegrity(await verifyDataIntegrity(doc, context()), checks);
  return checks.get('signature');
};

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t };
}

describe('canonicalisation bombs (RDFC-1.0 §4.8 hash N-degree quads)', () => {
  it('a blank-node clique (a "poison graph") in a signed credential stops at the work limit: indeterminate, not a hang', async () => {
    const vc = await signCredential(credential(alice.did), alice);
    // 14 blank nodes, each linked to every other: N-degree hashing tries every permutation (14! paths) unbounded.
    const n = 14;
    const clique = Array.from({ length: n }, (_, i) => ({
      id: `_:b${i}`,
      type: 'VerifiableCredential',
      evidence: Array.from({ length: n }, (_, j) => ({ id: `_:b${j}` })).filter((_, j) => j !== i),
    }));
    const { value: signature, ms } = await timed(() => signatureOf({ ...vc, credentialSubject: [vc.credentialSubject, ...clique] }));
    expect(signature).toMatchObject({ outcome: 'indeterminate' });
    expect(signature?.message).toMatch(/canonicali[sz]ed/);
    expect(ms).toBeLessThan(5000);
  });
});

describe('JSON-LD context bombs (jsonld.js reprocesses a scoped context at each node that uses it)', () => {
  const scopedBomb = (terms: number, nodes: number) => {
    const scoped = Object.fromEntries(Array.from({ length: terms }, (_, i) => [`s${i}`, `https://ex.test/s${i}`]));
    return {
      '@context': { w: { '@id': 'https://ex.test/w', '@context': { s1: 'https://ex.test/s1', s2: { '@id': 'https://ex.test/s2', '@context': scoped } } } },
      w: Array.from({ length: nodes }, () => ({ s1: 'v', s2: {} })),
    };
  };

  it('2,000 scoped terms used by 4,000 nodes (a 130 KB credential; about 20 s of jsonld.js before) is refused at once: indeterminate', async () => {
    const vc = await signCredential(credential(alice.did), alice);
    const bomb = scopedBomb(2000, 4000);
    const doc = { ...vc, '@context': [...(vc['@context'] as string[]), bomb['@context']], w: bomb.w };
    expect(JSON.stringify(doc).length).toBeLessThan(200_000);
    const { value: signature, ms } = await timed(() => signatureOf(doc));
    expect(signature).toMatchObject({ outcome: 'indeterminate' });
    expect(signature?.message).toMatch(/too long to process/);
    expect(ms).toBeLessThan(2000);
  });

  it('a credential signed with a small inline context still verifies (the bound is far above real credentials)', async () => {
    const bomb = scopedBomb(50, 200);
    const vc = await signCredential({ ...credential(alice.did, { w: bomb.w }), '@context': [...(credential(alice.did)['@context'] as string[]), bomb['@context']] }, alice);
    expect(await signatureOf(vc)).toMatchObject({ outcome: 'pass' });
  });
});

describe('status list bombs (Bitstring Status List §4.2 expansion)', () => {
  it('an encodedList of 64 KB that gunzips to 64 MB is refused past 16 MB: revocation indeterminate, saying so', async () => {
    const LIST = 'https://issuer.example/status/bomb';
    const gz = gzipSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    expect(gz.length).toBeLessThan(100_000);
    const list = await signedStatusList(alice, LIST, `u${Buffer.from(gz).toString('base64url')}`);
    const status = { id: `${LIST}#1`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '1', statusListCredential: LIST };
    const { value: r, ms } = await timed(() => checkCredentialStatus(credential(alice.did, { credentialStatus: status }), context(new FakeWeb().json(LIST, list))));
    expect(r).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE });
    expect(r.message).toMatch(/expands to more than/);
    expect(ms).toBeLessThan(5000);
  });
});

describe('many proofs', () => {
  it('1000 proofs, none valid, are not each checked: invalid or indeterminate in bounded time, never valid', async () => {
    const vc = await signCredential(credential(alice.did), alice);
    const one = vc.proof as Record<string, unknown>;
    const broken = Array.from({ length: 1000 }, (_, i) => ({ ...one, proofValue: `z${'1'.repeat(60)}${i}` }));
    const { value: signature, ms } = await timed(() => signatureOf({ ...vc, proof: broken }));
    expect(signature?.outcome).not.toBe('pass');
    expect(ms).toBeLessThan(10_000);
    // The genuine proof first and 1000 broken ones after it: the broken ones do not make it forged, and
    // the set is not verified either (VC DI 1.0 §4.5: each proof must be): unsettled, in bounded time.
    const genuineFirst = await signatureOf({ ...vc, proof: [one, ...broken] });
    expect(genuineFirst?.outcome).toBe('indeterminate');
  });
});

describe('PNG chunk floods', () => {
  it('600,000 empty chunks before the badge: read in bounded time', async () => {
    const filler = chunk('tEXt', new Uint8Array(0));
    const flood = new Uint8Array(filler.length * 600_000);
    for (let i = 0; i < 600_000; i++) flood.set(filler, i * filler.length);
    const png = buildPng(concat(flood, itxt('openbadges', '{"type":"Assertion","id":"https://example.org/a.json"}')));
    expect(png.length).toBeLessThan(8 * 1024 * 1024);
    const { value, ms } = await timed(() => unpack(png));
    expect(value.kind).toBe('png');
    expect(ms).toBeLessThan(5000);
  });
});
