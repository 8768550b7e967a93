/**
 * Where a link goes, when its words say otherwise. A link's words are the issuer's own (a Markdown
 * label, an evidence item's or alignment's name, the issuer's name over its homepage link):
 * "https://harvard.edu/verify" over https://evil.example/ reads as Harvard's page. A surface that
 * shows such a link says the host it goes to beside it.
 */

/**
 * The hosts the words name, as a reader takes them: each word, after an optional http(s) scheme, up
 * to a path, port, user or space ("https://harvard.edu/verify", "Verify at www.harvard.edu",
 * "harvard.edu@evil.example"); only dotted names whose last label is not a number and has two
 * characters or more (not "v1.2", "e.g."), trailing punctuation aside. Read as written, never through
 * the URL parser, which maps look-alike characters ("harvard.edu⁄evil.example", U+2044) to another host
 * (URL Standard §3.5 host parsing, UTS #46). The first 300 characters: what a reader takes in.
 */
function writtenHosts(words: string): string[] {
  const hosts: string[] = [];
  for (const word of words.slice(0, 300).split(/\s+/)) {
    const host = /^[("'“‘]*(?:https?:\/\/)?([^\s/\\?#:@]+)/i.exec(word)?.[1]?.replace(/[.,;!?)"'”’]+$/, '').toLowerCase();
    if (host && /\.[^\d\s.][^\s.]+$/.test(host)) hosts.push(host);
  }
  return hosts;
}

/** The host `href` goes to when `words` name another host; else undefined (words that name no host say nothing). */
export function otherHost(words: string, href: string): string | undefined {
  const written = writtenHosts(words);
  if (!written.length || !URL.canParse(href)) return undefined;
  const host = new URL(href).hostname.replace(/\.+$/, '');
  return written.some((w) => w !== host) ? new URL(href).hostname : undefined;
}
