import { describe, expect, it } from 'vitest';
import { md5Hex } from '../../../src/core/verify/md5.ts';
import { CheckList } from '../../../src/core/verify/checks.ts';
import { checkValidity, parseInstant } from '../../../src/core/verify/validity.ts';
import { checkRecipient } from '../../../src/core/verify/recipient.ts';
import { toUserIdentity } from '../../../src/core/verify/context.ts';
import { verdictOf } from '../../../src/core/result.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('md5', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['The quick brown fox jumps over the lazy dog', '9e107d9d372bb6826bd81d3542a419d6'],
  ])('md5(%j)', (input, want) => {
    expect(md5Hex(enc(input))).toBe(want);
  });
  it('handles lengths around the 56-byte padding boundary', () => {
    expect(md5Hex(enc('a'.repeat(55)))).toBe('ef1772b6dff9a122358552954ad0df65');
    expect(md5Hex(enc('a'.repeat(56)))).toBe('3b0c8ac703f828b04c6c197006d17218');
    expect(md5Hex(enc('a'.repeat(64)))).toBe('014842d480b571495a4a0363793f7367');
  });
});

describe('validity', () => {
  const now = new Date('2026-11-26T00:00:00Z');
  const run = (w: Parameters<typeof checkValidity>[1]) => {
    const c = new CheckList();
    checkValidity(c, w, now);
    return c.get('validity')!;
  };
  it('passes a window around now and with no expiry', () => {
    expect(run({ from: '2020-01-01T00:00:00Z', until: '2030-01-01T00:00:00+01:00' }).outcome).toBe('pass');
    expect(run({ from: '2020-01-01T00:00:00Z' }).outcome).toBe('pass');
  });
  it('fails expired, not yet valid, inverted and unreadable dates', () => {
    expect(run({ until: '2026-11-25T23:59:59Z' })).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(run({ from: '2026-11-26T00:05:01Z' })).toMatchObject({ outcome: 'fail', code: 'ERR_NOT_YET_VALID' });
    expect(run({ from: '2025-01-01T00:00:00Z', until: '2024-01-01T00:00:00Z' })).toMatchObject({ outcome: 'fail', code: 'ERR_DATE_INVALID' });
    expect(run({ from: 'yesterday' })).toMatchObject({ outcome: 'fail', code: 'ERR_DATE_INVALID' });
  });
  it('requires a time zone but accepts date-only values', () => {
    expect(parseInstant('2026-01-01T00:00:00')).toBeNaN();
    expect(parseInstant('2026-01-01')).toBe(Date.UTC(2026, 0, 1));
    expect(parseInstant('2026-01-01T02:00:00+0200')).toBe(Date.UTC(2026, 0, 1));
  });
});

describe('recipient', () => {
  const sha = async (s: string) => [...new Uint8Array(await crypto.subtle.digest('SHA-256', enc(s)))].map((b) => b.toString(16).padStart(2, '0')).join('');
  it('matches the spec example hash (sha256 of identity ‖ salt), upper-case hex too', async () => {
    const c = new CheckList();
    const hash = 'sha256$ECF5409F3F4B91AB60CC5EF4C02AEF7032354375E70CF4D8E43F6A1D29891942';
    const who = await checkRecipient(c, [{ type: 'email', identity: hash, hashed: true, salt: 'deadsea' }], [toUserIdentity('Nobody@Example.org')], undefined);
    expect(who).toBe('Nobody@Example.org');
  });
  it('compares only identities of a comparable type', async () => {
    const c = new CheckList();
    await checkRecipient(c, [{ type: 'id', identity: 'did:example:123', hashed: false }], [toUserIdentity('a@b.c')], undefined);
    expect(c.get('recipient')?.outcome).toBe('skipped');
    const d = new CheckList();
    await checkRecipient(d, [{ type: 'emailAddress', identity: `sha256$${await sha('a@b.c' + 'x')}`, hashed: true, salt: 'x' }], [toUserIdentity('A@B.C')], undefined);
    expect(d.get('recipient')?.outcome).toBe('pass');
  });
  it('takes an identity type named like an Object member as written (constructor, toString), not as a function', async () => {
    const c = new CheckList();
    await checkRecipient(c, [{ type: 'constructor', identity: 'a@b.c', hashed: false }, { type: 'toString', identity: 'a@b.c', hashed: false }], [toUserIdentity('a@b.c')], undefined);
    expect(c.get('recipient')).toMatchObject({ outcome: 'skipped' });
    expect(c.get('recipient')?.message).toContain('it names: constructor, toString');
    expect(c.get('recipient')?.message).not.toContain('function');
  });
});

describe('verdict', () => {
  it('follows the core checks alone', () => {
    expect(verdictOf([{ id: 'parse', outcome: 'pass', message: '' }, { id: 'schema', outcome: 'warning', message: '' }])).toBe('valid');
    expect(verdictOf([{ id: 'signature', outcome: 'indeterminate', message: '' }])).toBe('indeterminate');
    expect(verdictOf([{ id: 'signature', outcome: 'indeterminate', message: '' }, { id: 'validity', outcome: 'fail', message: '' }])).toBe('invalid');
    expect(verdictOf([{ id: 'endorsement', outcome: 'fail', message: '' }])).toBe('valid');
  });
});
