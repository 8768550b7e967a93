/**
 * OB 2.0 hosted verification, also used for OB 0.5/1.0/1.1 after upgrading them
 * (SPEC ob_v2p0 §HostedBadge Verification). The input is trusted only for its id.
 */
import { ErrorCodes, LanyardError, ParseError, type ErrorCode } from '../errors.ts';
import { shorten } from '../display.ts';
import { unpack } from '../input/index.ts';
import type { Badge } from '../model.ts';
import type { CheckList } from '../verify/checks.ts';
import { BADGE_ACCEPT, type VerifyContext } from '../verify/context.ts';
import type { FormatVerifier } from '../verify/format-verifier.ts';
import { checkValidity } from '../verify/validity.ts';
import { httpsFormInScope, inOriginScope05, inVerificationScope, landedInScope } from './hosted-scope.ts';
import { checkLegacyValidity, isLegacyDocument } from './legacy-dates.ts';
import { flagOf, idOf, isHttpUrl, isObj, str, type Json } from './json-util.ts';
import { notBadgeDocument } from './non-badge-answer.ts';
import { upgradeAssertion } from './ob1.ts';
import { notAnAssertion, ob2Instant, ob2NodeProblems, type Ob2Node } from './ob2-structure.ts';
import { leftAsClr1 } from './clr1.ts';
import { declaresOtherId, isHttpsUpgrade, isSecureFormOf, resolveBadgeClass, resolveNode, structureOb2, toBadgeOb2 } from './ob2-common.ts';
import { checkRevocationList } from './ob2-revocation-list.ts';
import { plainHttpCopy, plainHttpRead, plainHttpRoute, type InHand } from '../verify/plain-http.ts';

/** `from`: where the copy arrived from, after its redirects (fetch-once.ts finalUrl): plain http or TLS. */
type Hosted = { json: Json; from: string } | { gone: true; from: string } | { error: LanyardError };

/** Rule 1–2: GET the id; 410 Gone means revoked; the hosted copy may itself be a baked image. */
async function fetchHosted(url: string, ctx: VerifyContext): Promise<Hosted> {
  try {
    const doc = await ctx.fetchDocument(url, BADGE_ACCEPT);
    if (doc.status === 410) return { gone: true, from: doc.finalUrl };
    if (doc.status < 200 || doc.status > 299) return { error: new LanyardError(ErrorCodes.HTTP_STATUS, `The hosted copy at ${shorten(url)} answered HTTP ${doc.status}`) };
    const inner = await unpack(doc.bytes);
    if (inner.credential.type !== 'json') return { error: new LanyardError(ErrorCodes.STRUCTURE_INVALID, `${shorten(url)} does not serve a JSON assertion`) };
    // A gateway's `{"error": …}` is the server's answer, not the issuer's copy: unconfirmed, not forged (non-badge-answer.ts).
    const notDocument = notBadgeDocument(inner.credential.json, 'Assertion');
    if (notDocument) return { error: new LanyardError(ErrorCodes.FETCH_FAILED, `${shorten(url)}: ${notDocument}`) };
    return { json: inner.credential.json, from: doc.finalUrl };
  } catch (e) {
    if (e instanceof ParseError) return { error: new LanyardError(e.code, `The hosted copy at ${shorten(url)} is not a badge: ${e.message}`) };
    if (e instanceof LanyardError) return { error: e };
    throw e;
  }
}

