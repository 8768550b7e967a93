/**
 * Upgrades Open Badges 0.5, 1.0 and 1.1 objects to the 2.0 shape so one verifier reads them all
 * (VCORE tasks/object_upgrades.py; SPEC ob_v2p0/history/1.1-specification.md).
 */
import { isObj, str, type Json } from './json-util.ts';
import { saltOf } from '../verify/recipient.ts';
import { parseInstant } from '../verify/validity.ts';

/**
 * ISO form of Unix seconds; undefined past year 9999 or out of Date's range, so the value is reported
 * as written (a hostile 1e300 must not throw a RangeError, milliseconds must not read as year 48971).
 */
function fromUnixSeconds(seconds: number): string | undefined {
  const d = new Date(seconds * 1000);
  const year = d.getUTCFullYear();
  return Number.isNaN(year) || year < 0 || year > 9999 ? undefined : d.toISOString();
}

/** 1.x timestamps: Unix seconds (number or digits), date-only, or ISO without a zone (read as UTC). */
export function upgradeDateTime(v: unknown): unknown {
  if (typeof v === 'number') return fromUnixSeconds(v) ?? v;
  if (typeof v !== 'string') return v;
  const s = v.trim();
  if (/^\d{9,11}(\.\d+)?$/.test(s)) return fromUnixSeconds(Number(s)) ?? v;
  // A space for the "T" (RFC 3339 §5.6 NOTE allows it; PHP's date('Y-m-d H:i:s'), which issuers wrote).
  const t = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(s) ? s.replace(' ', 'T') : s;
  // A date that names no day ("2013-19-03") is kept as written, never shown as a made-up instant
  // (legacy-dates.ts says what is wrong with it).
  const asUtc = /^\d{4}-\d{2}-\d{2}$/.test(t) ? `${t}T00:00:00Z` : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(t) ? `${t}Z` : t !== s ? t : undefined;
  return asUtc !== undefined && !Number.isNaN(parseInstant(asUtc)) ? asUtc : s;
}

/** The `verify` alias of OB 2.0 and the 1.x `hosted`/`signed` types, as a 2.0 VerificationObject. */
function verification(a: Json): Json | undefined {
  const v = a.verification ?? a.verify;
  if (!isObj(v)) return undefined;
  const t = str(v.type)?.toLowerCase();
  // OB 1.0 bakers wrote {verify: {url}} with no type: a hosted badge at that URL.
  const untypedHosted = t === undefined && typeof v.url === 'string';
  const type = t === 'hosted' || t === 'hostedbadge' || untypedHosted ? 'HostedBadge' : t === 'signed' || t === 'signedbadge' ? 'SignedBadge' : v.type;
  return { ...v, type };
}

function upgradeAlignment(al: unknown): unknown {
  if (!Array.isArray(al)) return al;
  return al.map((x) =>
    isObj(x) ? { targetName: x.targetName ?? x.name, targetUrl: x.targetUrl ?? x.url, targetDescription: x.targetDescription ?? x.description, ...x } : x,
  );
}

/** A BadgeClass (any version) in 2.0 shape; 0.5 embedded issuers use origin/contact/org. */
export function upgradeBadgeClass(bc: Json): Json {
  const out: Json = { ...bc, alignment: upgradeAlignment(bc.alignment) };
  const iss = bc.issuer;
  if (isObj(iss) && iss.origin !== undefined && iss.url === undefined) {
    const name = str(iss.name) ?? '';
    // OB 0.5 `org` is text; anything else is left out: String() of an object JSON gave a non-function
    // toString and valueOf throws a TypeError (ECMAScript §7.1.1.1), and verify() must not throw.
    const org = str(iss.org);
    out.issuer = { ...iss, url: iss.origin, email: iss.email ?? iss.contact, name: org ? `${name}: ${org}` : name };
  }
  return out;
}

/**
 * A path written relative to a site ("/img/badge.png") as the URL it names there; anything else as it
 * is. OB 0.5 badges named their image, criteria and evidence by paths on the issuer's `origin`
 * (Mozilla's openbadges-validator `re.url` allows `^\/\S+$`, and its `absolutize` prefixes the
 * origin); an OB 1.x document fetched from its URL is read against that URL (RFC 3986 §5).
 */
export function onBase(v: unknown, base: unknown): unknown {
  if (typeof v !== 'string' || !/^\/(?!\/)\S*$/.test(v) || typeof base !== 'string' || !/^https?:\/\/[^\s/]/i.test(base)) return v;
  try {
    return new URL(v, base).href;
  } catch {
    return v;
  }
}

/** An Assertion (any version) in 2.0 shape. Unknown properties are kept. */
export function upgradeAssertion(a: Json): Json {
  const out: Json = { ...a };
  const ver = verification(a);
  if (typeof a.recipient === 'string') {
    // OB 0.5: recipient is an e-mail address or its hash; the salt sits beside it.
    const r = a.recipient;
    out.recipient = { type: 'email', identity: r, hashed: !r.includes('@'), ...(saltOf(a.salt) !== undefined ? { salt: saltOf(a.salt)! } : {}) };
    out.verification = ver ?? { type: 'HostedBadge' };
  } else if (ver) out.verification = ver;
  if (a.issued_on !== undefined && a.issuedOn === undefined) out.issuedOn = a.issued_on;
  if (out.issuedOn !== undefined) out.issuedOn = upgradeDateTime(out.issuedOn);
  if (out.expires !== undefined) out.expires = upgradeDateTime(out.expires);
  // OB 1.0: the hosted URL is verify.url; the id is that URL (VCORE upgrade 1.0 → 1.1).
  const v = out.verification;
  if (isObj(v) && v.type === 'HostedBadge' && out.id === undefined && typeof v.url === 'string') out.id = v.url;
  if (isObj(a.badge)) out.badge = upgradeBadgeClass(a.badge);
  if (typeof a.recipient === 'string' && isObj(out.badge) && isObj(a.badge) && isObj(a.badge.issuer)) {
    // OB 0.5: paths on the embedded issuer's origin.
    const origin = a.badge.issuer.origin;
    out.badge = { ...out.badge, image: onBase(out.badge.image, origin), criteria: onBase(out.badge.criteria, origin) };
    if (out.evidence !== undefined) out.evidence = onBase(out.evidence, origin);
  }
  return out;
}
