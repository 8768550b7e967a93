/**
 * RFC 8414 metadata where the authorization server is. OB 3.0's own example reads its service
 * description from 1edtech.org and names auth.1edtech.org for registration and tokens (same-site.test.ts);
 * its metadata is then at https://auth.1edtech.org/.well-known/oauth-authorization-server, and its
 * `issuer` is that origin (RFC 8414 §3.3). Lanyard looked only on the description's origin: the
 * revocation endpoint was never known (sign-out could not revoke) and an `iss` the server promises
 * (RFC 9207 §3) was not required.
 */
import { describe, expect, it } from 'vitest';
import { Ob3Client } from '../../src/backpack/ob3.ts';

const DOC = 'https://example.edu';
const AUTH = 'https://auth.example.edu';

function backpack(metadataAt: string) {
  const asked: string[] = [];
  const documents: Record<string, unknown> = {
    [`${DOC}/ims/ob/v3p0/discovery`]: {
      openapi: '3.0.1',
      info: { title: 'Example', version: '3.0' },
      servers: [{ url: `${DOC}/ims/ob/v3p0` }],
      components: {
        securitySchemes: {
          OAuth2ACG: {
            type: 'oauth2',
            'x-imssf-registrationUrl': `${AUTH}/register`,
            flows: { authorizationCode: { authorizationUrl: `${AUTH}/authorize`, tokenUrl: `${AUTH}/token`, refreshUrl: `${AUTH}/token`, scopes: {} } },
          },
        },
      },
    },
    [`${metadataAt}/.well-known/oauth-authorization-server`]: {
      issuer: metadataAt,
      authorization_endpoint: `${AUTH}/authorize`,
      token_endpoint: `${AUTH}/token`,
      revocation_endpoint: `${AUTH}/revoke`,
      authorization_response_iss_parameter_supported: true,
    },
  };
  const fetch = async (url: string): Promise<Response> => {
    asked.push(url);
    const body = documents[url];
    return body === undefined ? new Response('Not found', { status: 404 }) : new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch, asked };
}

describe('RFC 8414 metadata of an authorization server on a host under the description\'s', () => {
  it('is read at the token endpoint\'s origin when the description\'s origin has none: revocation endpoint and iss known', async () => {
    const { fetch } = backpack(AUTH);
    const s = await new Ob3Client({ fetch }).discover(DOC);
    expect(s.revocationUrl).toBe(`${AUTH}/revoke`);
    expect(s.issuer).toMatchObject({ issuer: AUTH, required: true });
  });

  it('metadata on the description\'s own origin is read first, as before (the token host is not asked)', async () => {
    const { fetch, asked } = backpack(DOC);
    const s = await new Ob3Client({ fetch }).discover(DOC);
    expect(s.issuer).toMatchObject({ issuer: DOC, required: true });
    expect(asked).not.toContain(`${AUTH}/.well-known/oauth-authorization-server`);
  });
});
