/**
 * An outside review of the status and recipient verdicts of OB 3.0 credentials, through verify():
 * OB 3.0 verification.md step 4 (status) and step 5 / §Verify the Recipient Using an Identifier,
 * W3C Bitstring Status List v1.0 §3.2 Validate Algorithm (statusSize, minimumNumberOfEntries),
 * 1EdTech Revocation List.
 */
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { md5Hex } from '../../../src/core/verify/md5.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { credential, generateSigner, signCredential, type Ed25519Signer } from '../proofs/support.ts';

const NOW = new Date('2026-11-26T00:00:00Z');
const LIST = 'https://issuer.example/status/1';
let issuer: Ed25519Signer;
beforeAll(async () => {
  issuer = await generateSigner();
});

type Result = Awaited<ReturnType<typeof verify>>;
const check = (r: Result, id: string) => r.checks.find((c) => c.id === id);
const show = (r: Result) => JSON.stringify(r.checks, null, 1);
const run = (vc: unknown, web = new FakeWeb(), identities?: string[]) => verify(JSON.stringify(vc), { fetch: web.fetch, now: NOW, identities });

/** A list of `bytes` bytes whose listed bit positions are set, MSB first. */
function bits(set: number[], bytes = 16 * 1024): Uint8Array {
  const b = new Uint8Array(bytes);
  for (const i of set) b[i >> 3]! |= 0x80 >> (i & 7);
  return b;
}

async function list(set: number[], purpose = 'revocation', bytes?: number) {
  return signCredential({
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: LIST,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuer.did,
    validFrom: '2024-01-01T00:00:00Z',
    credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: purpose, encodedList: `u${gzipSync(bits(set, bytes)).toString('base64url')}` },
  }, issuer);
}

