/**
 * A `mailto:` link that opens the user's mail program with a subject and a body (RFC 6068).
 * Every header value is percent-encoded as UTF-8 (§2: a space is %20, never `+`, which mail
 * programs keep as a plus), line breaks in the body are %0D%0A (§5), and the subject has none
 * (a line break there would start another header in some mail programs). Browsers and mail
 * programs cut long mailto links (about 2000 characters is the portable limit; Outlook and
 * Internet Explorer stop at 2083), so the body is cut, between characters and with "…", to fit:
 * the link to the badge, put last on its own line, is never cut; a link too long to fit at all
 * (inside the body each `/ : ? = & %` of it is encoded again) is left out with the line that
 * announces it.
 */
import { displaySentence } from './display.ts';

/** The longest mailto URL made: under the 2083 of the strictest browsers and mail programs. */
export const MAX_MAILTO_CHARS = 2000;

export interface MailDraft {
  subject: string;
  body: string;
  /** Put after the body on its own line, whole: dropped only when it alone would not fit. */
  link?: string;
  /** A line before the link ("See and verify it here:"): said only with the link, whole, never cut. */
  linkLead?: string;
}

/** A lone surrogate (hostile JSON can hold one) would make encodeURIComponent throw: U+FFFD instead. */
const wellFormed = (text: string): string => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const enc = (text: string): string => encodeURIComponent(wellFormed(text));
/**
 * Controls made visible (display.ts) but line breaks, which become CRLF (RFC 6068 §5), and the
 * isolates around an issuer's words in the sentence (bidi.ts inSentence), which stay.
 */
const bodyText = (text: string): string => displaySentence(text.replace(/\r\n?/g, '\n')).replace(/\n/g, '\r\n');

/** The longest prefix of `text` (whole code points) whose encoding fits `budget`, with "…" when cut. */
function fit(text: string, budget: number): string {
  if (enc(text).length <= budget) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // Binary search on the number of code points kept; "…" is %E2%80%A6 (9 characters).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (enc(chars.slice(0, mid).join('')).length + 9 <= budget) lo = mid;
    else hi = mid - 1;
  }
  // A lone CR of a CRLF pair is not left at the cut.
  const kept = chars.slice(0, lo).join('').replace(/\r$/, '');
  return kept ? `${kept}…` : '';
}

export function mailtoUrl(draft: MailDraft, max = MAX_MAILTO_CHARS): string {
  const subject = fit(displaySentence(draft.subject.replace(/\s+/g, ' ').trim(), 300), 600);
  const head = `mailto:?subject=${enc(subject)}`;
  const lead = draft.link && draft.linkLead ? `\r\n${bodyText(draft.linkLead)}` : '';
  const tail = draft.link ? `${lead}\r\n\r\n${draft.link}` : '';
  const room = max - head.length - '&body='.length;
  const linkFits = enc(tail).length <= room;
  const body = fit(bodyText(draft.body), room - (linkFits ? enc(tail).length : 0)) + (linkFits ? tail : '');
  return body ? `${head}&body=${enc(body)}` : head;
}
