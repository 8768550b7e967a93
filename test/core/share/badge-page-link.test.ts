/**
 * The link shared for a Credly badge: its Open Badges 2.0 id is an API address that answers JSON
 * (`https://www.credly.com/api/v1/obi/v2/badge_assertions/{uuid}`, the id of
 * test/fixtures/real/takesection-credly/aws-certified-machine-learning-engineer-associate.png; also
 * `api.credly.com/v1/obi/v2/badge_assertions/{uuid}`, where badge-data-urls.ts finds the data of a
 * page), so LinkedIn's readers, the card's and the mail's got a page of JSON. The badge's page is
 * `https://www.credly.com/badges/{the same uuid}` (badge-data-urls.ts: the page and the assertion
 * share the uuid): that is shared, and the Credential ID stays the uuid. So is a Moodle badge: its
 * id is badges/assertion.php?b={hash} (JSON), its page badges/badge.php?hash={the same hash}.
 */
import { describe, expect, it } from 'vitest';
import { publicShareUrl } from '../../../src/core/share/escape.ts';
import { credentialIdFor, linkedInAddToProfileUrl, linkedInShareUrl } from '../../../src/core/share/linkedin.ts';
import { badgeShareText } from '../../../src/core/share/card.ts';

const UUID = 'a388d729-fc22-4503-9eb8-684947932757';
const PAGE = `https://www.credly.com/badges/${UUID}`;

describe('a Credly badge’s shared link', () => {
  it('is its page, from either API address of its OB 2.0 assertion', () => {
    for (const id of [`https://www.credly.com/api/v1/obi/v2/badge_assertions/${UUID}`, `https://api.credly.com/v1/obi/v2/badge_assertions/${UUID.toUpperCase()}`, `https://www.credly.com/api/v1/obi/v2/badge_assertions/${UUID}/`]) {
      expect(publicShareUrl(id), id).toBe(PAGE);
    }
  });

  it('LinkedIn, the post and the sentence give the page; the Credential ID is the uuid', () => {
    const id = `https://www.credly.com/api/v1/obi/v2/badge_assertions/${UUID}`;
    const p = new URL(linkedInAddToProfileUrl({ name: 'AWS', certUrl: id, certId: credentialIdFor(id, id) })).searchParams;
    expect([p.get('certUrl'), p.get('certId')]).toEqual([PAGE, UUID]);
    expect(new URL(linkedInShareUrl(id)!).searchParams.get('url')).toBe(PAGE);
    expect(badgeShareText({ name: 'AWS', publicUrl: id })).toBe(`I earned the badge “AWS”. See and verify it: ${PAGE}`);
  });

  it('leaves other addresses as they are: an OB 3.0 credential (no evidence its uuid is the page’s), another host, http, a port', () => {
    for (const id of [
      'https://www.credly.com/api/v1/obi/v3/open_badge_credentials/edf48235-dc92-4eb8-adf3-58d497326f9a',
      `https://credly.example/api/v1/obi/v2/badge_assertions/${UUID}`,
      `http://www.credly.com/api/v1/obi/v2/badge_assertions/${UUID}`,
      `https://www.credly.com:8443/api/v1/obi/v2/badge_assertions/${UUID}`,
      `https://www.credly.com/api/v1/obi/v2/badge_assertions/not-a-uuid`,
    ]) {
      expect(publicShareUrl(id), id).toBe(new URL(id).href);
    }
  });
});

describe('a Moodle badge’s shared link', () => {
  // The real id of test/fixtures/real/chilowallet-moodle/assertion.json.
  const ID = 'https://moodletest.org/badges/assertion.php?b=8d6d839383cd6e03624b98b70ce4f475f43c2d04&obversion=2';
  const PAGE = 'https://moodletest.org/badges/badge.php?hash=8d6d839383cd6e03624b98b70ce4f475f43c2d04';

  it('is the issued badge’s page on the same site (a site in a folder too); the Credential ID stays the assertion’s', () => {
    expect(publicShareUrl(ID)).toBe(PAGE);
    expect(publicShareUrl(ID.replace('&obversion=2', ''))).toBe(PAGE);
    expect(publicShareUrl('http://school.example/moodle/badges/assertion.php?b=8d6d839383cd6e03624b98b70ce4f475f43c2d04')).toBe('http://school.example/moodle/badges/badge.php?hash=8d6d839383cd6e03624b98b70ce4f475f43c2d04');
    expect(credentialIdFor(ID, ID)).toBe('assertion.php?b=8d6d839383cd6e03624b98b70ce4f475f43c2d04&obversion=2');
  });

  it('not the badge class (action=1), another parameter, or a hash that is not one', () => {
    for (const id of [`${ID}&action=1`, ID.replace('b=8d6d', 'b=zz6d'), `${ID}#x`, 'https://moodletest.org/badges/assertion.php?hash=8d6d839383cd6e03624b98b70ce4f475f43c2d04']) {
      expect(publicShareUrl(id), id).toBe(new URL(id).href);
    }
  });
});
