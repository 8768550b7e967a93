/**
 * A credential a backpack lists without an `id` (VC DM 2.0 §4.4 makes it optional) was stored under
 * `json:<length>:<first 64 characters>`: two badges of one issuer's template, whose texts differ only
 * after their opening (a recipient's name, a date) and are as long, had one key, and each sync
 * wrote one over the other. Now the key is the text's SHA-256: a different credential is another
 * entry, the same one listed again is the same entry.
 */
import { describe, expect, it } from 'vitest';
import { ob3Provider } from '../../src/background/services/providers/oauth-provider.ts';
import type { Ob3Service } from '../../src/backpack/ob3.ts';
import type { RegisteredClient } from '../../src/backpack/registration.ts';
import { badgeKey } from '../../src/platform/badge-key.ts';

const template = (learner: string) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'https://issuer.test/profile', type: ['Profile'], name: 'Issuer' },
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: { type: ['AchievementSubject'], name: learner, achievement: { id: 'https://issuer.test/a/1', type: ['Achievement'], name: 'Teamwork' } },
});
const ann = template('Ann Lee');
const bob = template('Bob Ray');
const service = { apiBase: 'https://backpack.test/ims/ob/v3p0' } as Ob3Service;
const client = { clientId: 'c' } as unknown as RegisteredClient;
const listing = (...list: unknown[]) => async () => new Response(JSON.stringify({ credential: list }), { status: 200, headers: { 'content-type': 'application/json' } });
const page = (...list: unknown[]) => ob3Provider(listing(...list), service, client).page('token', undefined, undefined, 10);

describe('a listed credential without an id', () => {
  it('two of one template, as long and alike in their first 64 characters, are two entries', async () => {
    expect(JSON.stringify(ann).length).toBe(JSON.stringify(bob).length);
    const { items } = await page(ann, bob);
    expect(items).toHaveLength(2);
    expect(items[0]!.sourceId).not.toBe(items[1]!.sourceId);
    expect(badgeKey('acct', items[0]!.sourceId)).not.toBe(badgeKey('acct', items[1]!.sourceId));
  });

  it('the same credential listed again (another page, another run) is the same entry', async () => {
    const first = (await page(ann)).items[0]!;
    const again = (await page(bob, structuredClone(ann))).items[1]!;
    expect(again.sourceId).toBe(first.sourceId);
    expect(first.sourceId).toMatch(/^json:sha256:[0-9a-f]{64}$/);
  });

  it('a credential with an id is still keyed by its id', async () => {
    const { items } = await page({ ...ann, id: 'urn:uuid:7c9b6b4e-0000-4000-8000-000000000001' });
    expect(items[0]!.sourceId).toBe('urn:uuid:7c9b6b4e-0000-4000-8000-000000000001');
  });
});
