/**
 * The `secrets` store (db.ts), with the one conditional delete the sign-in and the refresh need: the
 * registered client a token endpoint refused (RFC 6749 §5.2 invalid_client) is forgotten only while it
 * is still the one kept. Deleted by its id alone, a client another sign-in had just registered for the
 * same endpoints (oauth-client.ts clientFor) went in its place: that account's refresh and sign-out
 * then found no client ("sign in again"), and the next sign-in registered yet another.
 */
import type { Store } from './db.ts';
import { abortQuietly, completed, requested } from './idb-requests.ts';
import type { SecretRecord } from './records.ts';

export interface SecretStore extends Store<SecretRecord> {
  /** Deletes the client kept under `id` if it is still `clientId` (read and deleted in one transaction); whether it did. */
  forgetClient(id: string, clientId: string): Promise<boolean>;
}

export function secretStore(plain: Store<SecretRecord>, raw: IDBDatabase): SecretStore {
  return {
    ...plain,
    async forgetClient(id, clientId) {
      const tx = raw.transaction('secrets', 'readwrite');
      const done = completed(tx);
      let forgotten = false;
      try {
        const s = tx.objectStore('secrets');
        const kept = (await requested(s.get(id))) as SecretRecord | undefined;
        if (kept?.kind === 'client' && kept.clientId === clientId) {
          s.delete(id);
          forgotten = true;
        }
      } catch (e) {
        abortQuietly(tx, done);
        throw e;
      }
      await done;
      return forgotten;
    },
  };
}
