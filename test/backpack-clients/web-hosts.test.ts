/**
 * Every hosted backpack the sign-in form offers (src/popup/hosts.ts: Canvas Credentials and
 * Parchment Digital Badges per region, developerdocs.instructure.com/services/credentials and
 * /services/parchment-digital-badges "Environments") has its sign-in page's web host known
 * (src/backpack/endpoints.ts PROVIDER_WEB_HOSTS): badgr-server's Badge Connect manifest names its
 * authorizationUrl on the UI domain (apps/backpack/badge_connect_api.py), which endpoints.ts
 * otherwise refuses as another site.
 */
import { describe, expect, it } from 'vitest';
import { checkEndpoints, PROVIDER_WEB_HOSTS } from '../../src/backpack/endpoints.ts';
import { BADGR_HOSTS, PARCHMENT_HOSTS, REGIONS } from '../../src/popup/hosts.ts';

const offered = REGIONS.flatMap((r) => [BADGR_HOSTS[r], PARCHMENT_HOSTS[r]]);

describe('the web host of every offered backpack', () => {
  it.each(offered)('%s: its Badge Connect manifest may name the sign-in page on its UI domain, and nothing else there', (api) => {
    const host = new URL(api).hostname;
    const web = host.replace(/^api\./, '');
    expect(PROVIDER_WEB_HOSTS[host]).toContain(web);
    const ctx = { userBase: api, documentUrl: `${api}/bcv1/manifest/${web}` };
    expect(() => checkEndpoints(ctx, { authorizationUrl: `https://${web}/auth/oauth2/authorize`, tokenUrl: `${api}/o/token` })).not.toThrow();
    expect(() => checkEndpoints(ctx, { tokenUrl: `https://${web}/o/token` })).toThrow(/another site/);
  });
});
