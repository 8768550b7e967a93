/**
 * The card's picture when it does not load: images blocked (Outlook's default, Gmail's "ask
 * before displaying"), an issuer's host that is down or offline. The reader then sees the
 * image's alt text in its 72 px cell. Found in Firefox's share preview (2026-12-06 walk): with
 * nothing styling it, the badge's name came out in the reader's default serif at 16 px, four
 * lines beside the same name in the card's own font. Mail clients keep inline styles on <img>
 * and apply them to the alt text (reference §3.4/§3.5: inline styles are what survives).
 */
import { describe, expect, it } from 'vitest';
import { badgeCardHtml } from '../../../src/core/share/card.ts';

const style = (html: string) => /<img [^>]*style="([^"]*)"/.exec(html)?.[1] ?? '';

describe('the card’s picture, not loaded', () => {
  it('shows its alt text in the card’s font, small and grey, not the reader’s default serif', () => {
    const s = style(badgeCardHtml({ name: 'JFF x vc-edu PlugFest 3 Interoperability', image: 'https://img.example/b.png', publicUrl: 'https://b.example/a/1' }));
    expect(s).toContain('font-family:Arial,Helvetica,sans-serif;');
    const size = Number(/font-size:(\d+)px/.exec(s)?.[1]);
    expect(size).toBeGreaterThan(0);
    expect(size).toBeLessThanOrEqual(12);
    expect(s).toMatch(/line-height:\d+px/);
    expect(s).toMatch(/color:#[0-9a-f]{6}/);
    // Still a 72 px block without a border (the picture's own size when it loads).
    expect(s).toContain('display:block;width:72px;height:72px;border:0;');
  });
});
