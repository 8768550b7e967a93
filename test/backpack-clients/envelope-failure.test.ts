/**
 * An answer whose HTTP status says success while its own envelope says failure: Badgr's v2
 * `{status: {success: false, description}, result: []}` (badgr-server BaseSerializerV2
 * response_envelope, the shape of its error answers) and OB 2.1 Badge Connect's
 * `{status: {statusCode, statusText}}` with a failing `statusCode` (StatusDType: only `statusCode` is
 * required, `error` may be absent). Read as a listing, the empty `result` was a backpack holding no
 * badge: a whole listing that marked every stored badge "no longer listed". Each backpack here is a
 * stub fetch: what it answers is the point, not the HTTP.
 */
import { describe, expect, it } from 'vitest';
import { BadgrClient } from '../../src/backpack/badgr.ts';
import { BadgeConnectClient, type BadgeConnectService } from '../../src/backpack/badge-connect.ts';
import { BackpackError, BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { Ob3Client, type Ob3Service } from '../../src/backpack/ob3.ts';
import { optionalProfile } from '../../src/background/services/providers/oauth-provider.ts';

const json = (body: unknown, status = 200): Response => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const failure = async (p: Promise<unknown>): Promise<BackpackError> => {
  const e = await p.then(() => new Error('expected a failure'), (x: unknown) => x);
  if (!(e instanceof BackpackError)) throw e;
  return e;
};

describe("Badgr's v2 envelope saying success: false under HTTP 200", () => {
  const badgr = (body: unknown) => new BadgrClient({ apiBase: 'https://api.badgr.io', fetch: async () => json(body) });

  it('is a refusal in the server\'s words, not an empty backpack', async () => {
    const e = await failure(badgr({ status: { success: false, description: 'Backpack temporarily unavailable' }, result: [] }).assertions('token'));
    expect(e.code).toBe(C.REJECTED);
    expect(e.message).toContain('Backpack temporarily unavailable');
  });

  it('a detail call (the profile) is refused too, rather than read from an empty result', async () => {
    const e = await failure(badgr({ status: { success: false, description: 'No such user' }, result: [] }).profile('token'));
    expect(e.code).toBe(C.REJECTED);
  });

  it('success: true is read as before', async () => {
    expect(await badgr({ status: { success: true, description: 'ok' }, result: [] }).assertions('token')).toEqual([]);
  });
});

describe('a Badge Connect status with a failing statusCode under HTTP 200', () => {
  const service = { apiBase: 'https://wallet.example/ims/ob/v2p1' } as BadgeConnectService;
  const bc = (body: unknown) => new BadgeConnectClient({ fetch: async () => json(body) });

  it('is refused, with or without `error`', async () => {
    for (const status of [{ statusCode: 500, statusText: 'SERVER_ERROR' }, { statusCode: 400, statusText: 'BAD_REQUEST', error: null }]) {
      const e = await failure(bc({ status, assertions: [] }).assertionsPage(service, 'token'));
      expect(e.code).toBe(C.REJECTED);
      expect(e.detail).toBe(status.statusText);
    }
  });

  it('statusCode 200 with `error: null` (Badgr bcv1) is a listing', async () => {
    const page = await bc({ status: { error: null, statusCode: 200, statusText: 'OK' }, results: [] }).assertionsPage(service, 'token');
    expect(page.items).toEqual([]);
  });
});

/**
 * OB 3.0's error body, Imsx_StatusInfo (ob_v3p0.lines GetErrorResponses), under HTTP 200: getCredentials'
 * 200 is a GetOpenBadgeCredentialsResponse, whose two lists are both optional, so this body read as one
 * was an empty listing, whole (no Link, no X-Total-Count), and every stored badge "no longer listed".
 * `imsx_codeMajor` `failure` or `unsupported` is the server saying no (the 1EdTech status codes), as
 * Badgr's `success: false` and Badge Connect's failing `statusCode` are.
 */
describe('an OB 3.0 Imsx_StatusInfo saying failure under HTTP 200', () => {
  const service = { apiBase: 'https://wallet.example/ims/ob/v3p0' } as Ob3Service;
  const ob3 = (body: unknown) => new Ob3Client({ fetch: async () => json(body) });
  const imsx = (codeMajor: string) => ({ imsx_codeMajor: codeMajor, imsx_severity: 'error', imsx_description: 'The credential store is being migrated', imsx_CodeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldName: 'TargetEndSystem', imsx_codeMinorFieldValue: 'server_busy' }] } });

  it('is a refusal in the server\'s words, not an empty listing', async () => {
    for (const [major, detail] of [['failure', 'server_busy'], ['FAILURE', 'server_busy'], ['unsupported', 'unsupported']]) {
      const e = await failure(ob3(imsx(major!)).credentialsPage(service, 'token'));
      expect(e.code).toBe(C.REJECTED);
      expect(e.message).toContain('The credential store is being migrated');
      expect(e.detail).toBe(detail);
    }
  });

  it('a profile answered so is refused too, not read as a profile without an address; `unsupported` is no profile to give', async () => {
    expect((await failure(optionalProfile(ob3(imsx('failure')).profile(service, 'token')))).code).toBe(C.REJECTED);
    expect(await optionalProfile(ob3(imsx('unsupported')).profile(service, 'token'))).toBeUndefined();
  });

  it('a listing with no list at all, or one that says success, is read as before', async () => {
    expect((await ob3({}).credentialsPage(service, 'token')).items).toEqual([]);
    expect((await ob3({ ...imsx('success'), credential: [{ id: 'urn:uuid:1' }] }).credentialsPage(service, 'token')).items).toHaveLength(1);
  });
});