export const verifyOb2Hosted: FormatVerifier = async (cred, ctx, checks, format) => {
  if (cred.type !== 'json') {
    checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, 'A hosted badge must be JSON');
    checks.skipRemaining('Not a hosted assertion');
    return null;
  }
  if (leftAsClr1(cred.json, checks, 'This is')) return null;
  const what = notAnAssertion(cred.json);
  if (what) {
    checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, `This is ${what}: an Open Badges assertion names a recipient and a badge class`);
    checks.skipRemaining('Not a badge');
    return null;
  }
  const input = upgradeAssertion(cred.json);
  // OB 0.5 assertions name no address of their own: the URL that served this one is its id, as VCORE's
  // upgrade_0_5_node makes it (a pasted URL, or the URL a 0.5 baked image holds).
  const url = str(input.id) ?? (format === 'ob0.5-hosted' && isHttpUrl(cred.readFrom) ? cred.readFrom : undefined);
  if (!isHttpUrl(url)) {
    // OB 0.5 assertions and some 1.0 ones carry no URL of their own: nothing says they are false, nothing confirms them.
    claimedStructure(cred.json, checks);
    checks.indeterminate('hosted', ErrorCodes.UNSUPPORTED, 'This hosted badge names no web address (id or verify.url) where the issuer\'s copy can be checked');
    checks.skipRemaining('The badge cannot be checked without its hosted copy');
    return toBadgeOb2(input, undefined, undefined, format);
  }
  // The badge class the input names is asked for while the issuer's copy is: the copy names the same
  // one (then the verification's document cache answers verifyHostedCopy from this fetch), and a
  // copy naming another is read from its own; nothing of the input is trusted by this.
  const early = typeof input.badge === 'string' && isHttpUrl(input.badge) ? resolveBadgeClass(input, ctx) : undefined;
  early?.catch(() => undefined);
  // A badge's https link whose copy gives an http id: that id is read over TLS, at its https form on
  // the same host (the link itself when it is that form: the document cache answers, nothing is
  // fetched again), never over plain http in place of the https link the user gave. An id on another
  // port has no https form (one port serves one scheme): it is not fetched.
  const fromTls = cred.readFrom !== undefined && /^https:/i.test(cred.readFrom) && /^http:/i.test(url);
  const secure = fromTls ? `https://${url.slice(7)}` : undefined;
  if (secure !== undefined && !isSecureFormOf(url, secure)) {
    return unconfirmed(cred.json, input, ctx, checks, format, { unconfirmed: `The copy at ${shorten(cred.readFrom!)} declares the id ${shorten(url, 120)}, a plain http address that is not fetched in its place`, code: ErrorCodes.HOSTED_SCOPE });
  }
  const fetchAt = secure ?? url;
  let hosted = await fetchHosted(fetchAt, ctx);
  let at = fetchAt;
  let movedTo = false;
  const declared = 'json' in hosted ? str(upgradeAssertion(hosted.json).id) : undefined;
  // The copy at the badge's own address saying revoked is the issuer's word on this badge: not
  // followed to another id, whose copy could not make it valid again (OB 2.0 §Assertion `revoked`).
  const revokedHere = 'json' in hosted && flagOf(upgradeAssertion(hosted.json).revoked) === true;
  if (declared !== undefined && !sameAddress(at, declared) && !revokedHere) {
    const moved = await followDeclaredId(at, declared, ctx);
    if ('unconfirmed' in moved) return unconfirmed(cred.json, input, ctx, checks, format, moved);
    hosted = moved;
    at = declared;
    movedTo = true;
  }
  if ('gone' in hosted) {
    const anyones = await plainHttpRevoked(at, hosted.from, '410 Gone', input, ctx);
    if (anyones) return unconfirmed(cred.json, input, ctx, checks, format, { unconfirmed: anyones, code: ErrorCodes.HOSTED_SCOPE });
    checks.pass('structure', 'The hosted assertion is gone');
    checks.fail('revocation', ErrorCodes.REVOKED, `${shorten(at)} answered 410 Gone: the issuer revoked this badge`);
    checks.skipRemaining('The badge was revoked');
    return claimedBadge(input, ctx, format);
  }
  if ('error' in hosted) {
    claimedStructure(cred.json, checks);
    checks.indeterminate('hosted', hosted.error.code, `The issuer's copy could not be fetched: ${hosted.error.message}`);
    checks.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, 'Without the hosted copy, revocation cannot be checked');
    checks.skipRemaining('The hosted copy is needed for this check');
    return claimedBadge(input, ctx, format);
  }
  const copy = upgradeAssertion(hosted.json);
  // OB 2.0 §Assertion: `revoked` is a Boolean; absent or null, not revoked; neither true nor false, unsettled.
  const revoked = copy.revoked === undefined || copy.revoked === null ? false : flagOf(copy.revoked);
  if (revoked === true) {
    const anyones = await plainHttpRevoked(at, hosted.from, '"revoked": true', input, ctx);
    if (anyones) return unconfirmed(cred.json, input, ctx, checks, format, { unconfirmed: anyones, code: ErrorCodes.HOSTED_SCOPE });
    const why = typeof copy.revocationReason === 'string' ? `: ${shorten(copy.revocationReason, 200)}` : '';
    checks.pass('structure', 'The hosted copy says the badge is revoked');
    checks.fail('revocation', ErrorCodes.REVOKED, `Revoked by the issuer${why}`);
    checks.skipRemaining('The badge was revoked');
    return claimedBadge(input, ctx, format);
  }
  // The http id the badge named, read at its https form: the same assertion, which the issuer's list may name so.
  const badge = await verifyHostedCopy(copy, hosted.json, { asked: at, from: hosted.from, inHand: { badgeClass: idOf(input.badge), issuer: isObj(input.badge) ? idOf(input.badge.issuer) : undefined } }, ctx, checks, format, secure !== undefined && !movedTo ? url : undefined);
  if (revoked === undefined && checks.outcome('revocation') !== 'fail') {
    checks.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, `The issuer's copy says revoked: ${shorten(JSON.stringify(copy.revoked), 40)}, which is neither true nor false`);
  }
  const h = checks.get('hosted');
  // Say which copy confirmed it when it is not the one the badge named.
  if (movedTo && h?.outcome === 'pass') checks.pass('hosted', `${h.message} (the copy at ${shorten(fetchAt)} names its id ${shorten(at, 120)}, where the issuer serves it)`);
  return badge;
};

