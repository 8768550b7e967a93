/**
 * A scope written with commas ("read,profile") where OAuth separates scope tokens by spaces (RFC 6749
 * §3.3 "a list of space-delimited, case-sensitive strings"; RFC 7591 §2 "a space-separated list";
 * the reference, open-badges-verification.md "Registration": `scope` space-separated). No backpack
 * in the reference writes commas. Read as one token it granted nothing Lanyard asked for, and the
 * sign-in was refused saying the user had not allowed Lanyard to read the badges: the wrong cause.
 * It is refused naming the commas.
 */
import { describe, expect, it } from 'vitest';
import { BackpackErrorCodes as C } from '../../src/backpack/errors.ts';
import type { Fetch } from '../../src/backpack/http.ts';
import { buildAuthorizationRequest, completeAuthorization, tokenRequest } from '../../src/backpack/oauth.ts';
import { registerClient, type RegisteredClient } from '../../src/backpack/registration.ts';

const SITE = 'https://wallet.example';
const CLIENT: RegisteredClient = { clientId: 'c', clientSecret: 's', registration: {} };
const json = (body: unknown, status = 200): Fetch => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const caught = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
const COMMAS = { code: C.PROTOCOL, detail: 'scope', message: expect.stringMatching(/commas.*spaces.*RFC 6749 §3\.3/) };

describe('a scope written with commas', () => {
  it('in a token answer: refused naming the commas, not "you did not allow it"', async () => {
    const request = await buildAuthorizationRequest({ authorizationUrl: `${SITE}/authorize`, clientId: 'c', redirectUri: 'https://lanyard.example/cb', scope: ['read', 'profile'], issuer: { origin: SITE, required: false } });
    const fetch = json({ access_token: 'at', token_type: 'Bearer', scope: 'read,profile' });
    const e = await caught(completeAuthorization({ fetch }, `${SITE}/token`, CLIENT, request, `https://lanyard.example/cb?code=x&state=${request.state}`));
    expect(e).toMatchObject(COMMAS);
  });

  it('in the authorization response: refused before the code is sent', async () => {
    const request = await buildAuthorizationRequest({ authorizationUrl: `${SITE}/authorize`, clientId: 'c', redirectUri: 'https://lanyard.example/cb', scope: ['read', 'profile'], issuer: { origin: SITE, required: false } });
    let sent = 0;
    const fetch: Fetch = async () => (sent++, new Response('{}'));
    const e = await caught(Promise.resolve().then(() => completeAuthorization({ fetch }, `${SITE}/token`, CLIENT, request, `https://lanyard.example/cb?code=x&state=${request.state}&scope=${encodeURIComponent('read, profile')}`)));
    expect(e).toMatchObject(COMMAS);
    expect(sent).toBe(0);
  });

  it('in a refresh answer too', async () => {
    const e = await caught(tokenRequest({ fetch: json({ access_token: 'at', token_type: 'Bearer', scope: 'read,profile' }) }, `${SITE}/token`, CLIENT, { grant_type: 'refresh_token', refresh_token: 'r', scope: 'read profile' }, 'refresh'));
    expect(e).toMatchObject(COMMAS);
  });

  it('in a registration answer', async () => {
    const META = { clientName: 'L', clientUri: 'https://lanyard.example/', logoUri: 'https://lanyard.example/l', tosUri: 'https://lanyard.example/t', policyUri: 'https://lanyard.example/p', softwareId: 'l', softwareVersion: '1', redirectUris: ['https://lanyard.example/cb'], scope: ['read', 'profile'] };
    const e = await caught(registerClient({ fetch: json({ client_id: 'c', client_secret: 's', scope: 'read,profile' }, 201) }, `${SITE}/register`, META));
    expect(e).toMatchObject({ ...COMMAS, message: expect.stringMatching(/commas.*spaces/) });
  });

  it('a comma inside a scope token Lanyard did not ask for is no refusal (RFC 6749 §3.3 allows it in a token)', async () => {
    const t = await tokenRequest({ fetch: json({ access_token: 'at', token_type: 'Bearer', scope: 'read profile x,y' }) }, `${SITE}/token`, CLIENT, { grant_type: 'refresh_token', refresh_token: 'r', scope: 'read profile' }, 'refresh');
    expect(t.scope).toEqual(['read', 'profile']);
  });
});
