/**
 * Where a link goes, when its words say otherwise. A link's words are the issuer's own (a Markdown
 * label, an evidence item's or alignment's name, the issuer's name over its homepage link):
 * "https://harvard.edu/verify" over https://evil.example/ reads as Harvard's page. A surface that
 * shows such a link says the host it goes to beside it.
 */

/**
 * The host the words name, as a reader takes it: the first word, after an optional http(s) scheme,
 * up to a path, port, user or space ("https://harvard.edu/verify", "www.harvard.edu",
 * "harvard.edu@evil.example"); only a dotted name whose last label is not a number and has two
 * characters or more (not "v1.2", "e.g."). Read as written, never through the URL parser, which
 * maps look-alike characters ("harvard.edu⁄evil.example", U+2044) to another host (URL Standard
 * §3.5 host parsing, UTS #46).
 */
function writtenHost(words: string): string | undefined {
  const word = /^\s*(?:https?:\/\/)?([^\s/\\?#:@]+)/i.exec(words.slice(0, 300))?.[1]?.replace(/\.+$/, '').toLowerCase();
  return word && /\.[^\d\s.][^\s.]+$/.test(word) ? word : undefined;
}

/** The host `href` goes to when `words` name another host; else undefined (words that name no host say nothing). */
export function otherHost(words: string, href: string): string | undefined {
  const written = writtenHost(words);
  if (!written || !URL.canParse(href)) return undefined;
  const host = new URL(href).hostname;
  return written !== host.replace(/\.+$/, '') ? host : undefined;
}