/**
 * A "revoked" answer (410 Gone, or a copy saying `revoked: true`) read over plain http for an issuer
 * served over TLS is anyone's on the path, who could make a genuine badge look revoked: it settles
 * nothing, as an unsigned revocation list over plain http (verify/plain-http.ts). The issuer is the
 * one of the badge class the badge names (the input's word: a holder naming an http class only
 * lets an http answer revoke its own badge); one that cannot be read counts as not plain http.
 * A read of an http `asked` redirected anywhere but its own https form was sent there by whoever
 * answered it (plain-http.ts plainHttpRoute).
 */
async function plainHttpRevoked(asked: string, from: string, answer: string, input: Json, ctx: VerifyContext): Promise<string | undefined> {
  const via = plainHttpRoute(asked, from);
  if (via === undefined) return undefined;
  const bc = await resolveBadgeClass(input, ctx);
  const issuer = 'node' in bc ? idOf(bc.node.issuer) : undefined;
  // Its address whether linked or embedded (an embedded class whose issuer has no id names no issuer to read).
  const badgeClass = idOf(input.badge);
  // Nothing names the issuer (a link's answer in Badgr's minimal revoked form, `{id, revoked}`): the badge's
  // own http address, read there without a redirect, is all there is of the issuer's, taken as it serves itself
  // (an issuer whose address is plain http). Redirected elsewhere, whoever answered chose where.
  if (issuer === undefined && badgeClass === undefined && from === asked) return undefined;
  const why = plainHttpRead(via, issuer, badgeClass);
  return why && `The issuer's answer ${answer} was ${why}, so whether the badge is revoked is unknown`;
}

/** An id and the address a copy was read from are one address: equal, or one the other's https form (either way round). */
const sameAddress = (at: string, id: string): boolean => at === id || isHttpsUpgrade(at, id) || isSecureFormOf(id, at);