const withStatus = (status: unknown, extra: Record<string, unknown> = {}) => signCredential(credential(issuer.did, { credentialStatus: status, ...extra }), issuer);
const entry = (index: number, purpose = 'revocation', extra: Record<string, unknown> = {}) => ({ id: `${LIST}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: LIST, ...extra });

describe('review: credentialStatus (verification.md step 4)', () => {
  it('a status type Lanyard does not know: indeterminate, never valid-and-claiming-checked', async () => {
    // An absolute type IRI: a bare undefined type name would already fail JSON-LD safe mode (signature).
    const r = await run(await withStatus({ id: 'https://issuer.example/s/1', type: 'https://status.example/CustomStatus2030' }));
    expect(check(r, 'signature')?.outcome, show(r)).toBe('pass');
    expect(check(r, 'revocation')?.outcome).toBe('indeterminate');
    expect(check(r, 'revocation')?.message).toContain('CustomStatus2030');
    expect(r.verdict).toBe('indeterminate');
  });

  it('revocation bit set → invalid; suspension bit set → invalid (suspended); not set → valid', async () => {
    const web = new FakeWeb().json(LIST, await list([7]));
    expect((await run(await withStatus(entry(7)), web)).verdict).toBe('invalid');
    expect((await run(await withStatus(entry(8)), web)).verdict).toBe('valid');
    const s = new FakeWeb().json(LIST, await list([7], 'suspension'));
    const r = await run(await withStatus(entry(7, 'suspension')), s);
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_SUSPENDED' });
  });

  it('statusSize 2: the entry is the 2 bits at statusListIndex × 2 (Bitstring Status List §3.2)', async () => {
    // Entry 3 of size 2 is bits 6-7 (bit 6 set), entry 1 bits 2-3 (clear); a size-1 reading would take bits 3 and 1 (bit 1 set).
    const web = new FakeWeb().json(LIST, await list([1, 6]));
    const three = await run(await withStatus(entry(3, 'revocation', { statusSize: 2, statusMessage: [{ status: '0x0', message: 'valid' }, { status: '0x1', message: 'revoked' }, { status: '0x2', message: 'x' }, { status: '0x3', message: 'y' }] })), web);
    expect(check(three, 'revocation')?.outcome, show(three)).toBe('fail');
    const one = await run(await withStatus(entry(1, 'revocation', { statusSize: 2 })), web);
    expect(check(one, 'revocation')?.outcome, show(one)).toBe('pass');
  });

  it('a list shorter than the minimum number of entries (131,072) still settles the bit (DCC publishes such lists)', async () => {
    const web = new FakeWeb().json(LIST, await list([1], 'revocation', 1024));
    expect(check(await run(await withStatus(entry(1)), web), 'revocation')?.outcome).toBe('fail');
    expect(check(await run(await withStatus(entry(2)), web), 'revocation')?.outcome).toBe('pass');
  });

  it('more status entries than are checked (16): the rest unread, so indeterminate, never valid', async () => {
    const web = new FakeWeb().json(LIST, await list([17]));
    const many = Array.from({ length: 18 }, (_, i) => entry(i, 'revocation'));
    // Entry 17 (the 18th, unread) is the revoked one.
    const r = await run(await withStatus(many), web);
    expect(check(r, 'revocation')?.outcome, show(r)).toBe('indeterminate');
    expect(r.verdict).not.toBe('valid');
  });

  it('1EdTechRevocationList: listed → invalid; unreachable → indeterminate', async () => {
    const url = 'https://issuer.example/revocations';
    // OB 3.0: the 1EdTech extension types are defined by extensions.json.
    const c = credential(issuer.did, { credentialStatus: { id: url, type: '1EdTechRevocationList' } });
    const vc = await signCredential({ ...c, '@context': [...(c['@context'] as string[]), 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'] }, issuer);
    const web = new FakeWeb().json(url, { revokedCredential: [{ id: vc.id, revoked: true }] });
    expect((await run(vc, web)).verdict).toBe('invalid');
    expect((await run(vc)).verdict).toBe('indeterminate');
  });
});

describe('review: recipient by identifier (verification.md §Verify the Recipient Using an Identifier)', () => {
  const sha = async (s: string) => Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(s))).toString('hex');
  const subject = (identifier: unknown[]) => ({
    credentialSubject: { type: ['AchievementSubject'], identifier, achievement: (credential('x').credentialSubject as { achievement: unknown }).achievement },
  });

  it.each<[string, () => Promise<unknown[]>, string, 'pass' | 'fail' | 'skipped']>([
    ['hashed sha256 with salt', async () => [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: 'NaCl', identityHash: `sha256$${await sha('ada@example.org' + 'NaCl')}` }], 'ada@example.org', 'pass'],
    ['hashed md5', async () => [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: `md5$${md5Hex(new TextEncoder().encode('ada@example.org'))}` }], 'ada@example.org', 'pass'],
    ['hashed upper-case hex, e-mail typed in capitals', async () => [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: `sha256$${(await sha('ada@example.org')).toUpperCase()}` }], 'ADA@example.org', 'pass'],
    ['plain, other case', async () => [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: 'Ada@Example.org' }], 'ada@example.org', 'pass'],
    ['another person', async () => [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: `sha256$${await sha('bob@example.org')}` }], 'ada@example.org', 'fail'],
    ['second identifier matches', async () => [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: 'bob@example.org' }, { type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: 'ada@example.org' }], 'ada@example.org', 'pass'],
    ['only a type not comparable (studentId)', async () => [{ type: 'IdentityObject', identityType: 'sisSourcedId', hashed: false, identityHash: '12345' }], 'ada@example.org', 'skipped'],
  ])('%s', async (_, identifier, mine, want) => {
    const vc = await signCredential(credential(issuer.did, subject(await identifier())), issuer);
    const r = await run(vc, new FakeWeb(), [mine]);
    expect(check(r, 'recipient')?.outcome, show(r)).toBe(want);
    if (want === 'fail') expect(r.verdict).toBe('invalid');
  });
});
