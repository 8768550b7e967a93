/**
 * How two spellings of one e-mail address are told apart, with no hashing: the user's addresses in the
 * worker (background identities.ts) and the recipient check (recipient.ts) read them the same way. A file
 * of its own so that background.js need not carry the recipient check, its MD5 and SHA-256
 * (test/background/engine-apart.test.ts).
 */
import { unicodeDomain } from './punycode.ts';

/**
 * Whether an address holds a character outside ASCII that Lanyard's folding turns into ASCII: lower
 * case (U+212A KELVIN SIGN is "k", U+0130 is "i" and a dot), NFC (U+212A is "K" canonically), or the
 * URL parser's mapping of a domain (UTS #46: NFKC and case folding: "ſ", U+017F, is "s"; fullwidth
 * "ｅ" is "e"; "ﬀ" is "ff"). Such an address folded meets an ASCII one it is not: no mail system
 * reads "Kate@example.org" as kate@example.org's mailbox, and IDNA2008 disallows those
 * characters in a domain (RFC 5892 §2.3). Hostile review (hostile41). White space around the address is no
 * part of it (every comparison trims it): a no-break space after it (NFKC " ") folds nothing (review42).
 */
export function foldsToAscii(v: string): boolean {
  for (const ch of v.trim()) {
    if (ch.charCodeAt(0) < 0x80) continue;
    if (/[\x00-\x7f]/.test(ch.normalize('NFKC')) || /[\x00-\x7f]/.test(ch.toLowerCase())) return true;
  }
  return false;
}

/** An address with only its ASCII letters lower-cased, and space around it dropped: nothing outside ASCII is folded. */
export const asciiKey = (v: string): string => v.trim().replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * The address with its domain's A-labels as U-labels (RFC 5891 §4.4: `xn--bcher-kva.example` is
 * `bücher.example`, one domain; punycode.ts unicodeDomain, only when they are that domain's own), else as given.
 */
function uLabels(v: string): string {
  const t = v.trim();
  const at = t.lastIndexOf('@');
  const u = at < 1 ? undefined : unicodeDomain(t.slice(at + 1).toLowerCase());
  return u ? `${t.slice(0, at)}@${u}` : t;
}

/**
 * One key per e-mail address as the user's addresses are told apart (background identities.ts
 * addressKey): trimmed, its domain's A-labels read as U-labels (an IDN address and its A-label form
 * were two entries of the local list), composed (NFC) and lower-cased, or, for one that folds into
 * ASCII (foldsToAscii), only its ASCII letters lower-cased: "\u212aate@example.org" is not kate@example.org.
 */
export function addressKey(v: string): string {
  const u = uLabels(v);
  return foldsToAscii(u) ? asciiKey(u) : u.normalize('NFC').toLowerCase();
}
