/** What the test backpack's own tests and the client tests share: an in-process server per file, sign-ins, the authorization form. */
import { afterAll, beforeAll } from 'vitest';
import { startBackpack, type Backpack, type BackpackOptions } from './server.ts';
import { ADA } from './seed-data.ts';

export const REDIRECT_HOST = 'lanyardtestextension.chromiumapp.org';
export const REDIRECT_URI = `https://${REDIRECT_HOST}/oauth2`;

/** Client metadata whose every URL is on the extension's redirect host (the same-host rule). */
export const CLIENT_METADATA = {
  client_name: 'Lanyard',
  client_uri: `https://${REDIRECT_HOST}/`,
  logo_uri: `https://${REDIRECT_HOST}/icon-128.png`,
  tos_uri: `https://${REDIRECT_HOST}/terms.html`,
  policy_uri: `https://${REDIRECT_HOST}/privacy.html`,
  software_id: 'lanyard',
  software_version: '0.1.0',
  redirect_uris: [REDIRECT_URI],
  token_endpoint_auth_method: 'client_secret_basic',
  grant_types: ['authorization_code', 'refresh_token'],
  response_types: ['code'],
  scope: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly https://purl.imsglobal.org/spec/ob/v2p1/scope/assertion.readonly https://purl.imsglobal.org/spec/ob/v2p1/scope/profile.readonly offline_access',
};

/** Starts a backpack on a free port for the file's tests; `ctx.bp` is valid inside tests. */
export function useBackpack(opts: BackpackOptions = {}): { bp: Backpack } {
  const ctx = {} as { bp: Backpack };
  beforeAll(async () => {
    ctx.bp = await startBackpack({ port: 0, ...opts });
  });
  afterAll(async () => {
    await ctx.bp?.close();
  });
  return ctx;
}

export const formPost = (fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(fields).toString(),
});

export const jsonPost = (body: unknown, method = 'POST', headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export const auth = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

export const basicAuth = (id: string, secret: string): Record<string, string> => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

export interface TokenAnswer {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  scope: string;
  token_type: string;
}

export async function badgrLogin(base: string, username = ADA.username, password = ADA.password, scope = 'rw:profile rw:backpack'): Promise<TokenAnswer> {
  const res = await fetch(`${base}/o/token`, formPost({ grant_type: 'password', client_id: 'public', username, password, scope }));
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as TokenAnswer;
}

export async function registerClient(base: string, overrides: Record<string, unknown> = {}): Promise<{ client_id: string; client_secret: string } & Record<string, unknown>> {
  const res = await fetch(`${base}/oauth/register`, jsonPost({ ...CLIENT_METADATA, ...overrides }));
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as { client_id: string; client_secret: string };
}

/** What a browser does on the authorization page: read the form, fill it, submit; returns the redirect Location (or the page). */
export async function submitAuthorizationForm(authorizationUrl: string, username: string, password: string, decision: 'allow' | 'deny' = 'allow'): Promise<{ status: number; location: string | null; html: string }> {
  const page = await fetch(authorizationUrl, { redirect: 'manual' });
  const html = await page.text();
  if (page.status !== 200) return { status: page.status, location: page.headers.get('location'), html };
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[m[1]!] = m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
  const action = new URL('/oauth/authorize', authorizationUrl).toString();
  const res = await fetch(action, { ...formPost({ ...fields, username, password, decision }), redirect: 'manual' });
  return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}
