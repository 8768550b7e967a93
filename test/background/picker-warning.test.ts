/**
 * The pickers on LinkedIn and in web mail carry the share screen's warning for each badge that
 * is not valid (core/share/warning.ts, one rule for both), with the deciding check by id, outcome and code (the picker says it in the page's words).
 */
import { describe, expect, it } from 'vitest';
import { pickerHandle } from '../../src/background/services/picker-handles.ts';
import { harness, useBackpack } from './harness.ts';
import { pickerBadge } from '../../src/background/services/views.ts';
import { HostPermissionError } from '../../src/background/services/host-access.ts';
import { shareWarningOf } from '../../src/core/share/warning.ts';
import { guards } from '../../src/messaging/validate.ts';
import { isPickerBadge } from '../../src/content/messages.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';

const ctx = useBackpack();

const record = (verdict: BadgeRecord['verdict'], checks: BadgeRecord['checks'] = []): BadgeRecord =>
  ({ key: 'k', meta: { name: 'Poetical Science', tags: [] }, verdict, checks }) as unknown as BadgeRecord;

describe('picker badges carry the share warning', () => {
  it('none for a valid badge; the first undetermined check for an indeterminate one; the first failure for an invalid one', () => {
    expect(pickerBadge(record('valid')).warning).toBeUndefined();
    const checks: BadgeRecord['checks'] = [
      { id: 'signature', outcome: 'pass', message: 'ok' },
      { id: 'issuer-key', outcome: 'indeterminate', message: 'The issuer’s profile could not be fetched' },
      { id: 'revocation', outcome: 'fail', code: 'ERR_REVOKED', message: 'Revoked: no longer valid' },
    ];
    expect(pickerBadge(record('indeterminate', checks)).warning).toEqual({ level: 'indeterminate', check: { id: 'issuer-key', outcome: 'indeterminate' } });
    expect(pickerBadge(record('invalid', checks)).warning).toEqual({ level: 'invalid', check: { id: 'revocation', outcome: 'fail', code: 'ERR_REVOKED' } });
    expect(pickerBadge(record('unverified')).warning).toEqual({ level: 'unverified' });
    // The same rule as the popup's share screen.
    expect(pickerBadge(record('indeterminate', checks)).warning).toEqual(shareWarningOf({ verdict: 'indeterminate', checks }));
  });

  it('a host Lanyard may not read is named, not the engine’s “open the badge in Lanyard”', () => {
    const message = 'The issuer could not be read: https://i.example/issuer could not be fetched: ' + new HostPermissionError('https://i.example').message;
    const r = { ...record('indeterminate', [{ id: 'issuer-key', outcome: 'indeterminate', message }]), needsAccess: 'i.example' };
    expect(pickerBadge(r).warning).toEqual({ level: 'indeterminate', needsAccess: 'i.example' });
    // Only for a badge not fully verified: an invalid one says why it failed.
    expect(pickerBadge({ ...r, verdict: 'invalid', checks: [{ id: 'revocation', outcome: 'fail', message: 'Revoked' }] }).warning).toEqual({ level: 'invalid', check: { id: 'revocation', outcome: 'fail' } });
  });

  it('an issuer cannot make a row name a host by writing the refusal’s words into a check', () => {
    // A URL the issuer controls carries HostPermissionError's exact sentence into a check's message (hover-access.ts).
    const spoof = `https://issuer.example/x could not be fetched: ${new HostPermissionError('https://evil.example').message}`;
    const w = pickerBadge(record('indeterminate', [{ id: 'hosted', outcome: 'indeterminate', code: 'ERR_FETCH_FAILED', message: spoof }])).warning;
    expect(w?.needsAccess).toBeUndefined();
    // Nor send the check's English text, which the issuer wrote into: the check, by id, outcome and code.
    expect(w).toEqual({ level: 'indeterminate', check: { id: 'hosted', outcome: 'indeterminate', code: 'ERR_FETCH_FAILED' } });
  });

  it('names the host the host fetch refused, kept with the badge when it was verified', async () => {
    const h = await harness();
    h.granted.clear();
    const png = new Uint8Array(await (await fetch(`${ctx.bp.baseUrl}/public/assertions/ada-programmer/baked`)).arrayBuffer());
    const view = await h.app.library.import({ kind: 'file', name: 'programmer.png', base64: Buffer.from(png).toString('base64') });
    expect(view.verdict).toBe('indeterminate');
    const [row] = await h.app.content.pickerList('');
    expect(row?.warning).toEqual({ level: 'indeterminate', needsAccess: new URL(ctx.bp.baseUrl).host });
    // Allowed and checked again: nothing to name any more.
    h.granted.add('http://127.0.0.1/*');
    await h.app.library.verify(view.key);
    expect((await h.app.content.pickerList(''))[0]?.warning).toBeUndefined();
  });

  it('no text of the check reaches the page: a hostile message is not in the warning at all', () => {
    const w = pickerBadge(record('indeterminate', [{ id: 'hosted', outcome: 'indeterminate', message: `x\u202Ey${'z'.repeat(2000)}` }])).warning;
    expect(JSON.stringify(w)).not.toMatch(/\u202E|zzz/);
  });

  it('both sides of the messaging accept the warning and refuse a malformed one', () => {
    const ok = { key: 'k', name: 'n', verdict: 'indeterminate', warning: { level: 'indeterminate', check: { id: 'hosted', outcome: 'indeterminate', code: 'ERR_HTTP_STATUS' } } };
    const reply = guards.content.reply['picker/list'];
    expect(reply([ok])).toBe(true);
    expect(isPickerBadge(ok)).toBe(true);
    for (const warning of [{ level: 'forged' }, { level: 'invalid', check: { id: 'hosted', outcome: 'broken' } }, { level: 'invalid', check: 'revoked' }]) {
      expect(reply([{ ...ok, warning }])).toBe(false);
      expect(isPickerBadge({ ...ok, warning })).toBe(false);
    }
  });

  it('a badge that failed verification or is pending since the picker listed it is not given to the page: no card, no LinkedIn link', async () => {
    const h = await harness();
    const png = new Uint8Array(await (await fetch(`${ctx.bp.baseUrl}/public/assertions/ada-programmer/baked`)).arrayBuffer());
    const view = await h.app.library.import({ kind: 'file', name: 'programmer.png', base64: Buffer.from(png).toString('base64') });
    const [row] = await h.app.content.pickerList('');
    // The row names the badge by its handle (picker-handles.ts), which the pick sends back.
    const handle = await pickerHandle(view.key);
    expect(row?.key).toBe(handle);
    await expect(h.app.content.card(handle)).resolves.toMatchObject({ html: expect.stringContaining('<table') });
    const record = (await h.db.badges.get(view.key))!;
    // Re-checked while the picker was open: revoked. The list would no longer show it; the pick must not share it.
    await h.db.badges.put({ ...record, verdict: 'invalid', checks: [{ id: 'revocation', outcome: 'fail', code: 'ERR_REVOKED', message: 'Revoked' }] });
    expect(await h.app.content.pickerList('')).toEqual([]);
    await expect(h.app.content.card(handle)).rejects.toMatchObject({ code: 'ERR_NOT_SHAREABLE' });
    await expect(h.app.content.linkedInUrl(handle)).rejects.toMatchObject({ code: 'ERR_NOT_SHAREABLE' });
    await h.db.badges.put({ ...record, pending: true });
    await expect(h.app.content.card(handle)).rejects.toMatchObject({ code: 'ERR_NOT_SHAREABLE' });
    await expect(h.app.content.linkedInUrl(handle)).rejects.toMatchObject({ code: 'ERR_NOT_SHAREABLE' });
  });

  it('a badge kept as valid whose expiry has passed is not offered, as an expired one (core/share/warning.ts)', async () => {
    const h = await harness();
    const png = new Uint8Array(await (await fetch(`${ctx.bp.baseUrl}/public/assertions/ada-programmer/baked`)).arrayBuffer());
    const view = await h.app.library.import({ kind: 'file', name: 'programmer.png', base64: Buffer.from(png).toString('base64') });
    const record = (await h.db.badges.get(view.key))!;
    const handle = await pickerHandle(view.key);
    await h.db.badges.put({ ...record, verdict: 'valid', checks: [], meta: { ...record.meta, expires: '2020-01-01T00:00:00Z' } });
    expect(await h.app.content.pickerList('')).toEqual([]);
    // Never listed: it answers as a missing badge (a page must not learn that a key it guessed is held).
    await expect(h.app.content.card(handle)).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
    // Listed while its expiry was still ahead, then past it at the pick: not shared, and said why.
    await h.db.badges.put({ ...record, verdict: 'valid', checks: [], meta: { ...record.meta, expires: undefined } });
    expect((await h.app.content.pickerList('')).map((r) => r.key)).toEqual([handle]);
    await h.db.badges.put({ ...record, verdict: 'valid', checks: [], meta: { ...record.meta, expires: '2020-01-01T00:00:00Z' } });
    await expect(h.app.content.card(handle)).rejects.toMatchObject({ code: 'ERR_NOT_SHAREABLE' });
    await expect(h.app.content.linkedInUrl(handle)).rejects.toMatchObject({ code: 'ERR_NOT_SHAREABLE' });
    expect(pickerBadge({ ...record, verdict: 'valid', checks: [], meta: { ...record.meta, expires: '2020-01-01T00:00:00Z' } }).warning).toEqual({ level: 'invalid', check: { id: 'validity', outcome: 'fail', code: 'ERR_EXPIRED' } });
  });
});
