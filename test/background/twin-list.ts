/** What the synced-twin tests read: a backpack signed in and synced, the list's entries for one badge id, and a copy claiming a badge's id. */
import { keyRing } from '../backpack/crypto/keys.ts';
import { signCompactJws } from '../backpack/crypto/jws.ts';
import { ob2BadgeClass, ob2Issuer, ob2Record } from '../backpack/issuance/ob2.ts';
import type { Backpack } from '../backpack/server.ts';
import { GRACE } from '../backpack/seed-data.ts';
import { expect } from 'vitest';
import { badgrSignIn, harness, type Harness } from './harness.ts';

/** Signs in to the backpack as Ada and syncs it once. */
export async function signInSynced(h: Harness, bp: Backpack) {
  const account = await badgrSignIn(h, bp.baseUrl);
  await h.app.sync.run(account.id);
  return account;
}

/** The list's entries for the badge id, as key and verdict, by key. */
export const shown = async (h: Harness, id: string) =>
  (await Promise.all((await h.app.library.list()).map(async (b) => ({ b, r: (await h.db.badges.get(b.key))! }))))
    .filter(({ r }) => r.meta.credentialId === id)
    .map(({ b }) => ({ key: b.key, verdict: b.verdict }))
    .sort((a, b) => a.key.localeCompare(b.key));

/**
 * Ada's programmer badge (OB 2.0, hosted by the Analytical Society), held by the user only locally
 * (the backpack files it under an address of no account), and in the backpack `entityId`: a signed
 * OB 2.0 badge of another issuer (`issuer`, with its own published key) issued to `to`, that gives
 * itself the programmer badge's id. Returns that id.
 */
export function claimingCopy(bp: Backpack, entityId: string, issuer: { id: string; name: string }, to = 'ada@example.org'): string {
  const { urls, issuers, badgeClasses, badges } = bp.control.stateForTests;
  badges.get('ada-programmer')!.recipientEmail = 'nobody@elsewhere.example';
  const id = urls.assertion('ada-programmer');
  issuers.set(issuer.id, ob2Issuer(urls, { entityId: issuer.id, name: issuer.name, description: 'Signs badges of its own.', email: `${issuer.id}@issuer.example`, signs: true }));
  badgeClasses.set(`bc-${issuer.id}`, ob2BadgeClass(urls, { entityId: `bc-${issuer.id}`, issuerId: issuer.id, name: 'Programmer', description: 'A badge of another issuer.', criteria: 'None.' }));
  const spec = { entityId, badgeClassId: `bc-${issuer.id}`, issuerId: issuer.id, email: to, salt: issuer.id, issuedOn: '2026-05-02T12:00:00Z', signed: true };
  const record = ob2Record(urls, spec, keyRing(), spec.issuedOn);
  const json = { ...record.json, id };
  badges.set(entityId, { ...record, json, compact: signCompactJws({ typ: 'JWT' }, json, keyRing().rsa) });
  return id;
}

/**
 * The local badge `id` added; then the backpack's genuine copy synced for Ada, and whatever the
 * backpack holds for Grace (a second account) synced too.
 */
export async function besideGenuine(h: Harness, bp: Backpack, id: string) {
  const local = await h.app.library.import({ kind: 'text', text: id });
  bp.control.stateForTests.badges.get('ada-programmer')!.recipientEmail = 'ada@example.org';
  const ada = await signInSynced(h, bp);
  const grace = await badgrSignIn(h, bp.baseUrl, GRACE.username, GRACE.password);
  await h.app.sync.run(grace.id);
  return { local, ada, grace };
}

/** The local badge `id` added, then hidden behind the backpack's entry `entity` as an older Lanyard hid it (before a sync checked both). */
export async function hiddenAsBefore(bp: Backpack, id: string, entity: string) {
  const h = await harness();
  const local = await h.app.library.import({ kind: 'text', text: id });
  const account = await signInSynced(h, bp);
  expect(await h.db.hidden.hide(local.key, `${account.id}|${entity}`)).toBe(true);
  return { h, local, account };
}

/** The local badge is in the list again, valid, and no longer hidden inside its original. */
export async function listedAgain(h: Harness, id: string, key: string): Promise<void> {
  expect(await shown(h, id)).toContainEqual({ key, verdict: 'valid' });
  expect((await h.db.originals.get(key))!.hidden).toBeUndefined();
}
