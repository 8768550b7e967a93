/**
 * The card preview's height, from what the card (src/core/share/card.ts) lays out: a 72 px picture
 * beside a text column of the name (16 px bold, 20 px lines), the issuer and the dates (13 px, 18 px
 * lines) and the "View and verify" link, each cell padded 12 px, in an iframe body with an 8 px
 * margin. In the popup's width the text column holds about 22 characters of the name a line and 32
 * of the rest (checked against the card drawn in Chromium at that width). A fixed 122 px cut a two-line name's link off (Firefox's overlay scrollbars gave no
 * hint that the frame scrolls). Capped, as a long name is cut by the card itself at 300 characters.
 */
export function previewHeight(p: { name: string; issuerName?: string; dates: number; link: boolean; picture?: boolean }): number {
  const picture = p.picture ?? true;
  const lines = (text: string, perLine: number) => Math.max(1, Math.ceil([...text].length / perLine));
  // A card without its picture (an image that is not a public http(s) URL: card.ts leaves it out)
  // gives its text the picture's 84 px too: about 32 characters of the name a line and 46 of the rest.
  const [namePerLine, restPerLine] = picture ? [22, 32] : [32, 46];
  const name = 20 * lines(p.name, namePerLine);
  // The dates share a line ("Issued … · Expires …"): about 24 characters for one, 50 for both (French's longer words).
  const dateLines = p.dates ? lines(p.dates > 1 ? 'x'.repeat(50) : 'x'.repeat(24), restPerLine) : 0;
  const meta = (p.issuerName ? 18 * lines(`Issued by ${p.issuerName}`, restPerLine) : 0) + 18 * dateLines;
  const text = 24 + name + (meta ? 4 + meta : 0) + (p.link ? 26 : 0);
  // + 6: measured in Chromium, the card's rows come out a few pixels taller than their line heights.
  // The picture's cell (72 px and its 24 px of padding) is the card's least height when it has one.
  const drawn = 16 + 2 + 6 + (picture ? Math.max(96, text) : text);
  return Math.min(320, picture ? Math.max(122, drawn) : drawn);
}

/** Whether the card has its picture: every text in it is escaped (card.ts), so an `<img ` is card.ts's own. */
export const hasPicture = (cardHtml: string): boolean => cardHtml.includes('<img ');
