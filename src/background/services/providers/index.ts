/**
 * The Provider for an account: Badgr by password, or an OAuth API with the client registered for
 * this install (its secret read from the `secrets` store, never from storage.local). A stored
 * service description is checked again (every endpoint on its own site, endpoints.ts) before a
 * token or the client secret is sent anywhere: a record written before that rule must not bypass it.
 */
import { badgeConnectEndpoints, type BadgeConnectService } from '../../../backpack/badge-connect.ts';
import { checkEndpoints } from '../../../backpack/endpoints.ts';
import type { Fetch } from '../../../backpack/http.ts';
import type { RegisteredClient } from '../../../backpack/registration.ts';
import { ob3Endpoints, type Ob3Service } from '../../../backpack/ob3.ts';
import type { Store } from '../../../platform/db.ts';
import type { SecretRecord, SessionRef } from '../../../platform/records.ts';
import { ServiceError, ServiceErrorCodes as E } from '../errors.ts';
import { badgrClient, badgrProvider } from './badgr.ts';
import { badgeConnectProvider, ob3Provider } from './oauth-provider.ts';
import type { Provider } from './types.ts';

export type { Provider, SyncItem, SyncPage } from './types.ts';

export interface Providers {
  /** The signal cancels every request of this provider (a sync stopped at sign-out). An account, or what a sign-out's mark kept of one (records.ts SessionRef). */
  for(account: SessionRef, signal?: AbortSignal): Promise<Provider>;
}

export async function registeredClient(secrets: Store<SecretRecord>, id: string | undefined): Promise<RegisteredClient> {
  const s = id ? await secrets.get(id) : undefined;
  if (s?.kind !== 'client') throw new ServiceError('UNAUTHORIZED', 'Lanyard lost its registration with this backpack: sign in again');
  return { clientId: s.clientId, clientSecret: s.clientSecret, registration: s.registration };
}

export function createProviders(fetch: Fetch, secrets: Store<SecretRecord>): Providers {
  return {
    async for(account, signal) {
      if (account.kind === 'badgr') return badgrProvider(badgrClient(account.baseUrl, fetch, signal));
      if (!account.service) throw new ServiceError(E.NOT_FOUND, 'The account has no service description: sign in again');
      const ob3 = account.kind === 'ob3' ? (account.service as unknown as Ob3Service) : undefined;
      const bc = account.kind === 'ob3' ? undefined : (account.service as unknown as BadgeConnectService);
      const documentUrl = typeof account.service.discoveryUrl === 'string' ? account.service.discoveryUrl : account.baseUrl;
      checkEndpoints({ userBase: account.baseUrl, documentUrl }, ob3 ? ob3Endpoints(ob3) : badgeConnectEndpoints(bc!));
      const client = await registeredClient(secrets, account.clientSecretId);
      return ob3 ? ob3Provider(fetch, ob3, client, signal) : badgeConnectProvider(fetch, bc!, client, signal);
    },
  };
}
