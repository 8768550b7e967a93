/**
 * One sign-in runs per account-to-be: its kind of backpack API and its address (sign-in-run.ts). A
 * Badgr (API v2, password) sign-in and an OB 3.0 (OAuth) one to the same server make two accounts (the
 * kind is part of the account's id, and of the registered client's secret id), so neither waits for nor
 * refuses the other: Canvas Credentials serves both APIs on one host. Refusing by address alone turned
 * the second away (the sync bench signs in to its test backpack both ways at once).
 */
import { describe, expect, it } from 'vitest';
import { createSignIns } from '../../src/background/services/sign-in-run.ts';

const held = () => {
  let release!: () => void;
  const p = new Promise<void>((r) => (release = r));
  return { p, release };
};

describe('sign-ins under way', () => {
  it('a Badgr and an OB 3.0 sign-in to one server run at once; a second of the same kind is refused', async () => {
    const signIns = createSignIns(fetch);
    const a = held();
    const b = held();
    const badgr = signIns.run({ kind: 'badgr', baseUrl: 'https://api.example.org', username: 'ada@example.org' }, () => a.p.then(() => 'badgr'));
    const ob3 = signIns.run({ kind: 'ob3', baseUrl: 'https://api.example.org' }, () => b.p.then(() => 'ob3'));
    await expect(signIns.run({ kind: 'badgr', baseUrl: 'https://API.example.org:443/' }, async () => 'again')).rejects.toMatchObject({ code: 'ERR_SIGN_IN_UNDER_WAY' });
    expect(signIns.list().map((s) => s.kind).sort()).toEqual(['badgr', 'ob3']);
    // A popup opened again joins the one of its own kind.
    const joined = signIns.wait('https://api.example.org', 'ob3');
    a.release();
    b.release();
    expect(await badgr).toBe('badgr');
    expect(await ob3).toBe('ob3');
    expect(await joined).toBe('ob3');
    expect(signIns.list()).toEqual([]);
  });
});
