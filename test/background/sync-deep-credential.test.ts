/**
 * Hostile review (session 17): an OB 3.0 or Badge Connect backpack lists credentials as JSON,
 * which V8 parses however deep it nests; the provider wrote each back as text with JSON.stringify,
 * which recurses and throws RangeError ("Maximum call stack size exceeded") on a credential nested
 * a few thousand levels deep (a few kilobytes). The whole page failed, every run: one hostile
 * credential in the listing stopped the account's sync for good. Now the page is read, and the
 * deep credential reaches the engine as what it is, too deep (ERR_PARSE_TOO_DEEP), while its
 * neighbours are synced.
 */
import { describe, expect, it } from 'vitest';
import { badgeConnectProvider, ob3Provider } from '../../src/background/services/providers/oauth-provider.ts';
import type { Ob3Service } from '../../src/backpack/ob3.ts';
import type { BadgeConnectService } from '../../src/backpack/badge-connect.ts';
import type { RegisteredClient } from '../../src/backpack/registration.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { ErrorCodes } from '../../src/core/errors.ts';

const DEPTH = 200_000;
/** A credential whose `evidence` nests DEPTH arrays deep: some 400 KB of JSON. */
const deepText = `{"id":"https://issuer.test/deep","type":["VerifiableCredential"],"evidence":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;
const plain = { id: 'https://issuer.test/plain', type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'Plain' };

const answer = (list: string) => async () =>
  new Response(`{"${list}":[${deepText},${JSON.stringify(plain)}]}`, { status: 200, headers: { 'content-type': 'application/json' } });

const client = { clientId: 'c' } as unknown as RegisteredClient;

describe('a credential nested too deep to write back does not stop the sync', () => {
  it('OB 3.0: the page is read; the deep credential is refused by the engine as too deep, its neighbour is kept', async () => {
    const service = { apiBase: 'https://backpack.test/ims/ob/v3p0' } as Ob3Service;
    const page = await ob3Provider(answer('credential'), service, client).page('token', undefined, undefined, 10);
    expect(page.items).toHaveLength(2);
    expect(page.items[1]!.text).toBe(JSON.stringify(plain));
    expect(page.items[0]!.sourceId).toBe('https://issuer.test/deep');
    const result = await verify(page.items[0]!.text!, { fetch: async () => new Response('', { status: 404 }), now: new Date('2026-12-06T00:00:00Z'), identities: [] });
    expect(result.verdict).not.toBe('valid');
    expect(JSON.stringify(result.checks)).toContain(ErrorCodes.PARSE_TOO_DEEP);
  });

  it('Badge Connect: the same', async () => {
    const service = { apiBase: 'https://backpack.test/bc/v1' } as unknown as BadgeConnectService;
    const page = await badgeConnectProvider(answer('assertions'), service, client).page('token', undefined, undefined, 10);
    expect(page.items).toHaveLength(2);
    expect(page.items[1]!.text).toBe(JSON.stringify(plain));
  });
});
