/**
 * A sign-in answer (the redirect launchWebAuthFlow returns) that carries one of its parameters twice:
 * RFC 6749 §3.1 "Request and response parameters MUST NOT be included more than once". It was read by
 * its first value (URLSearchParams.get), so `state=ours&state=theirs`, or a second `code` or `iss`
 * appended by whatever wrote the redirect, signed in with whichever came first. It is refused, naming
 * the parameter, before any code is exchanged, for OB 3.0 and Badge Connect alike.
 */
import { describe, expect, it } from 'vitest';
import { failure, harness, useBackpack } from './harness.ts';

const ctx = useBackpack();

/** The answer with `name` again after it: its own value again, or `other`. */
const repeated = (name: string, other?: string) => (url: string): string => {
  const u = new URL(url);
  const first = u.searchParams.get(name);
  if (first === null) throw new Error(`the test backpack's answer carries no ${name}`);
  u.searchParams.append(name, other ?? first);
  return u.toString();
};

describe('a sign-in answer with a repeated parameter', () => {
  for (const kind of ['ob3', 'badge-connect'] as const) {
    for (const [name, other] of [['code', 'another-code'], ['state', undefined], ['state', 'forged'], ['iss', undefined]] as const) {
      it(`${kind}: two \`${name}\`${other ? ` (the second ${other})` : ' (the same value twice)'} is refused with the parameter named, no code exchanged, no account`, async () => {
        const h = await harness();
        h.platform.identity.tamper = repeated(name, other);
        const issued = ctx.bp.control.issuedTokens.length;
        const e = await failure(h.app.accounts.signIn({ kind, baseUrl: ctx.bp.baseUrl }));
        expect(e).toMatchObject({ code: 'AUTHORIZATION_FAILED', detail: 'repeated_parameter' });
        expect(e.message).toContain(`carries ${name} more than once`);
        expect(ctx.bp.control.issuedTokens.length).toBe(issued);
        expect(await h.db.accounts.all()).toEqual([]);
      });
    }
  }

  it('an answer with each parameter once signs in as before', async () => {
    const h = await harness();
    const view = await h.app.accounts.signIn({ kind: 'ob3', baseUrl: ctx.bp.baseUrl });
    expect(view).toMatchObject({ kind: 'ob3', user: 'ada@example.org' });
  });
});
