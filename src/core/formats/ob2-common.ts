/**
 * What OB 2.0 hosted and signed verification share: reading the linked BadgeClass and issuer
 * Profile, the structure rules, the issuer's revocationList, and the mapping onto Badge.
 */
import { ErrorCodes, LanyardError } from '../errors.ts';
import { reasonOf, shorten } from '../display.ts';
import type { Alignment, Badge, BadgeFormat, Evidence, RecipientIdentity } from '../model.ts';
import type { CheckList } from '../verify/checks.ts';
import type { VerifyContext } from '../verify/context.ts';
import { isHashedIdentity, saltOf } from '../verify/recipient.ts';
import { detectObVersion } from '../input/detect.ts';
import { arr, idOf, isHttpUrl, isObj, str, types, type Json } from './json-util.ts';
import { notBadgeDocument } from './non-badge-answer.ts';
import { onBase, upgradeBadgeClass } from './ob1.ts';
import { isOb2Context, ob2Instant, ob2NodeProblems, type Ob2Node } from './ob2-structure.ts';

export type Resolved = { node: Json; fetched: boolean } | { error: LanyardError };

/**
 * A node given as an IRI is fetched; an embedded node is used as given unless `preferHosted`
 * and it has an http(s) id (OB 2.0 examples: embedded issuer keys are not trusted without the hosted Profile).
 * A fetched answer that is no `kind` document at all (a gateway's `{"error": …}`: non-badge-answer.ts)
 * is not read: an error, which leaves what needed the node unsettled, never a malformed node.
 */
export async function resolveNode(ref: unknown, ctx: VerifyContext, preferHosted: boolean, kind: 'BadgeClass' | 'Profile'): Promise<Resolved> {
  const id = idOf(ref);
  if (ref === undefined || ref === null) return { error: new LanyardError(ErrorCodes.STRUCTURE_INVALID, 'The reference is missing') };
  if (isObj(ref) && !(preferHosted && isHttpUrl(id))) return { node: ref, fetched: false };
  if (!isHttpUrl(id)) return { error: new LanyardError(ErrorCodes.STRUCTURE_INVALID, `The reference ${shorten(id ?? ref, 80)} is not a web address to fetch the document from`) };
  try {
    const node = await ctx.fetchJson(id);
    const notDocument = notBadgeDocument(node, kind);
    if (notDocument) return { error: new LanyardError(ErrorCodes.FETCH_FAILED, `${shorten(id)}: ${notDocument}`) };
    // A fetched document with no id (OB 1.x) is known by the URL it was fetched from.
    return { node: node.id === undefined ? { ...node, id } : node, fetched: true };
  } catch (e) {
    if (e instanceof LanyardError) return { error: e };
    throw e;
  }
}

/** `https://host/path` for `http://host/path`: the same document, moved to https by its issuer. */
export const isHttpsUpgrade = (from: string, to: string): boolean => /^http:\/\//i.test(from) && /^https:\/\//i.test(to) && from.slice(7) === to.slice(8);

/**
 * `https://host/path` is `http://host/path` read over TLS: the same host on the default ports, which
 * vouches for both (fetch-once.ts sameSite follows a redirect from one to the other). Not on another
 * port: one port cannot serve both schemes, so such an address names something else.
 */
export const isSecureFormOf = (http: string, https: string): boolean =>
  isHttpsUpgrade(http, https) && URL.canParse(http) && URL.canParse(https) && new URL(http).port === '' && new URL(https).port === '';

