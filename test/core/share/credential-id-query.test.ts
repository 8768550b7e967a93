/**
 * LinkedIn's "Credential ID" for a badge whose id keeps the badge in its query: Moodle's hosted
 * assertions are `…/badges/assertion.php?b=<hash>&obversion=2` (test/fixtures/real/chilowallet-moodle,
 * assertion.json's id), so the last path segment alone, "assertion.php", was every Moodle badge's
 * Credential ID. The query goes with it, unless it carries what a shared link may not (escape.ts
 * publicShareUrl: a token, an address; Badgr's identity hint is dropped).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { credentialIdFor } from '../../../src/core/share/linkedin.ts';

const moodle = (JSON.parse(readFileSync(new URL('../../fixtures/real/chilowallet-moodle/assertion.json', import.meta.url), 'utf8')) as { id: string }).id;

describe('the Credential ID of an id whose query names the badge', () => {
  it('keeps the query: two Moodle badges get two ids', () => {
    expect(moodle).toMatch(/\/badges\/assertion\.php\?b=[0-9a-f]{40}&obversion=2$/);
    const id = credentialIdFor(moodle);
    expect(id).toBe(`assertion.php?${new URL(moodle).search.slice(1)}`);
    expect(credentialIdFor(moodle.replace(/b=[0-9a-f]+/, 'b=0123'))).not.toBe(id);
    // The same from the public link when the id is not a URL.
    expect(credentialIdFor(undefined, moodle)).toBe(id);
  });

  it('never a secret or an address from the query: then the segment alone, as before', () => {
    expect(credentialIdFor('https://b.example/badge.php?b=1&access_token=s3cret')).toBe('badge.php');
    expect(credentialIdFor('https://b.example/public/assertions/ada?identity__email=ada%40home.example')).toBe('ada');
    expect(credentialIdFor('https://b.example/public/assertions/ada.json')).toBe('ada');
    expect(credentialIdFor('https://api.badgr.io/public/assertions/aB3dE5fG7h#top')).toBe('aB3dE5fG7h');
  });
});
