/**
 * hostile32: a status entry's statusPurpose, statusListIndex or statusListCredential written as a
 * JSON array of its one value is the same JSON-LD (JSON-LD 1.1 §4.3: a value and an array of one
 * expand alike), so the issuer's proof still holds (signed-reading.ts finds each signed statement
 * among the member's values). status-list.ts read only a string: a revoked badge so rewritten by its
 * holder read "names no statusPurpose", indeterminate, instead of revoked (Bitstring Status List
 * v1.0 §3.2: the bit at statusListIndex of the list statusListCredential names, for its statusPurpose).
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signCredential, signedStatusList } from '../proofs/support.ts';

const LIST = 'https://issuer.example/status/7';
const NOW = new Date('2026-11-26T00:00:00Z');
type Doc = Record<string, any>;

const encoded = (set: number[]) => {
  const b = new Uint8Array(16 * 1024);
  for (const i of set) b[i >> 3]! |= 0x80 >> (i & 7);
  return `u${Buffer.from(gzipSync(b)).toString('base64url')}`;
};
const entry = (index: number) => ({ id: `${LIST}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: LIST });

let web: FakeWeb;
let revoked: Doc;
let kept: Doc;
beforeAll(async () => {
  const signer = await generateSigner();
  web = new FakeWeb().json(LIST, await signedStatusList(signer, LIST, encoded([3])));
  revoked = await signCredential(credential(signer.did, { credentialStatus: entry(3) }), signer);
  kept = await signCredential(credential(signer.did, { credentialStatus: entry(4) }), signer);
});

const rewritten = (vc: Doc, member: string): Doc => {
  const c = structuredClone(vc);
  c.credentialStatus[member] = [c.credentialStatus[member]];
  return c;
};
const run = (vc: Doc) => verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW });
const check = (r: Awaited<ReturnType<typeof run>>, id: string) => r.checks.find((c) => c.id === id);

describe('a status entry member written as an array of its one value (hostile32)', () => {
  it.each(['statusPurpose', 'statusListIndex', 'statusListCredential'])('%s: a revoked badge is still revoked, a kept one still valid', async (member) => {
    const r = await run(rewritten(revoked, member));
    // The same statements: the issuer's proof holds.
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
    const k = await run(rewritten(kept, member));
    expect(check(k, 'revocation')?.outcome, JSON.stringify(k.checks)).toBe('pass');
    expect(k.verdict).toBe('valid');
  });

  it('two different purposes in one entry settle nothing: indeterminate, never a pass', async () => {
    const c = structuredClone(kept);
    c.credentialStatus.statusPurpose = ['revocation', 'suspension'];
    const r = await run(c);
    // Another statement than the issuer signed: the proof fails; the entry is not read as either purpose.
    expect(r.verdict).not.toBe('valid');
  });
});

/**
 * review32b: expansion drops a null from an array (JSON-LD 1.1 API §5.2.2 step 5.2.2: "if expanded
 * item is not null, append it"), so `[value, null]` states what `value` states and the proof holds.
 * valuesOf counted the null as a second value: the revoked badge so rewritten read indeterminate.
 */
describe('a status entry member written as its value and null (review32b)', () => {
  const FORMS = { 'value, null': (v: unknown) => [v, null], 'null, value': (v: unknown) => [null, v] };
  const withNull = (vc: Doc, member: string, form: keyof typeof FORMS): Doc => {
    const c = structuredClone(vc);
    c.credentialStatus[member] = FORMS[form](c.credentialStatus[member]);
    return c;
  };
  it.each([
    ['statusPurpose', 'value, null'],
    ['statusListIndex', 'value, null'],
    ['statusListCredential', 'value, null'],
    ['statusListIndex', 'null, value'],
  ] as const)('%s as [%s]: a revoked badge is still revoked, a kept one still valid', async (member, form) => {
    const r = await run(withNull(revoked, member, form));
    expect(check(r, 'signature')?.outcome, JSON.stringify(r.checks)).toBe('pass');
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
    const k = await run(withNull(kept, member, form));
    expect(check(k, 'revocation')?.outcome, JSON.stringify(k.checks)).toBe('pass');
    expect(k.verdict).toBe('valid');
  });
});
