/**
 * A sign-in whose first token use is refused (sign-in-tokens.ts) refreshes; a refresh answered
 * `invalid_client` (RFC 6749 §5.2) says the backpack forgot the client Lanyard registered. The code
 * exchange's refusal forgot it (accounts.ts), the sign-in's own refresh did not (review37): the next
 * sign-in then sent the forgotten client_id to the authorization page, which answers with its own error
 * page and never comes back (§4.1.2.1), so no sign-in could clear it. Now that refusal forgets it too.
 */
import { describe, expect, it } from 'vitest';
import { failure, harness, useBackpack } from './harness.ts';

const ctx = useBackpack({ badges: 1 });

describe.each([
  { kind: 'ob3', profile: '/ims/ob/v3p0/profile' },
  { kind: 'badge-connect', profile: '/ims/ob/v2p1/profile' },
] as const)('$kind: the client forgotten between the code exchange and the refresh', ({ kind, profile }) => {
  it('the sign-in fails and forgets the client, and the next sign-in registers anew', async () => {
    let forget = true;
    const h = await harness({
      fetch: async (url: string, init?: RequestInit) => {
        // The backpack forgets every client as the sign-in reads the profile (refused below: a refresh follows).
        if (forget && new URL(url).pathname === profile) (forget = false), ctx.bp.control.stateForTests.clients.clear();
        return fetch(url, init);
      },
    });
    ctx.bp.control.failNext({ status: 401, path: profile, count: 1, challenge: 'invalid_token' });
    expect(await failure(h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl }))).toMatchObject({ code: 'UNAUTHORIZED' });
    ctx.bp.control.clearFaults();
    expect((await h.db.secrets.all()).filter((s) => s.kind === 'client')).toEqual([]);
    const account = await h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl });
    expect(account).toMatchObject({ needsSignIn: false });
    expect(await h.app.sync.run(account.id)).toMatchObject({ status: 'idle' });
  });
});