/** The issuer's copy at the badge's own id is not confirmed: what the input claims is shown, nothing settled by it. */
function unconfirmed(raw: Json, input: Json, ctx: VerifyContext, checks: CheckList, format: Badge['format'], why: { unconfirmed: string; code: ErrorCode }): Promise<Badge> {
  claimedStructure(raw, checks);
  checks.indeterminate('hosted', why.code, why.unconfirmed);
  checks.indeterminate('revocation', ErrorCodes.STATUS_UNAVAILABLE, 'Without the issuer\'s copy at its own id, revocation cannot be checked');
  checks.skipRemaining('The issuer\'s copy at its own id is needed for this check');
  return claimedBadge(input, ctx, format);
}

/**
 * A copy that declares another id than the URL it was fetched from is not the assertion at its id
 * (OB 2.0 §HostedBadge: hosted at its id). The reference validator only warns ("Node fetched from
 * source … declared its id as …") and notes the document at that id must be fetched
 * (digital-credentials-public-validator JsonLDCompactionProbe). Real issuers do this: badgr-server
 * (issuer/utils.py add_obi_version_ifneeded) gave ids a `?v=2_0` while 2.0 was not its current version,
 * and the copy at such an id now declares the plain one. So the declared id is fetched, once: its copy
 * must declare that same id; anything else leaves the badge unconfirmed, never forged.
 */
async function followDeclaredId(asked: string, declared: string, ctx: VerifyContext): Promise<Hosted | { unconfirmed: string; code: ErrorCode }> {
  const says = `The copy at ${shorten(asked)} declares the id ${shorten(declared, 120)}`;
  if (!isHttpUrl(declared)) return { unconfirmed: `${says}, not a web address where the issuer hosts it`, code: ErrorCodes.HOSTED_SCOPE };
  // Not followed from https down to plain http, where anyone on the way could answer.
  if (/^https:/i.test(asked) && /^http:/i.test(declared)) return { unconfirmed: `${says}, a plain http address that is not fetched in its place`, code: ErrorCodes.HOSTED_SCOPE };
  const moved = await fetchHosted(declared, ctx);
  if ('error' in moved) return { unconfirmed: `${says}, whose copy could not be fetched: ${moved.error.message}`, code: moved.error.code };
  if ('gone' in moved) return moved;
  const again = str(upgradeAssertion(moved.json).id);
  if (again !== undefined && again !== declared && !isHttpsUpgrade(declared, again)) {
    return { unconfirmed: `${says}, whose copy declares yet another (${shorten(again, 120)}): the issuer serves no copy at its own id`, code: ErrorCodes.HOSTED_SCOPE };
  }
  return moved;
}

/**
 * Without the issuer's copy, the input's own OB 2.0 shape can still be checked (DESIGN.md: every
 * check that can still run, runs): a 2.0 input whose type or @context is not Open Badges' is not an
 * assertion, whatever its copy says. Nothing is passed on the input's word alone.
 */
function claimedStructure(raw: Json, checks: CheckList): void {
  const nodes: Ob2Node[] = [{ cls: 'Assertion', node: raw, context: raw['@context'] }];
  if (isObj(raw.badge)) nodes.push({ cls: 'BadgeClass', node: raw.badge, context: raw.badge['@context'] ?? raw['@context'] });
  const problems = nodes.flatMap(ob2NodeProblems);
  if (problems.length) checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, `Missing or malformed: ${problems.join('; ')}`);
}

/** What the input claims, for display only, when the issuer's copy does not confirm it (revoked, gone, unreachable). */
async function claimedBadge(input: Json, ctx: VerifyContext, format: Badge['format']): Promise<Badge> {
  const bc = await resolveBadgeClass(input, ctx);
  return toBadgeOb2(input, 'node' in bc ? bc.node : undefined, undefined, format);
}


/**
 * `read.asked`: the address the copy was fetched at; `read.from`: where it arrived from, after redirects;
 * `read.inHand`: what the badge in hand names of its class and issuer (not the copy's word).
 * `named`: the address the badge named when the copy was read at another form of it (its https form).
 */
