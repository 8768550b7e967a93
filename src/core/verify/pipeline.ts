/**
 * verify(input, { fetch, now, identities, keyCache }): read the input, detect its format, run that
 * format's verifier, then the recipient check, and derive the verdict from the core checks alone.
 */
import { ErrorCodes, LanyardError, ParseError, UnsupportedCredentialError } from '../errors.ts';
import { unpack } from '../input/index.ts';
import { alternateJsonLink, looksLikeBadge } from './alternate-link.ts';
import { detectFormat } from '../input/detect.ts';
import { notBadgeDocument } from '../formats/non-badge-answer.ts';
import type { Unpacked } from '../input/types.ts';
import type { Badge, BadgeFormat } from '../model.ts';
import { verdictOf, type InputSummary, type VerifyResult } from '../result.ts';
import { CheckList } from './checks.ts';
import { BADGE_ACCEPT, createContext, type VerifyContext, type VerifyOptions } from './context.ts';
import { plainHttpRoute } from './plain-http.ts';
import { verifierFor } from './registry.ts';
import { checkRecipient } from './recipient.ts';
import { hex, sha256 } from '../proofs/sha256.ts';

/** Inputs up to this size are hashed synchronously (~6 us a KB); larger ones (baked images) by WebCrypto. */
const SYNC_DIGEST_MAX = 64 * 1024;

async function summarise(input: Uint8Array, kind: InputSummary['kind']): Promise<InputSummary> {
  // WebCrypto's digest is a thread-pool round trip in Node (a crypto job per badge, more than the
  // hashing of a credential itself: bench/mixed profile), so small inputs take the synchronous SHA-256.
  const d = input.length <= SYNC_DIGEST_MAX ? sha256(input) : new Uint8Array(await crypto.subtle.digest('SHA-256', input as Uint8Array<ArrayBuffer>));
  return { kind, size: input.length, sha256: hex(d) };
}

/** No `*\/*`, as in JSON_ACCEPT (context.ts): badgr-server answers an Accept holding it with its web app. */

const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\s*(;|$)/i;
/**
 * An HTML document's start: a BOM, then white space or comments, then a doctype or an html/head/body
 * tag. A comment cannot contain `-->`, so each one matches one way only (no backtracking blow-up).
 */
const HTML_START = /^\uFEFF?(?:\s|<!--(?:(?!-->)[\s\S])*-->)*<(?:!doctype\s+html|html|head|body)[\s>]/i;

/**
 * Whether a URL answered a web page: an HTML media type or an HTML document's start. Tested only
 * after the body failed to unpack, so that JSON served as text/html by a careless server is still read.
 */
function isWebPage(doc: { contentType: string; bytes: Uint8Array }): boolean {
  return HTML_TYPE.test(doc.contentType) || HTML_START.test(new TextDecoder().decode(doc.bytes.subarray(0, 4096)));
}

const hostOf = (url: string): string => (URL.canParse(url) ? new URL(url).host : url);

/**
 * A URL input (pasted, or a legacy baked tEXt URL): fetch it and unpack what it serves, JSON with the URL it was read from.
 * `baked`: the URL came out of a badge image in hand, so an answer that cannot be read (an empty or cut-off
 * body) says nothing against that badge: OB 2.0 §Verification, hosted: only an eventual 200 with the
 * assertion, a 410 Gone or `revoked: true` decide; anything else leaves it unchecked (`indeterminate`).
 * So does JSON that is no badge document at all (a gateway's `{"error": …}`: non-badge-answer.ts).
 * A pasted link that serves no badge keeps its `structure` failure, which the background reads as "no badge data".
 */
