/**
 * An address the user adds is theirs to confirm (identities.ts: typed, then verified by its backpack,
 * it counts for every badge). Adding is two requests (badgr-server's POST, then the list read again):
 * when the worker dies between them, or the list cannot be read, Badgr keeps the pending address and
 * Lanyard must still know the user typed it. A refused add leaves nothing typed behind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCAL } from '../../src/background/services/identities.ts';
import { badgrSignIn, syncedBadgr, useBackpack, type Harness } from './harness.ts';

const ctx = useBackpack();
/** Another issuer's backpack: a badge it issues is none of Ada's account's listing. */
const other = useBackpack();
let h: Harness;
let id: string;

beforeAll(async () => void ({ h, id } = await syncedBadgr(ctx.bp.baseUrl)));

const typed = async (): Promise<string[]> => (await h.db.accounts.get(id))?.typedAddresses ?? [];

describe('an added address is remembered as typed', () => {
  it('even when the list after Badgr took it cannot be read (the worker killed meanwhile); once confirmed it counts everywhere', async () => {
    // The POST is answered; the list read right after it fails.
    ctx.bp.control.failNext({ path: '/v1/user/emails', skip: 1, status: 500, count: 10 });
    await expect(h.app.emails.add(id, 'ada@kept.example')).rejects.toMatchObject({ code: 'SERVER_ERROR' });
    ctx.bp.control.clearFaults();
    expect(ctx.bp.control.stateForTests.emails.some((e) => e.email === 'ada@kept.example')).toBe(true);
    expect(await typed()).toContain('ada@kept.example');
    ctx.bp.control.verifyEmail('ada@kept.example');
    await h.app.emails.list(id);
    expect((await h.app.state()).identities).toContain('ada@kept.example');
  });

  it('a refused add (another user\'s address) leaves no typed address behind', async () => {
    await expect(h.app.emails.add(id, 'grace@example.org')).rejects.toMatchObject({ code: 'ERR_EMAIL_TAKEN' });
    expect(await typed()).not.toContain('grace@example.org');
  });

  it('a spelling Badgr registers as a case variant of a verified address (answered 400) stays typed, and counts everywhere: local imports issued to it are checked again', async () => {
    // Issued by another backpack to ada.lovelace@school.example, which Ada's backpack verifies but she never typed: not hers for a local import yet.
    const issued = other.bp.control.issueBadge('ada.lovelace@school.example');
    const local = await h.app.library.import({ kind: 'text', text: `${other.bp.baseUrl}/public/assertions/${issued}` });
    expect(local).toMatchObject({ recipient: null });
    const key = (await h.db.badges.all()).find((b) => b.accountId === LOCAL && b.sourceId.endsWith(issued))!.key;
    await expect(h.app.emails.add(id, 'Ada.Lovelace@School.example')).rejects.toMatchObject({ code: 'REJECTED', message: expect.stringContaining('New case variant registered') });
    expect(await typed()).toContain('Ada.Lovelace@School.example');
    await h.app.emails.list(id);
    expect((await h.app.state()).identities).toContain('Ada.Lovelace@School.example');
    await expect.poll(async () => (await h.db.badges.get(key))?.recipient, { timeout: 10_000 }).toBe('Ada.Lovelace@School.example');
  });

  it('two adds of one address at once run one after another, and leave it typed', async () => {
    ctx.bp.control.clearThrottle();
    const from = ctx.bp.control.requests.length;
    ctx.bp.control.pause();
    const both = Promise.allSettled([h.app.emails.add(id, 'ada@twice.example'), h.app.emails.add(id, 'ada@twice.example')]);
    await new Promise((r) => setTimeout(r, 200));
    ctx.bp.control.resume();
    const [first] = await both;
    expect(first.status).toBe('fulfilled');
    // The second add's POST only once the first add has read the list again.
    const calls = ctx.bp.control.requests.slice(from).filter((r) => r.path === '/v1/user/emails').map((r) => r.method);
    expect(calls.slice(0, 3)).toEqual(['POST', 'GET', 'POST']);
    expect(await typed()).toContain('ada@twice.example');
    ctx.bp.control.clearThrottle();
  });

  it("one backpack that does not answer holds back no other account's address changes", async () => {
    ctx.bp.control.clearThrottle();
    const otherId = (await badgrSignIn(h, other.bp.baseUrl)).id;
    ctx.bp.control.pause();
    const stuck = h.app.emails.add(id, 'ada@slow.example');
    await new Promise((r) => setTimeout(r, 100));
    // The other account's add finishes while the first backpack still holds its request.
    const done = await Promise.race([
      h.app.emails.add(otherId, 'ada@elsewhere.example').then(() => 'added'),
      new Promise((r) => setTimeout(() => r('held back'), 5_000)),
    ]);
    ctx.bp.control.resume();
    await stuck;
    expect(done).toBe('added');
    expect(other.bp.control.stateForTests.emails.some((e) => e.email === 'ada@elsewhere.example')).toBe(true);
    ctx.bp.control.clearThrottle();
  });

  it('an add Badgr holds back (its backoff after refused adds, a 429) was not made: nothing typed is left behind', async () => {
    ctx.bp.control.clearThrottle();
    for (let i = 0; i < 3; i++) await expect(h.app.emails.add(id, 'grace@example.org')).rejects.toMatchObject({ code: 'ERR_EMAIL_TAKEN' });
    await expect(h.app.emails.add(id, 'ada@later.example')).rejects.toMatchObject({ code: 'THROTTLED', retryAfterSeconds: 2 });
    expect(ctx.bp.control.stateForTests.emails.some((e) => e.email === 'ada@later.example')).toBe(false);
    expect(await typed()).not.toContain('ada@later.example');
    ctx.bp.control.clearThrottle();
  });
});

