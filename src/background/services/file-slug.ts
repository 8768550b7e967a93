/**
 * A download's file name from a badge's name, which the issuer writes: lower-case ASCII letters and
 * digits joined by single dashes, so no path separator, dot, drive letter or `..` can reach the
 * name the browser saves under; at most 60 characters, never ending in a dash where it was cut.
 * Names Windows reserves for devices (Microsoft, "Naming Files, Paths, and Namespaces": CON, PRN,
 * AUX, NUL, COM0–9, LPT0–9, with any extension: `nul.png` is the null device) get "-badge" after them.
 */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

export function fileSlug(name: string): string {
  // NFKD turns superscript digits (COM¹) into digits and separates accents, dropped below. Read at most
  // 4096 characters: the slug keeps 60.
  const slug = name.slice(0, 4096).normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+/, '').slice(0, 60).replace(/-+$/, '');
  if (!slug) return 'badge';
  return RESERVED.test(slug) ? `${slug}-badge` : slug;
}
