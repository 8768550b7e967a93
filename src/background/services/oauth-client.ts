/**
 * The OAuth client this install registers with a backpack (RFC 7591 dynamic client registration; OB
 * 3.0 §6.1, Badge Connect 2.1), kept per set of endpoints in the `secrets` store (accounts.ts signIn).
 */
import type { ClientMetadata, RegisteredClient } from '../../backpack/registration.ts';
import { trimKeptRegistration } from '../../backpack/registration-answer.ts';
import type { Db } from '../../platform/db.ts';
import type { Identity } from '../../platform/identity.ts';
import { sha256Hex } from './badge-record.ts';

export type OAuthKind = 'ob3' | 'badge-connect';

export interface ClientDeps {
  db: Db;
  identity: Identity;
  version: string;
  now?: () => Date;
  /** The look-up or registration under way per `secrets` id (one map per worker: accounts.ts): the next one waits for it. */
  registering?: Map<string, Promise<unknown>>;
}

/** Every client URL on the redirect host, so the specifications' one-hostname rule holds (OB 3.0 §6.1). */
export function clientMetadata(redirectUri: string, version: string, scope: string[]): ClientMetadata {
  const origin = new URL(redirectUri).origin;
  return {
    clientName: 'Lanyard',
    clientUri: `${origin}/`,
    logoUri: `${origin}/icon-128.png`,
    tosUri: `${origin}/terms.html`,
    policyUri: `${origin}/privacy.html`,
    softwareId: 'lanyard',
    softwareVersion: version,
    redirectUris: [redirectUri],
    scope,
  };
}

/**
 * The client this install registered with the provider, or a new registration. Kept per set of
 * endpoints, not per registration URL: a description that reuses an honest provider's
 * registration URL with other token or authorization endpoints never gets that provider's client.
 *
 * One look-up or registration at a time per `secrets` id (`registering`). Two sign-ins at once to two
 * addresses of one backpack (sign-in-run.ts refuses a second only to the same base URL) read one
 * manifest, so one set of endpoints: each registered a client, and the second's credentials were
 * written over the first's, with which the first account's tokens were then refreshed and revoked
 * (the backpack refuses them: they were issued to the first client). The second now waits and uses
 * the client the first kept.
 */
export async function clientFor(d: ClientDeps, kind: OAuthKind, endpoints: Record<string, string | undefined>, register: (m: ClientMetadata) => Promise<RegisteredClient>, scope: string[]): Promise<{ id: string; client: RegisteredClient }> {
  const set = Object.entries(endpoints).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
  const id = `client:${kind}:${await sha256Hex(JSON.stringify(set))}`;
  const lanes = d.registering;
  if (!lanes) return { id, client: await keptOrRegistered(d, id, register, scope) };
  // After the one under way, whatever became of it (a failed registration leaves nothing kept: this one registers).
  const before = lanes.get(id) ?? Promise.resolve();
  const mine = before.then(
    () => keptOrRegistered(d, id, register, scope),
    () => keptOrRegistered(d, id, register, scope),
  );
  lanes.set(id, mine);
  void mine.then(
    () => lanes.get(id) === mine && lanes.delete(id),
    () => lanes.get(id) === mine && lanes.delete(id),
  );
  return { id, client: await mine };
}

async function keptOrRegistered(d: ClientDeps, id: string, register: (m: ClientMetadata) => Promise<RegisteredClient>, scope: string[]): Promise<RegisteredClient> {
  const kept = await d.db.secrets.get(id);
  // RFC 7591 §3.2.1: `client_secret_expires_at` is when the secret stops working (seconds; 0 = never).
  // An expired one would only fail at the code exchange, after the user signed in: register anew first.
  const expiresAt = kept?.kind === 'client' ? Number(kept.registration?.client_secret_expires_at) : 0;
  const expired = Number.isFinite(expiresAt) && expiresAt > 0 && expiresAt * 1000 <= (d.now?.() ?? new Date()).getTime() + 60_000;
  const redirectUri = d.identity.redirectUrl('oauth2');
  if (kept?.kind === 'client' && !expired) {
    // An older version kept the whole answer (a registration_access_token with it): only what is used stays.
    const registration = trimKeptRegistration({ ...kept.registration, client_id: kept.clientId, client_secret: kept.clientSecret }, { scope, redirectUris: [redirectUri] });
    if (registration) {
      if (JSON.stringify(registration) !== JSON.stringify(kept.registration)) await d.db.secrets.put({ ...kept, registration });
      return { clientId: kept.clientId, clientSecret: kept.clientSecret, registration };
    }
  }
  const client = await register(clientMetadata(redirectUri, d.version, scope));
  await d.db.secrets.put({ id, kind: 'client', clientId: client.clientId, clientSecret: client.clientSecret, registration: client.registration });
  return client;
}
