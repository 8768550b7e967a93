/** The share screen's "Send by e-mail": "See and verify it here:" only with the link (core/share/mail.ts linkLead). */
import { describe, expect, it } from 'vitest';
import { shareContent } from '../../src/popup/share/share-content.ts';
import type { BadgeDetail } from '../../src/messaging/views.ts';
import { t } from './render.tsx';

const LEAD = 'See and verify it here:';
const badge = { key: 'local|l', accountId: 'local', name: 'First Aid', issuerName: 'Red Cross', tags: [], format: 'ob2.0-hosted', verdict: 'valid', recipient: null, pending: false, evidence: [], alignments: [], claimedRecipients: [], checks: [] } as unknown as BadgeDetail;

describe('the popup’s e-mail', () => {
  it('never ends with "See and verify it here:" and no link: a link too long for a mailto goes with its line', () => {
    // A path in Chinese: 9 characters a letter in the link, 15 once encoded again in the mailto body.
    const long = `https://b.example/${encodeURIComponent('急救證書'.repeat(40))}`;
    for (const [publicUrl, linked] of [['https://b.example/public/assertions/a1', true], [long, false]] as const) {
      const c = shareContent({ ...badge, publicUrl }, undefined, t, 'en');
      expect(c.link, 'the link is still offered to copy').toBe(publicUrl);
      const body = new URL(c.mail).searchParams.get('body')!;
      expect(body.endsWith(`\r\n${LEAD}\r\n\r\n${publicUrl}`), publicUrl).toBe(linked);
      expect(body.includes(LEAD), publicUrl).toBe(linked);
    }
  });
});
