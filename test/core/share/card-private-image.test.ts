/**
 * The card others receive (the popup's "Copy for e-mail" and HTML code, the mail picker's) loads
 * its picture on their machines: never from a local or private host, whatever the popup shows.
 */
import { describe, expect, it } from 'vitest';
import { badgeCardHtml } from '../../../src/core/share/card.ts';

describe('the card’s picture', () => {
  it('is left out when it is on a local or private host, even the user’s own backpack’s (the popup passes its pictures as they are)', () => {
    for (const image of ['http://192.168.1.1/cgi-bin/apply.cgi?action=reboot', 'http://127.0.0.1:8787/public/assertions/a/image', 'http://localhost/x.png', 'https://nas.local/b.png', 'http://[::1]/b.png', 'http://10.0.0.1.nip.io/b.png']) {
      const html = badgeCardHtml({ name: 'N', image, publicUrl: 'https://b.example/a/1' });
      expect(html, image).not.toContain('<img');
    }
    expect(badgeCardHtml({ name: 'N', image: 'https://img.example/b.png' })).toContain('<img src="https://img.example/b.png"');
  });
});
