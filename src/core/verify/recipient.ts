/**
 * The `recipient` check (DESIGN.md table; OB 2.0 IdentityHash, OB 3.0 verification.md step 5).
 * Only identities of a comparable type are compared, each as its kind allows (candidatesOf); hashes
 * are `alg$hex` of identity ‖ salt, with the hex compared case-insensitively, by an algorithm the
 * badge's version allows (hashAlgorithms).
 */
import { ErrorCodes } from '../errors.ts';
import { shorten } from '../display.ts';
import type { BadgeFormat, RecipientIdentity } from '../model.ts';
import type { CheckList } from './checks.ts';
import type { UserIdentity } from './context.ts';
import { md5Hex } from './md5.ts';
import { hex } from '../proofs/sha256-digest.ts';
import { sha256Small } from '../proofs/sha256-small.ts';
import { emailForms, emailKey, mapsDomain } from './email-forms.ts';
import { asciiKey, foldsToAscii } from './address-key.ts';

export { addressKey } from './address-key.ts';

const enc = new TextEncoder();

/** md5 and sha256: OB 1.0 and 1.1 (IdentityHash), OB 2.0 §IdentityHash, OB 3.0 §IdentityHash. */
const HASHES = ['md5', 'sha256'] as const;
/**
 * OB 0.5: the assertion's `recipient` is `<algorithm>$<hash>` (the 0.5 assertion specification's
 * "sha256$…"), and Mozilla's openbadges-validator, which the 0.5 Backpack ran, took sha1, sha256,
 * sha512 and md5 (lib/constants.js VALID_HASHES, its `isHash`).
 */
const HASHES_05 = ['md5', 'sha1', 'sha256', 'sha512'] as const;

/** The algorithms by which a badge of this format may hash its recipient. */
export function hashAlgorithms(format: BadgeFormat | undefined): readonly string[] {
  return format === 'ob0.5-hosted' ? HASHES_05 : HASHES;
}

async function hashHex(alg: string, text: string): Promise<string> {
  if (alg === 'md5') return md5Hex(enc.encode(text));
  // Synchronous: an identity is a few bytes, and WebCrypto's digest costs a thread-pool round trip in Node.
  if (alg === 'sha256') return hex(sha256Small(text));
  return hex(new Uint8Array(await crypto.subtle.digest(alg === 'sha1' ? 'SHA-1' : 'SHA-512', enc.encode(text))));
}

/**
 * Whether an IdentityObject's identity is a hash (OB 2.0 / OB 3.0 `hashed`, an xsd:boolean). Issuers
 * also write it as a string ("true", "True", "1"); when it is absent or unreadable, an `alg$hex`
 * identity is a hash, since no e-mail address, URL or telephone number looks like one.
 */
export function isHashedIdentity(hashed: unknown, identity: string): boolean {
  const flag = typeof hashed === 'string' ? hashed.trim().toLowerCase() : hashed;
  if (flag === true || flag === 'true' || flag === '1') return true;
  if (flag === false || flag === 'false' || flag === '0') return false;
  return /^(md5|sha256)\$[0-9a-f]+$/i.test(identity.trim());
}

/**
 * A hashed identity's salt as the issuer hashed it: OB 2.0 §IdentityObject and OB 3.0
 * §IdentityObject say Text, but an issuer that wrote a number (`"salt": 12345`) hashed its digits;
 * dropping it made the hash someone else's, and a genuine badge invalid. Anything else: no salt.
 */
export function saltOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;
}

/** OB 3.0 identityType names mapped onto the comparable OB 2.0 ones. */
export function normaliseIdentityType(t: string): string {
  const map: Record<string, string> = { emailAddress: 'email', email: 'email', url: 'url', telephone: 'telephone', id: 'id', did: 'id' };
  return Object.hasOwn(map, t) ? map[t]! : t; // not Object's members for a type named "constructor"
}

/** A web address as the URL parser writes it (host lower-cased, default port dropped); the path keeps its case. */
function normalUrl(v: string): string {
  try {
    return new URL(v).href;
  } catch {
    return v;
  }
}

/**
 * A telephone number without what only punctuates it: a tel: prefix, spaces and RFC 3966 §3's
 * visual separators ("-", ".", "(", ")"): "+1 (555) 010-0100" is "+15550100100", the E.164 form
 * (ITU-T E.164) Badgr stores. Undefined when what is left is not a number (`+` and digits).
 */
function phoneKey(v: string): string | undefined {
  const k = v.trim().replace(/^tel:/i, '').replace(/[\s().-]/g, '');
  return /^\+?[0-9]+$/.test(k) ? k : undefined;
}