async function resolveUrl(url: string, ctx: VerifyContext, checks: CheckList, baked: boolean): Promise<Unpacked | null> {
  try {
    const doc = await ctx.fetchDocument(url, BADGE_ACCEPT);
    // A 410 a plain http read was sent to elsewhere is anyone's on the path: it revokes nothing (plain-http.ts). One
    // at the link's own http address, unredirected, is the badge's own address answering (its issuer unknown here:
    // taken as it serves itself, as formats/ob2-hosted.ts plainHttpRevoked does).
    const route = doc.status === 410 && doc.finalUrl !== url ? plainHttpRoute(url, doc.finalUrl) : undefined;
    if (route !== undefined) {
      checks.indeterminate('hosted', ErrorCodes.HOSTED_SCOPE, `${url} answered 410 Gone, read over plain http (${route}): anyone on the network path could have answered that, so whether the badge is revoked is unknown`);
      return null;
    }
    if (doc.status === 410) {
      checks.pass('structure', 'The hosted assertion answers 410 Gone');
      checks.fail('revocation', ErrorCodes.REVOKED, `${url} answered 410 Gone: the issuer revoked it`);
      checks.skipRemaining('The badge was revoked');
      return null;
    }
    if (doc.status < 200 || doc.status > 299) {
      checks.indeterminate('hosted', ErrorCodes.HTTP_STATUS, `${url} answered HTTP ${doc.status}`);
      return null;
    }
    let inner: Unpacked;
    let readFrom = url;
    try {
      inner = await unpack(doc.bytes);
    } catch (e) {
      // A badge's web page (Credly's /badges/{id}, a Badgr UI page, an issuer's HTML view) is not its
      // data: nothing was read, so nothing is said about the badge (indeterminate, never invalid).
      if (!(e instanceof ParseError) || !isWebPage(doc)) throw e;
      // Unless the page names its data as its alternate JSON (alternate-link.ts): read from there, once.
      const alternate = alternateJsonLink(doc.bytes, url);
      const data = alternate && alternate !== url ? await ctx.fetchDocument(alternate, BADGE_ACCEPT) : undefined;
      const read = data && data.status >= 200 && data.status <= 299 ? await unpack(data.bytes).catch(() => undefined) : undefined;
      // Only a badge: a page's alternate JSON-LD is as often the site's own graph (schema.org), which
      // would turn "a web page" into "no badge" for a link that may well be a badge's page.
      if (!read || !looksLikeBadge(read)) {
        checks.indeterminate('hosted', ErrorCodes.WEB_PAGE, `${hostOf(url)} answered a web page (HTML), not the badge's data: Lanyard cannot check the badge from this link${alternate ? ` (nor from the data the page links to, ${alternate})` : ''}`);
        return null;
      }
      inner = read;
      readFrom = alternate!;
    }
    if (inner.credential.type === 'url') {
      checks.fail('structure', ErrorCodes.STRUCTURE_INVALID, `${url} serves another URL, not a badge`);
      return null;
    }
    // A gateway's `{"error": …}` where a badge image says its data is: the server's answer, not the badge's.
    const notDocument = baked && inner.credential.type === 'json' ? notBadgeDocument(inner.credential.json, 'Assertion') : undefined;
    if (notDocument) {
      checks.indeterminate('hosted', ErrorCodes.FETCH_FAILED, `${url}, where this badge image says its data is: ${notDocument}`);
      return null;
    }
    // Where the JSON was read: a hosted check of its id may be answered by it (ob2-hosted.ts).
    return inner.credential.type === 'json' ? { ...inner, credential: { ...inner.credential, readFrom } } : inner;
  } catch (e) {
    if (e instanceof UnsupportedCredentialError) {
      checks.indeterminate('signature', e.code, `${url} serves ${e.what}. ${e.message}`);
    } else if (e instanceof ParseError && baked) {
      checks.indeterminate('hosted', e.code, `${url}, where this badge image says its data is, did not answer a badge Lanyard could read: ${e.message}`);
    } else if (e instanceof ParseError) {
      checks.fail('structure', e.code, `${url} does not serve a badge: ${e.message}`);
    } else if (e instanceof LanyardError) {
      checks.indeterminate('hosted', e.code, e.message);
    } else throw e;
    return null;
  }
}

export async function verify(input: Uint8Array | string, opts: VerifyOptions): Promise<VerifyResult> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const ctx = createContext(opts);
  const checks = new CheckList();
  let unpacked: Unpacked;
  try {
    unpacked = await unpack(bytes);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    if (e instanceof UnsupportedCredentialError) {
      // A credential in a securing format Lanyard does not verify: read, and unsettled (never invalid).
      checks.pass('parse', `Read ${e.what}`);
      checks.indeterminate('signature', e.code, e.message);
      checks.skipRemaining('Lanyard does not verify this kind of credential yet');
      return finish(checks, 'unknown', null, null, await summarise(bytes, 'unknown'));
    }
    checks.fail('parse', e.code, e.message);
    checks.skipRemaining('The input could not be read as a badge');
    return finish(checks, 'unknown', null, null, await summarise(bytes, 'unknown'));
  }
  const summary = await summarise(bytes, unpacked.kind);
  checks.pass('parse', `Read ${describe(unpacked)}`);
  let format: BadgeFormat = detectFormat(unpacked.credential);
  let credential = unpacked.credential;
  if (credential.type === 'url') {
    const inner = await resolveUrl(credential.text, ctx, checks, unpacked.kind === 'png' || unpacked.kind === 'svg');
    if (!inner) {
      checks.skipRemaining('The badge behind the URL could not be read');
      return finish(checks, format, null, null, summary);
    }
    credential = inner.credential;
    format = detectFormat(credential);
  }
  let badge: Badge | null = null;
  const verifier = verifierFor(format);
  if (!verifier) {
    checks.fail('structure', ErrorCodes.PARSE_UNRECOGNISED, 'This is not an Open Badge of a known version');
    checks.skipRemaining('Not an Open Badge');
  } else {
    badge = await verifier(credential, ctx, checks, format);
  }
  if (badge) badge.original = { kind: unpacked.kind, bytes, extracted: unpacked.credential.text };
  let recipient: string | null = null;
  if (!checks.has('recipient')) recipient = await checkRecipient(checks, badge?.recipients ?? [], ctx.identities, badge?.format ?? format);
  else if (checks.outcome('recipient') === 'pass') recipient = checks.get('recipient')!.message.replace(/^Issued to /, '');
  for (const id of checks.missingCore()) checks.indeterminate(id, ErrorCodes.NOT_IMPLEMENTED, 'Lanyard cannot check this yet');
  return finish(checks, format, badge, recipient, summary);
}

function describe(u: Unpacked): string {
  // An SD-JWT (RFC 9901 §4) is a compact JWS followed by `~` and its disclosures.
  const jws = u.credential.text.includes('~') ? 'an SD-JWT' : 'a compact JWS';
  const what = { json: 'a JSON credential', jws, url: 'a URL' }[u.credential.type];
  return u.kind === 'png' || u.kind === 'svg' ? `a baked ${u.kind.toUpperCase()} holding ${what}` : what;
}

function finish(checks: CheckList, format: BadgeFormat, badge: Badge | null, recipient: string | null, input: InputSummary): VerifyResult {
  const list = checks.toArray();
  return { verdict: verdictOf(list), format, checks: list, recipient, badge, input };
}
