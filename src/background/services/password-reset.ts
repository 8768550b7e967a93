/**
 * "Forgot your password?" for Badgr-compatible backpacks: asks the backpack to e-mail a reset link
 * (src/backpack/badgr-password.ts). No token is involved and nothing is stored; the base URL is
 * one the popup's host rule accepted (https, or http on this machine) and the popup asked for host
 * access to it in the click.
 *
 * A request can be cancelled by the `attempt` id the popup gave it (attempts.ts), as a sign-in can: a
 * backpack that does not answer held the form busy with nothing to press until the request's timeout.
 * Once the backpack has answered with a 2xx (its status is enough), the e-mail is on its way: a Cancel
 * then finds nothing to cancel. One cancelled before that may have reached the backpack: said so.
 */
import type { Fetch } from '../../backpack/http.ts';
import { createAttempts } from './attempts.ts';
import type { LoadBackpack } from './backpack-kit.ts';
import { explain } from './errors.ts';
import { signalled } from './sign-in-run.ts';

export interface PasswordReset {
  request(baseUrl: string, email: string, attempt?: string): Promise<{ sent: true }>;
  cancel(attempt: string): { cancelled: boolean };
}

export function createPasswordReset(fetch: Fetch, backpack: LoadBackpack): PasswordReset {
  const attempts = createAttempts((beforeStart) =>
    beforeStart ? 'The password reset was cancelled: nothing was sent' : 'The password reset was cancelled: the backpack may have received the request, and may still send the e-mail',
  );
  /** The request's fetch: aborted by its Cancel, and `made` once the backpack answered it with a 2xx. */
  const answeredOn = (signal: AbortSignal, made: () => void): Fetch => async (url, init) => {
    const res = await signalled(fetch, signal)(url, init);
    if (res.ok) made();
    return res;
  };
  return {
    request(baseUrl, email, attempt) {
      return attempts.run(attempt, async (signal, made) => {
        try {
          await (await backpack()).requestPasswordReset({ fetch: signal ? answeredOn(signal, made) : fetch }, baseUrl, email);
        } catch (e) {
          if (signal?.aborted) throw signal.reason;
          throw explain(e, new URL(baseUrl).host);
        }
        return { sent: true as const };
      });
    },
    cancel: (attempt) => attempts.cancel(attempt),
  };
}