/**
 * The user's value as it may be compared: an e-mail address in any letter case (its host is
 * case-insensitive, and issuers and backpacks lower-case the rest), Unicode form and domain
 * spelling (emailForms), a web address as the URL parser writes it, a telephone number also
 * without its punctuation (phoneKey), anything else (a DID, whose
 * method-specific id is case-sensitive, DID Core §3.1) only trimmed.
 */
function candidatesOf(mine: UserIdentity): string[] {
  const v = mine.value;
  // An address that folds to ASCII (foldsToAscii) is compared as written, its ASCII letters in any case.
  if (mine.type === 'email') return foldsToAscii(v) ? [...new Set([v, v.trim(), asciiKey(v)])] : emailForms(v);
  if (mine.type === 'url') return [...new Set([v, v.trim(), normalUrl(v.trim())])];
  if (mine.type === 'telephone') return [...new Set([v, v.trim(), phoneKey(v) ?? v])];
  return [...new Set([v, v.trim()])];
}

/**
 * The most recipient identities compared. OB 3.0 §AchievementSubject's `identifier` is a list the
 * issuer writes, and each hashed entry costs a hash per spelling of each of the user's addresses: an
 * 8 MiB credential naming 70,000 took the worker's CPU for seconds to minutes (a deadline bounds
 * waiting, not work). Real badges name one to three; past this many, whom it was issued to is unknown.
 */
export const MAX_RECIPIENT_CLAIMS = 32;

const HASH = /^([a-z0-9]+)\$([0-9a-f]+)$/i;
const ALGORITHM = /^([a-z0-9]+)\$/i;
/** A whole digest: md5 (32 hex), sha1 (40), sha256 (64), sha512 (128). */
const DIGEST = /^(md5\$[0-9a-f]{32}|sha1\$[0-9a-f]{40}|sha256\$[0-9a-f]{64}|sha512\$[0-9a-f]{128})$/i;

/**
 * Whether the claim names the user; `unknown` for a hash by an algorithm its version does not allow
 * (hashAlgorithms), `malformed` for an allowed one with something other than its whole hex digest after it
 * (a template's placeholder, say), `folded` for an address that is the user's only once a character
 * outside ASCII is folded into ASCII (foldsToAscii): maybe the user's, maybe another's.
 */
async function matches(claim: RecipientIdentity, mine: UserIdentity, allowed: readonly string[]): Promise<boolean | 'unknown' | 'malformed' | 'folded'> {
  const candidates = candidatesOf(mine);
  const r = await matchesAs(claim, mine, candidates, allowed);
  if (r !== false || mine.type !== 'email' || !foldsToAscii(mine.value)) return r;
  // The user's address folded, as other addresses are read: the claim is then not someone else's for sure.
  return (await matchesAs(claim, mine, emailForms(mine.value), allowed)) === true ? 'folded' : false;
}

/**
 * OB 2.0 §IdentityObject: `identity` is an identityHash (`alg$hex`) or text, and `salt` "the string
 * used to salt the hash". White space around an `alg$hex` is no part of it, and the digest it
 * surrounds binds the same string: it is read trimmed. The salt is hashed exactly as written: the
 * hash binds identity ‖ salt, and a salt read otherwise is another string (hostile41).
 */
async function matchesAs(claim: RecipientIdentity, mine: UserIdentity, candidates: readonly string[], allowed: readonly string[]): Promise<boolean | 'unknown' | 'malformed' | 'folded'> {
  const digest = claim.identity.trim();
  // `hashed: false` beside an identity that is a whole `alg$hex` digest (VCORE validation.py: an
  // error of the issuer's): no address, URL or telephone number is written so, and the hash of the
  // user's address is still the user's: it is compared as the hash it is, not called someone else.
  if (!claim.hashed && DIGEST.test(digest) && allowed.includes(digest.split('$')[0]!.toLowerCase())) {
    if ((await matchesAs({ ...claim, hashed: true }, mine, candidates, allowed)) === true) return true;
  }
  if (!claim.hashed) {
    if (mine.type === 'email') {
      // A plain address as issuers write it: spaces around it (no address holds one) or as a mailto: URI (RFC 6068).
      const written = claim.identity.trim().replace(/^mailto:/i, '');
      if (candidates.some((c) => asciiKey(c) === asciiKey(written))) return true;
      if (!candidates.some((c) => emailKey(c) === emailKey(written))) return false;
      // The same address only once folded (U+212A KELVIN SIGN for "k") or once its domain is mapped
      // (a soft hyphen dropped: mapsDomain): maybe the user's, maybe another's.
      return foldsToAscii(written) || candidates.some(foldsToAscii) || mapsDomain(written) ? 'folded' : true;
    }
    if (mine.type === 'telephone') {
      const claimed = phoneKey(claim.identity);
      if (claimed !== undefined) return candidates.some((c) => phoneKey(c) === claimed);
    }
    const claimed = mine.type === 'url' ? normalUrl(claim.identity.trim()) : claim.identity;
    return candidates.some((c) => c === claim.identity || c === claimed);
  }
  const m = HASH.exec(digest);
  const named = ALGORITHM.exec(digest)?.[1]?.toLowerCase();
  // An algorithm the version does not allow: maybe the user's hash (unknown). None named at all (an
  // address in clear under `hashed: true`, a bare hex digest): no IdentityHash, so malformed below.
  if (named && !allowed.includes(named)) return 'unknown';
  // OB 2.0 and OB 3.0 §IdentityHash: the algorithm's whole hex digest. Hex of another length (an md5
  // labelled sha256, a template's `sha256$deadbeef`) is no one's hash: it names no address, never
  // someone else's (it was compared, matched none, and the badge was called invalid).
  if (!m || !DIGEST.test(digest)) return 'malformed';
  const alg = m[1]!.toLowerCase();
  const want = m[2]!.toLowerCase();
  for (const c of candidates) {
    if ((await hashHex(alg, c + (claim.salt ?? ''))) === want) return true;
  }
  return false;
}

