/**
 * A Badgr sign-in's addresses: the v1 list (with the ids the address settings need), read as the
 * profile is (sign-in-tokens.ts: a 401 refreshes and tries again), else the profile's own (no ids);
 * at most MAX_ADDRESSES (address-bound.ts): the first sync says what was left out.
 *
 * The fallback is for a list that cannot be read (a 500, a server without the v1 API, a token still
 * refused after both refreshes), not for a refresh the server refused (RFC 6749 §5.2 `invalid_grant`):
 * the pair in hand is dead then, and a sign-in that stored it had its first sync ask to sign in again.
 * That refusal fails the sign-in, as a refused first use does (accounts.ts keepOrEnd revokes the pair).
 */
import type { AccountAddress } from '../../platform/records.ts';
import { boundAddresses } from './address-bound.ts';
import type { BackpackKit } from './backpack-kit.ts';
import type { badgrClient } from './providers/badgr.ts';
import type { SignInTokens } from './sign-in-tokens.ts';

export async function badgrSignInAddresses({ badgrProvider, profileAddresses }: BackpackKit, client: ReturnType<typeof badgrClient>, tokens: SignInTokens, profile: Parameters<BackpackKit['profileAddresses']>[0]): Promise<AccountAddress[]> {
  const listed = await tokens.use((t) => badgrProvider(client).addresses(t)).catch((e: unknown) => {
    if (tokens.ended(e)) throw e;
    return undefined;
  });
  return boundAddresses(listed ?? profileAddresses(profile)).addresses;
}
