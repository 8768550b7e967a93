/**
 * Badgr's password reset request (badgr-server apps/badgeuser/api.py BadgeUserForgotPassword):
 * `POST /v1/user/forgot-password` (also `/v2/auth/forgot-password`) with `email`, form or JSON, no
 * authentication. It always answers 200, whether or not the address belongs to an account (no
 * account enumeration), and 429 when the same address asked less than five minutes ago. The reset
 * e-mail itself is not sent: `state.passwordResets` records who would have received one.
 */
import { json, jsonBody } from '../http/io.ts';
import type { Router } from '../http/router.ts';
import type { BackpackState } from '../state.ts';

const LIMIT_MS = 5 * 60_000;

export function badgrPasswordRoutes(router: Router, state: BackpackState): void {
  const last = new Map<string, number>();
  for (const path of ['/v1/user/forgot-password', '/v2/auth/forgot-password']) {
    router.on('POST', path, (req) => {
      const body = jsonBody(req);
      const email = typeof body === 'object' && body !== null && typeof (body as { email?: unknown }).email === 'string' ? (body as { email: string }).email.trim().toLowerCase() : '';
      if (!email) return json(400, { email: ['This field is required.'] });
      const at = last.get(email);
      if (at !== undefined && state.now() - at < LIMIT_MS) {
        return json(429, { error: 'Forgot password request limit exceeded. Please check your inbox for an existing message or wait to retry.', expires: Math.ceil((at + LIMIT_MS - state.now()) / 1000) });
      }
      last.set(email, state.now());
      if (state.emailRecord(email)?.verified) state.passwordResets.push(email);
      return json(200, {});
    });
  }
}
