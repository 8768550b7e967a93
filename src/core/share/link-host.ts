/**
 * Where a link goes, when its words say otherwise. A link's words are the issuer's own (a Markdown
 * label, an evidence item's or alignment's name, the issuer's name over its homepage link):
 * "https://harvard.edu/verify" over https://evil.example/ reads as Harvard's page. A surface that
 * shows such a link says the host it goes to beside it.
 */

/**
 * Characters a reader takes for the "." between a host's labels: IDNA's own label separators
 * (U+3002, U+FF0E, U+FF61; UTS #46 §2.3) and the look-alikes of FULL STOP in UTS #39
 * confusables.txt (U+2024 ONE DOT LEADER, U+FE52, U+0701/0702, U+A4F8, U+A60E, U+10A50,
 * U+1D16D). "harvard\u2024edu" draws as "harvard.edu" and was no host to this reader. Not the
 * Arabic-Indic zeros the list also names: in Arabic text they are digits (a year, "٢٠٢٥"). Only
 * between two ASCII letters or digits, as in a spoofed host: Chinese and Japanese end a sentence
 * with U+3002, and "课程。欢迎" is no host.
 */
const DOT_LIKE = /(?<=[A-Za-z0-9])(?:[\u2024\uFE52\uFF0E\u3002\uFF61\u0701\u0702\uA4F8\uA60E]|\uD802\uDE50|\uD834\uDD6D)(?=[A-Za-z0-9])/g;

/**
 * The hosts the words name, as a reader takes them: each word, after an optional http(s) scheme, up
 * to a path ("https://harvard.edu/verify", "Verify at www.harvard.edu"), and in it each piece before
 * and after a ":" or "@" ("harvard.edu@evil.example", "admin@harvard.edu", "at:harvard.edu", a port);
 * only dotted names whose last label is not a number and has two characters or more (not "v1.2",
 * "e.g."), trailing punctuation aside, a look-alike dot (DOT_LIKE) read as a dot. Read as written,
 * never through the URL parser, which maps look-alike characters ("harvard.edu⁄evil.example",
 * U+2044) to another host (URL Standard §3.5 host parsing, UTS #46). The first 300 characters: what a
 * reader takes in.
 */
function writtenHosts(words: string): string[] {
  const hosts: string[] = [];
  // An address joined to the sentence before it ("修了証はAWS。https://…", as Chinese and Japanese write, no
  // space) starts a word of its own: else "修了証はaws.https" was read as a host, a false note.
  for (const word of words.slice(0, 300).replace(DOT_LIKE, '.').split(/\s+/).flatMap((w) => w.split(/(?=https?:\/\/)/i))) {
    const authority = /^[("'“‘]*(?:https?:\/\/)?([^\s/\\?#]+)/i.exec(word)?.[1] ?? '';
    for (const piece of authority.split(/[:@]/)) {
      const host = piece.replace(/^[("'“‘<]+/, '').replace(/[.,;!?)"'”’>]+$/, '').toLowerCase();
      if (host && /\.[^\d\s.][^\s.]+$/.test(host)) hosts.push(host);
    }
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
