/**
 * A description may name endpoints on hosts under its own (src/backpack/endpoints.ts inSite):
 * OB 3.0's example (ob_v3p0 "Service Discovery") is read from https://1edtech.org and names
 * https://auth.1edtech.org for registration, authorization and tokens. Nothing else widens: another
 * site, a parent or sibling host, another port, plain http, stays refused.
 */
import { describe, expect, it } from 'vitest';
import { checkEndpoints, checkIssuer } from '../../src/backpack/endpoints.ts';

const at = (documentUrl: string) => ({ userBase: new URL(documentUrl).origin, documentUrl });

describe('endpoints on the description\'s own site', () => {
  it('accepts OB 3.0\'s own example: the description on 1edtech.org, sign-in on auth.1edtech.org', () => {
    const ctx = at('https://1edtech.org/ims/ob/v3p0/discovery');
    expect(() =>
      checkEndpoints(ctx, {
        registrationUrl: 'https://auth.1edtech.org/register',
        authorizationUrl: 'https://auth.1edtech.org/authorize',
        tokenUrl: 'https://auth.1edtech.org/token',
        apiBase: 'https://1edtech.org/ims/ob/v3p0',
      }),
    ).not.toThrow();
  });

  it('sets a leading www. aside: www.example.org\'s description may name auth.example.org and example.org', () => {
    const ctx = at('https://www.example.org/ims/ob/v3p0/discovery');
    expect(() => checkEndpoints(ctx, { tokenUrl: 'https://auth.example.org/token', apiBase: 'https://example.org/api' })).not.toThrow();
  });

  it.each([
    ['another site', 'https://1edtech.org.evil.example/token'],
    ['a look-alike suffix', 'https://evil1edtech.org/token'],
    ['a parent host', 'https://org/token'],
    ['another port under the site', 'https://auth.1edtech.org:8443/token'],
    ['plain http under the site', 'http://auth.1edtech.org/token'],
  ])('still refuses %s', (_what, tokenUrl) => {
    expect(() => checkEndpoints(at('https://1edtech.org/ims/ob/v3p0/discovery'), { tokenUrl })).toThrow();
  });

  it('refuses the parent and siblings of a description read from a subdomain', () => {
    const ctx = at('https://backpack.school.example/ims/ob/v3p0/discovery');
    expect(() => checkEndpoints(ctx, { tokenUrl: 'https://school.example/token' })).toThrow(/another site/);
    expect(() => checkEndpoints(ctx, { tokenUrl: 'https://auth.school.example/token' })).toThrow(/another site/);
    expect(() => checkEndpoints(ctx, { tokenUrl: 'https://auth.backpack.school.example/token' })).not.toThrow();
  });

  it('a loopback backpack keeps everything on the address typed', () => {
    const ctx = at('http://127.0.0.1:8787/ims/ob/v3p0/discovery');
    expect(() => checkEndpoints(ctx, { tokenUrl: 'http://127.0.0.1:8788/token' })).toThrow();
  });

  it('without metadata, the answer\'s iss may name the sign-in server under the site, and nothing else', () => {
    const origin = 'https://1edtech.org';
    expect(() => checkIssuer('https://auth.1edtech.org', { origin, required: false })).not.toThrow();
    expect(() => checkIssuer('https://1edtech.org.evil.example', { origin, required: false })).toThrow(expect.objectContaining({ detail: 'issuer_mismatch' }));
    expect(() => checkIssuer('http://auth.1edtech.org', { origin, required: false })).toThrow(expect.objectContaining({ detail: 'issuer_mismatch' }));
  });
});