/** A URL without its #fragment, normalised (host case, default port), a trailing slash aside. */
function normalUrl(u: string): string {
  let href = u.replace(/#.*$/, '');
  try {
    href = new URL(href).href;
  } catch {
    // not a URL: compared as written
  }
  return href.replace(/\/$/, '');
}

/** Whether two ids name the same document (a #fragment, URL normalisation, or an http id moved to https aside). */
export function sameDocument(a: string, b: string): boolean {
  const x = normalUrl(a);
  const y = normalUrl(b);
  return x === y || isHttpsUpgrade(x, y) || isHttpsUpgrade(y, x);
}

/**
 * The id a fetched node declares when it is another document than the one asked for (OB 2.0 §Profile:
 * a profile is hosted at its id; the reference validator warns that such a node "declared its id as"
 * another): a document that names someone else does not speak for the issuer it was fetched for.
 */
export function declaresOtherId(node: Json, url: string): string | undefined {
  const declared = str(node.id);
  return declared !== undefined && !sameDocument(declared, url) ? declared : undefined;
}

/**
 * The badge class, in 2.0 shape. One of OB 1.x fetched from its URL (no @context, or the 1.x one)
 * has its image and criteria paths read against that URL (onBase); an OB 2.0 one is left as written,
 * for its structure check to judge.
 */
export async function resolveBadgeClass(assertion: Json, ctx: VerifyContext): Promise<Resolved> {
  const r = await resolveNode(assertion.badge, ctx, false, 'BadgeClass');
  if (!('node' in r)) return r;
  const node = upgradeBadgeClass(r.node);
  if (!r.fetched || isOb2Context(node['@context'])) return { node, fetched: r.fetched };
  return { node: { ...node, image: onBase(node.image, node.id), criteria: onBase(node.criteria, node.id) }, fetched: true };
}

/** A node read for the assertion, with whether it was fetched (its own document) or embedded (read with its parent's @context). */
export interface NodeRead {
  node: Json;
  fetched: boolean;
}

/** The nodes to hold to the OB 2.0 rules, each with the @context it is read with. */
function ob2Nodes(raw: Json, bc: NodeRead | undefined, issuer: NodeRead | undefined): Ob2Node[] {
  const nodes: Ob2Node[] = [{ cls: 'Assertion', node: raw, context: raw['@context'] }];
  const bcContext = bc ? (bc.fetched ? bc.node['@context'] : bc.node['@context'] ?? raw['@context']) : undefined;
  if (bc) nodes.push({ cls: 'BadgeClass', node: bc.node, context: bcContext });
  if (issuer) nodes.push({ cls: 'Profile', node: issuer.node, context: issuer.fetched ? issuer.node['@context'] : issuer.node['@context'] ?? bcContext ?? raw['@context'] });
  return nodes;
}

/**
 * OB 2.0 §Data model: the fields without which an assertion, badge class or issuer is not one (every
 * version, after upgrading), then for OB 2.0 nodes the type, @context, IRI and DateTime rules
 * (ob2-structure.ts). `raw` is the assertion as served, before any 1.x upgrade.
 */
export function structureOb2(checks: CheckList, a: Json, raw: Json, bc: NodeRead | undefined, issuer: NodeRead | undefined): boolean {
  const missing: string[] = [];
  const rec = a.recipient;
  // OB 0.5 (Mozilla's openbadges-validator validateOldAssertion): `issued_on` optional, and a hashed
  // recipient `sha1`, `sha256`, `sha512` or `md5` (`re.emailOrHash`); 1.0 on: `issuedOn` required, md5 or sha256.
  const v05 = detectObVersion(raw) === '0.5';
  if (!isObj(rec) || typeof rec.identity !== 'string') missing.push('Assertion recipient.identity');
  if (a.badge === undefined) missing.push('Assertion badge');
  if (a.issuedOn === undefined && !v05) missing.push('Assertion issuedOn');
  if (!isObj(a.verification)) missing.push('Assertion verification');
  if (bc && typeof bc.node.name !== 'string') missing.push('BadgeClass name');
  if (bc && bc.node.issuer === undefined) missing.push('BadgeClass issuer');
  if (issuer && typeof issuer.node.name !== 'string') missing.push('Issuer name');
  const hashForm = v05 ? /^(md5\$[0-9a-f]{32}|sha1\$[0-9a-f]{40}|sha256\$[0-9a-f]{64}|sha512\$[0-9a-f]{128})$/i : /^(md5\$[0-9a-f]{32}|sha256\$[0-9a-f]{64})$/i;
  if (isObj(rec) && typeof rec.identity === 'string' && isHashedIdentity(rec.hashed, rec.identity) && !hashForm.test(rec.identity)) {
    missing.push(`Assertion recipient.identity (hashed is true, so it must be ${v05 ? 'md5$…, sha1$…, sha256$… or sha512$…' : 'md5$… or sha256$…'} with the hex digest)`);
  }
  for (const n of ob2Nodes(raw, bc, issuer)) for (const p of ob2NodeProblems(n)) if (!missing.some((m) => p.startsWith(`${m} `))) missing.push(p);
  if (missing.length) {
    checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, `Missing or malformed: ${missing.join('; ')}`);
    return false;
  }
  // Say only what was read: offline, a signed badge's class and issuer may be out of reach.
  const read = bc && issuer ? 'The assertion, badge class and issuer have' : bc ? 'The assertion and badge class have' : 'The assertion has';
  const unread = !bc ? ' (its badge class could not be read)' : !issuer ? ' (its issuer could not be read)' : '';
  checks.pass('structure', `${read} every required field${unread}`);
  return true;
}

