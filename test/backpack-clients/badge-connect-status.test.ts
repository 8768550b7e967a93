/**
 * OB 2.1 error answers: `{status: {error, statusCode, statusText}}`, of which only `statusCode` is
 * required (ob_v2p1/schema/json/imsob_v2p1v2p1-getassertions-400-401-404-405-500-responsepayload-schemav1p0.json,
 * StatusDType `"required": ["statusCode"]`). An answer without `statusText` was not read as one: the
 * user was shown the raw JSON text instead of the backpack's words.
 */
import { describe, expect, it } from 'vitest';
import { BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import { failure } from './failure.ts';
import { getJson } from '../../src/backpack/http.ts';

const answer = (status: number, body: unknown) => async (): Promise<Response> => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const URL_ = 'https://bp.example/bcv1/assertions';

describe('a Badge Connect error status without statusText (only statusCode is required)', () => {
  it('a 401 says the backpack\'s error words, not its JSON, and still asks for a new token', async () => {
    const e = await failure(getJson({ fetch: answer(401, { status: { statusCode: 401, error: 'The access token has expired' } }) }, URL_, 't', 'Badge Connect assertions'));
    expect(e.code).toBe(C.UNAUTHORIZED);
    expect(e.message).toContain('The access token has expired');
    expect(e.message).not.toContain('{');
  });

  it('a 400 with a null error says no JSON either', async () => {
    const e = await failure(getJson({ fetch: answer(400, { status: { statusCode: 400, error: null } }) }, URL_, 't', 'Badge Connect assertions'));
    expect(e.code).toBe(C.REJECTED);
    expect(e.message).not.toContain('{');
  });

  it('a status with statusText is read as before (PERMISSION_DENIED is a refusal, not an ended session)', async () => {
    const e = await failure(getJson({ fetch: answer(401, { status: { statusCode: 401, statusText: 'PERMISSION_DENIED', error: 'no' } }) }, URL_, 't', 'Badge Connect assertions'));
    expect(e.code).toBe(C.REJECTED);
    expect(e.detail).toBe('PERMISSION_DENIED');
  });
});
