/**
 * The card preview's height, from what the card (src/core/share/card.ts) lays out: a 72 px picture
 * beside a text column of the name (16 px bold, 20 px lines), the issuer and the dates (13 px, 18 px
 * lines) and the "View and verify" link, each cell padded 12 px, in an iframe body with an 8 px
 * margin. In the popup's width the text column holds about 22 characters of the name a line and 32
 * of the rest (checked against the card drawn in Chromium at that width). A fixed 122 px cut a two-line name's link off (Firefox's overlay scrollbars gave no
 * hint that the frame scrolls). Capped, as a long name is cut by the card itself at 300 characters.
 */
export function previewHeight(p: { name: string; issuerName?: string; dates: number; link: boolean }): number {
  const lines = (text: string, perLine: number) => Math.max(1, Math.ceil([...text].length / perLine));
  const name = 20 * lines(p.name, 22);
  // Both dates ("Issued … · Expires …") take two lines there.
  const meta = (p.issuerName ? 18 * lines(`Issued by ${p.issuerName}`, 32) : 0) + 18 * Math.min(p.dates, 2);
  const text = 24 + name + (meta ? 4 + meta : 0) + (p.link ? 26 : 0);
  // + 6: measured in Chromium, the card's rows come out a few pixels taller than their line heights.
  return Math.min(320, Math.max(122, 16 + 2 + 6 + Math.max(96, text)));
}
