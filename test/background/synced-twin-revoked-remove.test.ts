/**
 * A local badge hidden behind its backpack copy, which a check again then finds revoked (the hidden
 * one, not checked again, still reads valid). Removing the revoked copy removes the badge, as the
 * user asked (synced-twin.ts removedCopy): it must not bring back the hidden copy with its old
 * "valid", a verdict the issuer has taken back. Only a copy not confirmed (indeterminate, unchecked)
 * never stood for a valid one and puts it back (synced-twin-unchecked.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { badgeKey } from '../../src/platform/badge-key.ts';
import { badgrSignIn, harness, useBackpack } from './harness.ts';

const ctx = useBackpack();
const url = (p: string) => `${ctx.bp.baseUrl}${p}`;
const ASSERTION = '/public/assertions/ada-programmer';

describe('a hidden local badge whose backpack copy a check again finds revoked', () => {
  it('removing that copy removes the badge: no stale valid copy comes back', async () => {
    const h = await harness();
    const account = await badgrSignIn(h, ctx.bp.baseUrl);
    await h.app.sync.run(account.id);
    const localKey = badgeKey('local', `id:${url(ASSERTION)}`);
    await h.app.library.import({ kind: 'text', text: url(ASSERTION) });
    expect((await h.db.originals.get(localKey))?.hidden?.verdict).toBe('valid');
    const copyKey = `${account.id}|ada-programmer`;
    ctx.bp.control.revokeBadge('ada-programmer');
    await h.app.library.verify(copyKey);
    expect((await h.db.badges.get(copyKey))!.verdict).toBe('invalid');
    await h.app.library.remove(copyKey);
    expect(await h.db.badges.get(localKey)).toBeUndefined();
    expect((await h.app.library.list()).filter((b) => b.key === localKey)).toEqual([]);
  });
});