function recipientOf(a: Json): RecipientIdentity[] {
  const r = a.recipient;
  if (!isObj(r) || typeof r.identity !== 'string') return [];
  return [{ type: str(r.type) ?? 'email', identity: r.identity, hashed: isHashedIdentity(r.hashed, r.identity), ...(saltOf(r.salt) !== undefined ? { salt: saltOf(r.salt)! } : {}) }];
}

const textOrId = (v: unknown): string | undefined => str(v) ?? idOf(v);

export function toBadgeOb2(a: Json, bc: Json | undefined, issuer: Json | undefined, format: BadgeFormat): Badge {
  const b = bc ?? (isObj(a.badge) ? a.badge : {});
  const iss = issuer ?? (isObj(b.issuer) ? b.issuer : {});
  const crit = b.criteria;
  // Evidence given as text that is no URI ("Text or URI" in the Mozilla-era assertion: "Demonstrated
  // understanding of the coursework.") is its narrative, not an address.
  const evidence: Evidence[] = arr(a.evidence).map((e) =>
    isObj(e) ? { id: str(e.id), name: str(e.name), description: str(e.description), narrative: str(e.narrative), genre: str(e.genre), audience: str(e.audience) }
      : typeof e === 'string' && !/^[a-z][a-z0-9+.-]*:\S*$/i.test(e.trim()) ? { narrative: e } : { id: str(e) },
  );
  const alignments: Alignment[] = arr(b.alignment).filter(isObj).map((x) => ({
    targetName: str(x.targetName) ?? '',
    targetUrl: str(x.targetUrl),
    targetDescription: str(x.targetDescription),
    targetFramework: str(x.targetFramework),
    targetCode: str(x.targetCode),
  }));
  return {
    id: str(a.id),
    name: str(b.name) ?? '',
    description: str(b.description),
    // A picture written as a path ("/badges/x.png", OB 1.x issuers did) is on the site of the document holding it (onBase).
    image: textOrId(onBase(a.image, a.id)) ?? textOrId(b.image),
    criteria: isObj(crit) ? { url: str(crit.id), narrative: str(crit.narrative) } : typeof crit === 'string' ? { url: crit } : undefined,
    narrative: str(a.narrative),
    issuer: { id: idOf(b.issuer) ?? str(iss.id), name: str(iss.name), url: str(iss.url), email: str(iss.email), image: textOrId(onBase(iss.image, str(iss.id) ?? idOf(b.issuer))), description: str(iss.description) },
    // In ISO 8601 extended form (ob2Instant), the one every surface reads (Date.parse, a YYYY-MM-DD
    // prefix): a basic-form or short-zone date (OB 2.0 DateTime) was shown as no date and never as expired.
    issuedOn: str(ob2Instant(a.issuedOn)),
    expires: str(ob2Instant(a.expires)),
    recipients: recipientOf(a),
    evidence,
    alignments,
    tags: arr(b.tags).filter((t): t is string => typeof t === 'string'),
    format,
    achievementId: idOf(a.badge),
  };
}
