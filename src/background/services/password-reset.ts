/**
 * "Forgot your password?" for Badgr-compatible backpacks: asks the backpack to e-mail a reset link
 * (src/backpack/badgr-password.ts). No token is involved and nothing is stored; the base URL is
 * one the popup's host rule accepted (https, or http on this machine) and the popup asked for host
 * access to it in the click.
 */
import type { Fetch } from '../../backpack/http.ts';
import type { LoadBackpack } from './backpack-kit.ts';
import { explain } from './errors.ts';

export interface PasswordReset {
  request(baseUrl: string, email: string): Promise<{ sent: true }>;
}

export function createPasswordReset(fetch: Fetch, backpack: LoadBackpack): PasswordReset {
  return {
    async request(baseUrl, email) {
      try {
        await (await backpack()).requestPasswordReset({ fetch }, baseUrl, email);
      } catch (e) {
        throw explain(e, new URL(baseUrl).host);
      }
      return { sent: true };
    },
  };
}