async function verifyHostedCopy(a: Json, raw: Json, read: { asked: string; from: string; inHand?: InHand }, ctx: VerifyContext, checks: CheckList, format: Badge['format'], named?: string): Promise<Badge> {
  const { asked } = read;
  const declared = str(a.id);
  // An issuer that moved to https serves old http ids with their https id, and an https address may
  // serve a copy whose id is its http form: the declared id is the assertion's, the address it was
  // read from its other name (in scope if either is; revoked if the issuer's list names either).
  const url = declared !== undefined && declared !== asked && sameAddress(asked, declared) ? declared : asked;
  const alias = url !== asked ? asked : undefined;
  if (declared !== undefined && declared !== url) {
    // followDeclaredId leaves no other id by here; should one remain, it confirms nothing.
    checks.indeterminate('hosted', ErrorCodes.HOSTED_SCOPE, `The copy fetched from ${shorten(url)} declares another id (${shorten(declared, 120)})`);
  }
  const bcR = await resolveBadgeClass(a, ctx);
  const bc = 'node' in bcR ? bcR.node : undefined;
  const issR = bc ? await resolveNode(bc.issuer, ctx, true, 'Profile') : undefined;
  const fallbackIssuer = bc && isObj(bc.issuer) ? bc.issuer : undefined;
  const issuer = issR && 'node' in issR ? issR.node : fallbackIssuer;
  const issuerRead = issR && 'node' in issR ? { node: issR.node, fetched: issR.fetched } : fallbackIssuer ? { node: fallbackIssuer, fetched: false } : undefined;
  structureOb2(checks, a, raw, 'node' in bcR ? bcR : undefined, issuerRead);
  checks.skip('signature', 'A hosted badge is checked by fetching the issuer\'s copy, not by a signature');
  checks.skip('issuer-key', 'A hosted badge has no signing key');
  if (!checks.has('hosted')) {
    if (!bc) checks.indeterminate('hosted', 'error' in bcR ? bcR.error.code : ErrorCodes.FETCH_FAILED, `The badge class could not be read${'error' in bcR ? `: ${bcR.error.message}` : ''}`);
    else if (!issuer) checks.indeterminate('hosted', ErrorCodes.ISSUER_UNRESOLVED, `The issuer could not be read${issR && 'error' in issR ? `: ${issR.error.message}` : ' (the badge class names none)'}`);
    else if (format === 'ob0.5-hosted' && !(issR && 'error' in issR) && inOriginScope05(url, issuer, read.from) !== undefined) {
      const scope = inOriginScope05(url, issuer, read.from)!;
      // Off that origin it is unconfirmed, not forged: a 0.5 assertion names no address of its own, so
      // the site that served this copy is where the user found it (a mirror, an earner's own site), not
      // a claim of the badge's that its issuer contradicts (as an OB 2.0 id outside the issuer's scope is).
      if (scope.ok) checks.pass('hosted', `The issuer's copy confirms it. ${scope.message} (OB 0.5: the origin its embedded issuer names)`);
      else if (scope.plainHttp) checks.indeterminate('hosted', ErrorCodes.HOSTED_SCOPE, `${scope.message}, so it confirms nothing`);
      else checks.indeterminate('hosted', ErrorCodes.HOSTED_SCOPE, `${scope.message} (OB 0.5: the origin its embedded issuer names): this copy is not the issuer's, and confirms nothing`);
    } else if (!(issR && 'node' in issR && issR.fetched)) {
      // Rule 3 binds the hosted copy to the issuer's OWN profile: an embedded issuer (on the same server
      // as the assertion) may claim any name and any verification policy, so it proves nothing.
      const why = issR && 'error' in issR ? `its profile could not be fetched (${issR.error.message})` : 'it has no web address of its own';
      checks.indeterminate('hosted', ErrorCodes.ISSUER_UNRESOLVED, `The issuer is not confirmed: ${why}, so where its badges may be hosted is unknown`);
    } else if (declaresOtherId(issuer, idOf(bc.issuer) ?? '') !== undefined) {
      const at = idOf(bc.issuer) ?? '';
      checks.indeterminate('hosted', ErrorCodes.ISSUER_UNRESOLVED, `The issuer profile at ${shorten(at)} declares itself ${shorten(declaresOtherId(issuer, at), 120)}, so it does not say where the issuer's badges may be hosted`);
    } else {
      const byId = inVerificationScope(url, issuer);
      const byAlias = !byId.ok && alias !== undefined ? inVerificationScope(alias, issuer) : undefined;
      // An http id whose https form is in an https startsWith: in scope only as read over TLS there (hosted-scope.ts).
      const upgraded = !byId.ok && !byAlias?.ok ? httpsFormInScope(url, read.from, issuer) : undefined;
      const scope = byAlias?.ok ? byAlias : upgraded?.ok ? upgraded : byId;
      // SPEC ob_v2p0 §HostedBadge Verification: the hosted URI "is the source of truth for the badge";
      // "Redirects are permissible as long as appropriate Assertion content is eventually returned".
      // That truth is the issuer's only when it arrived over TLS, or from an issuer that is itself plain
      // http: an http answer for an https issuer is anyone's on the path, who could name any recipient
      // and the issuer's real badge class, or a plain-http class and profile of its own in place of the
      // https class the badge in hand names (verify/plain-http.ts). Unconfirmed, never forged.
      const insecure = scope.ok ? plainHttpCopy(read.from, idOf(bc.issuer), typeof a.badge === 'string' ? a.badge : undefined, read.inHand) : undefined;
      // The id is in the scope, but the copy is where the redirect ended (hosted-scope.ts landedInScope).
      const landed = scope.ok && read.from !== asked ? landedInScope(read.from, issuer) : undefined;
      if (insecure) checks.indeterminate('hosted', ErrorCodes.HOSTED_SCOPE, insecure);
      else if (landed) checks.indeterminate('hosted', ErrorCodes.HOSTED_SCOPE, `${landed.message}, so this copy confirms nothing`);
      else if (scope.ok) checks.pass('hosted', `The issuer's copy confirms it. ${scope.message}`);
      else if (upgraded) checks.indeterminate('hosted', ErrorCodes.HOSTED_SCOPE, `${upgraded.message}, so it confirms nothing`);
      // OB 1.0 and 1.1 bound no hosted assertion to its issuer's site (1.1 §Badge Verification, Hosted
      // Assertion: its verify.url answers, its structure holds; displayers show verify.url's origin),
      // and Mozilla's openbadges-validator took such a copy: unconfirmed, not false (OB 2.0's rule 3).
      else if (format === 'ob1.0-hosted' || format === 'ob1.1-hosted') checks.indeterminate('hosted', ErrorCodes.HOSTED_SCOPE, `${scope.message}: OB ${format.slice(2, 5)} did not require it to be, so whether the issuer stands behind this copy is unknown`);
      else checks.fail('hosted', ErrorCodes.HOSTED_SCOPE, scope.message);
    }
  }
  // `expires: null` is no expiry (JSON-LD 1.1 §4.1 ignores null; ob2-structure.ts accepts it, as 1EdTech's validator does);
  // every DateTime form the structure check accepts is read (ob2Instant).
  // A legacy badge's dates are read as written, one that names no day leaving validity unknown (legacy-dates.ts).
  if (isLegacyDocument(raw)) checkLegacyValidity(checks, raw, ctx.now);
  else checkValidity(checks, { from: ob2Instant(a.issuedOn), fromName: 'issuedOn', until: ob2Instant(a.expires ?? undefined), untilName: 'expires' }, ctx.now);
  // OB 2.0 §Profile `revocationList`: the issuer's profile names the list. A copy of the profile
  // embedded in the badge class speaks for it only when the profile has no address of its own; one
  // whose address did not answer (Moodle embeds its issuer_json.php profile) leaves revocation unknown.
  // A copy without an id (OB 0.5's, whose id is the URL that served it) is the assertion at `asked`:
  // an entry naming that address revokes it, as one naming the address the badge named.
  await checkRevocationList(checks, a, issR && 'error' in issR ? undefined : issuer, ctx, bc, [alias, declared === undefined ? asked : undefined, named]);
  return toBadgeOb2(a, bc, issuer, format);
}
