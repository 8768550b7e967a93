/**
 * What a hostile backpack writes into the account record at sign-in: its name (the OB 3.0
 * description's `info.title`) and the user (the profile's name and e-mail). The record goes to the
 * popup with every state reply, so a backpack must not be able to make it megabytes long.
 */
import { describe, expect, it } from 'vitest';
import { harness, useBackpack } from './harness.ts';

const ctx = useBackpack();

async function description(): Promise<Record<string, unknown>> {
  return (await (await fetch(`${ctx.bp.baseUrl}/ims/ob/v3p0/discovery`)).json()) as Record<string, unknown>;
}

describe("a backpack's words in the account record are bounded", () => {
  it('a discovery title and a profile name of a megabyte are cut', async () => {
    const h = await harness();
    const doc = await description();
    ctx.bp.control.failNext({ status: 200, path: '/ims/ob/v3p0/discovery', body: { ...doc, info: { ...(doc.info as object), title: `Canvas Credentials\n${'T'.repeat(1_000_000)}` } } });
    ctx.bp.control.failNext({ status: 200, path: '/ims/ob/v3p0/profile', body: { id: 'urn:uuid:hostile', name: `N${'n'.repeat(1_000_000)}` } });
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(view.providerName.length).toBeLessThanOrEqual(300);
    expect(view.providerName).toMatch(/^Canvas Credentials T/);
    expect(view.user.length).toBeLessThanOrEqual(300);
    const stored = (await h.db.accounts.all()).find((a) => a.id === view.id)!;
    expect(JSON.stringify(stored).length).toBeLessThan(20_000);
  });

  it('a profile e-mail longer than any address (RFC 5321 §4.5.3.1.3: 254 octets) is not an address', async () => {
    const h = await harness();
    const email = `${'a'.repeat(2_000_000)}@example.org`;
    ctx.bp.control.failNext({ status: 200, path: '/ims/ob/v3p0/profile', body: { id: 'urn:uuid:hostile-2', email } });
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    const stored = (await h.db.accounts.all()).find((a) => a.id === view.id)!;
    expect(stored.addresses).toEqual([]);
    expect(view.user.length).toBeLessThanOrEqual(300);
    expect(JSON.stringify(stored).length).toBeLessThan(20_000);
  });
});