/** "md5 and sha256", "md5, sha1, sha256 and sha512". */
const words = (xs: readonly string[]): string => `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`;

/**
 * Returns the user's value that matched, or null. `format` is the badge's: its version says by which
 * algorithms a hashed recipient may be compared (hashAlgorithms).
 */
export async function checkRecipient(
  checks: CheckList,
  claims: readonly RecipientIdentity[],
  identities: readonly UserIdentity[],
  format: BadgeFormat | undefined,
): Promise<string | null> {
  if (identities.length === 0) {
    checks.skip('recipient', 'No recipient addresses were given to check against');
    return null;
  }
  const allowed = hashAlgorithms(format);
  let comparable = 0;
  let uncomputable = 0;
  let malformed = '';
  let folded: { text: string; hashed: boolean } | undefined;
  for (const claim of claims.slice(0, MAX_RECIPIENT_CLAIMS)) {
    const type = normaliseIdentityType(claim.type);
    // An OB 3.0 subject id that is a web address is the same kind of identity as the user's URL.
    const also = type === 'id' && /^https?:\/\//i.test(claim.identity) ? 'url' : type;
    for (const mine of identities) {
      if (mine.type !== type && mine.type !== also) continue;
      const m = await matches(claim, mine, allowed);
      if (m === 'malformed') malformed ||= claim.identity;
      if (m === 'folded') folded ??= { text: claim.hashed ? mine.value : claim.identity, hashed: claim.hashed };
      if (m === 'unknown' || m === 'malformed' || m === 'folded') {
        uncomputable++;
        continue;
      }
      comparable++;
      if (m) {
        checks.pass('recipient', `Issued to ${mine.value}`);
        return mine.value;
      }
    }
  }
  if (claims.length > MAX_RECIPIENT_CLAIMS) {
    // Not "someone else": the user's may be among those not compared.
    checks.skip('recipient', `The badge names ${claims.length} recipient identities; Lanyard compares the first ${MAX_RECIPIENT_CLAIMS}, none of them yours, so whether the rest name you is unknown`);
    return null;
  }
  if (folded) {
    // Neither the user's nor someone else's for sure (foldsToAscii): never "issued to you", never "to someone else".
    checks.skip('recipient', `The badge names ${folded.hashed ? `a hash of ${shorten(folded.text, 60)} folded` : shorten(folded.text, 60)}, which is yours only if a character outside ASCII is read as an ASCII letter (as U+212A KELVIN SIGN is read as "k") or dropped (a soft hyphen), as no mail system reads it: whether it is yours is unknown`);
    return null;
  }
  if (comparable === 0 && uncomputable > 0) {
    // Not "someone else": the hash may well be of the user's address, by an algorithm the specifications do not allow.
    // One with no digest after its algorithm hashes no one's address: it is said so, not blamed on the algorithm.
    checks.skip('recipient', malformed
      ? `The badge names its recipient by a malformed hash (${shorten(malformed, 40)} is no whole hex digest of its algorithm), so it names no address to compare with yours`
      : `The badge names its recipient by a hash Lanyard cannot compute (only ${words(allowed)} hashes are allowed), so whether it is yours is unknown`);
    return null;
  }
  if (comparable === 0) {
    const types = [...new Set(claims.map((c) => normaliseIdentityType(c.type)))].join(', ') || 'none';
    checks.skip('recipient', `The badge names no identity comparable with yours (it names: ${types})`);
    return null;
  }
  checks.fail('recipient', ErrorCodes.RECIPIENT_MISMATCH, 'Issued to someone else: none of your addresses matches the recipient');
  return null;
}
