/**
 * Entries of a credential list that are not what their list says (OB 3.0 getCredentials:
 * `credential` holds AchievementCredentials, `compactJwsString` compact JWS strings, pattern
 * `^[a-zA-Z0-9_-]+\.[a-zA-Z0-9_-]*\.[a-zA-Z0-9_-]+$`; OB 2.1 GET /assertions: `assertions` and
 * `signedAssertions` likewise). A compact JWS, or a credential as JSON text, put in the JSON list
 * is still the user's badge: it was dropped, and the page read as if it did not hold it. What is
 * no credential at all (a number, null, a string that is neither) is still left out.
 */
import { describe, expect, it } from 'vitest';
import type { Fetch } from '../../src/backpack/http.ts';
import { BadgeConnectClient } from '../../src/backpack/badge-connect.ts';
import { Ob3Client } from '../../src/backpack/ob3.ts';

const SITE = 'https://wallet.example';
const JWS = 'eyJhbGciOiJFZERTQSJ9.eyJqdGkiOiJ1cm46dXVpZDoxIn0.c2ln';
const OBJ = { id: 'https://wallet.example/c/1', type: ['VerifiableCredential'] };
const answering = (body: unknown): Fetch => async () => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
const mixed = [OBJ, JWS, JSON.stringify({ ...OBJ, id: 'https://wallet.example/c/2' }), 42, null, 'not a credential', ['x']];

describe('a list entry that is not a JSON object', () => {
  it('OB 3.0: a compact JWS in `credential` is read as one, a credential as JSON text as JSON; the rest is left out', async () => {
    const page = await new Ob3Client({ fetch: answering({ credential: mixed }) }).credentialsPage({ apiBase: `${SITE}/ims/ob/v3p0` } as never, 't');
    expect(page.items).toEqual([
      { kind: 'json', credential: OBJ, list: 0 },
      { kind: 'jws', jws: JWS, list: 0 },
      { kind: 'json', credential: { ...OBJ, id: 'https://wallet.example/c/2' }, list: 0 },
    ]);
  });

  it('Badge Connect: the same for `assertions`', async () => {
    const page = await new BadgeConnectClient({ fetch: answering({ status: { error: null, statusCode: 200 }, assertions: mixed }) }).assertionsPage({ apiBase: `${SITE}/bc/v1` } as never, 't');
    expect(page.items).toEqual([
      { kind: 'json', assertion: OBJ, list: 0 },
      { kind: 'jws', jws: JWS, list: 0 },
      { kind: 'json', assertion: { ...OBJ, id: 'https://wallet.example/c/2' }, list: 0 },
    ]);
  });
});

/**
 * A list of one written as its one value: JSON-LD compaction writes a one-item array as the item
 * (JSON-LD 1.1 Processing Algorithms §6.1, `compactArrays` true by default), so a server that builds
 * its answers through a JSON-LD library sends `"credential": {…}` or `"compactJwsString": "…"` for a
 * user with one badge. That badge was dropped, and the page read as holding none.
 */
describe('a list of one written as its one value', () => {
  it('OB 3.0: one credential object in `credential`, one string in `compactJwsString`', async () => {
    const ob3 = (body: unknown) => new Ob3Client({ fetch: answering(body) }).credentialsPage({ apiBase: `${SITE}/ims/ob/v3p0` } as never, 't');
    expect((await ob3({ credential: OBJ })).items).toEqual([{ kind: 'json', credential: OBJ, list: 0 }]);
    expect((await ob3({ compactJwsString: JWS })).items).toEqual([{ kind: 'jws', jws: JWS, list: 1 }]);
  });

  it('Badge Connect: one assertion in `assertions`, one string in `signedAssertions`', async () => {
    const bc = (body: unknown) => new BadgeConnectClient({ fetch: answering({ status: { error: null, statusCode: 200 }, ...(body as object) }) }).assertionsPage({ apiBase: `${SITE}/bc/v1` } as never, 't');
    expect((await bc({ assertions: OBJ })).items).toEqual([{ kind: 'json', assertion: OBJ, list: 0 }]);
    expect((await bc({ signedAssertions: JWS })).items).toEqual([{ kind: 'jws', jws: JWS, list: 2 }]);
  });

  it('an absent or null list is still no entry', async () => {
    const page = await new Ob3Client({ fetch: answering({ credential: null }) }).credentialsPage({ apiBase: `${SITE}/ims/ob/v3p0` } as never, 't');
    expect(page.items).toEqual([]);
  });
});

/**
 * The other way round: a credential object in the compact-JWS list (`compactJwsString`,
 * `signedAssertions`), the lists swapped by a server that sorts by proof format wrongly. It was
 * dropped (only strings were read there); it is the user's badge, read as JSON. A string there is
 * kept as before, whatever it holds: the engine says what it is.
 */
describe('a credential object in the compact-JWS list', () => {
  it('OB 3.0 `compactJwsString` and Badge Connect `signedAssertions`', async () => {
    const ob3 = await new Ob3Client({ fetch: answering({ compactJwsString: [OBJ, JWS] }) }).credentialsPage({ apiBase: `${SITE}/ims/ob/v3p0` } as never, 't');
    expect(ob3.items).toEqual([{ kind: 'json', credential: OBJ, list: 1 }, { kind: 'jws', jws: JWS, list: 1 }]);
    const bc = await new BadgeConnectClient({ fetch: answering({ status: { error: null, statusCode: 200 }, signedAssertions: [OBJ, JWS] }) }).assertionsPage({ apiBase: `${SITE}/bc/v1` } as never, 't');
    expect(bc.items).toEqual([{ kind: 'json', assertion: OBJ, list: 2 }, { kind: 'jws', jws: JWS, list: 2 }]);
  });
});
