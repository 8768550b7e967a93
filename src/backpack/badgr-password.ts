/**
 * Badgr's "forgot password" request (badgr-server apps/badgeuser/api.py BadgeUserForgotPassword,
 * as badgr-ui's sign-in page sends it): `POST {api}/v1/user/forgot-password` with the address,
 * form-encoded, no token. Badgr answers 200 whether or not the address has an account (it never
 * tells who is registered) and 429 when the same address asked within five minutes. The link to
 * choose a new password arrives by e-mail; nothing else goes to the server.
 */
import { badgrMessages } from './badgr-request.ts';
import { BackpackError, BackpackErrorCodes as C } from './errors.ts';
import { errorText, send, statusError, type ClientOptions } from './http.ts';

export async function requestPasswordReset(opts: ClientOptions, apiBase: string, email: string): Promise<void> {
  const url = `${apiBase.replace(/\/+$/, '')}/v1/user/forgot-password`;
  // An address is not a secret, but a 307 would still re-send it elsewhere: never follow a redirect.
  const res = await send(opts, url, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email }).toString(),
    redirect: 'error',
  });
  if (res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return;
  }
  const text = await errorText(res, 'the password reset request');
  let said = '';
  try {
    said = badgrMessages(JSON.parse(text)).text;
  } catch {
    said = '';
  }
  const err = statusError(res, 'the password reset request', said || undefined);
  if (err.code === C.THROTTLED && err.retryAfterSeconds === undefined) {
    const expires = /"expires"\s*:\s*(\d+)/.exec(text)?.[1];
    if (expires) throw new BackpackError(C.THROTTLED, err.message, { status: 429, retryAfterSeconds: Number(expires) });
  }
  throw err;
}
