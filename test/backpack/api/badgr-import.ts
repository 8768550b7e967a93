/**
 * `POST /v2/backpack/import` (badgr-server apps/backpack/serializers_v2.py BackpackImportSerializerV2):
 * exactly one of `url` (a hosted assertion or a baked image), `image` (a base64 `data:image/png`
 * baked badge) or `assertion` (the assertion JSON, or a compact JWS). The recipient must be one of
 * the user's addresses; a badge already held answers 400 DUPLICATE_BADGE (and is re-accepted).
 */
import { createHash } from 'node:crypto';
import { readPngText } from '../crypto/png.ts';
import { jsonBody } from '../http/io.ts';
import type { Router } from '../http/router.ts';
import type { BackpackState, BadgeRecord, Json } from '../state.ts';
import { backpackAssertion, envelope, v2Auth, v2Error } from './badgr-v2.ts';

const JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

class ImportError extends Error {}
const invalid = (description: string): never => {
  throw new ImportError(description);
};

function unbake(png: Buffer): string {
  try {
    return readPngText(png, 'openbadges') ?? invalid('The image holds no baked badge');
  } catch (e) {
    return e instanceof ImportError ? invalid(e.message) : invalid('The image is not a readable PNG');
  }
}

async function fetchText(url: string): Promise<{ text: string }> {
  let res: Response;
  try {
    res = await fetch(url, { headers: { accept: 'application/ld+json, application/json, image/png' }, signal: AbortSignal.timeout(5000) });
  } catch {
    return invalid(`Unable to fetch ${url}`);
  }
  if (!res.ok) return invalid(`${url} answered HTTP ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  if ((res.headers.get('content-type') ?? '').startsWith('image/png')) return { text: unbake(body) };
  return { text: body.toString('utf8') };
}

/** The assertion JSON behind a text: a JWS payload, JSON, or (legacy baking) a URL to fetch once. */
async function assertionOf(text: string, depth = 0): Promise<{ json: Json; jws?: string }> {
  const t = text.trim();
  if (JWS.test(t)) {
    const payload: unknown = JSON.parse(Buffer.from(t.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return isObj(payload) ? { json: payload, jws: t } : invalid('The JWS payload is not an assertion');
  }
  if (t.startsWith('{')) {
    const v: unknown = JSON.parse(t);
    return isObj(v) ? { json: v } : invalid('Not an assertion');
  }
  if (/^https?:\/\//.test(t) && depth === 0) return assertionOf((await fetchText(t)).text, 1);
  return invalid('Unable to read an Open Badge from the input');
}

async function readInput(body: Json): Promise<{ json: Json; jws?: string }> {
  if (typeof body.url === 'string') return assertionOf((await fetchText(body.url)).text);
  if (typeof body.image === 'string') {
    const m = /^data:image\/png;base64,(.*)$/s.exec(body.image);
    if (!m) return invalid('Only baked PNG images are accepted');
    return assertionOf(unbake(Buffer.from(m[1] ?? '', 'base64')));
  }
  if (isObj(body.assertion)) return { json: body.assertion };
  return assertionOf(String(body.assertion));
}

function matches(identity: Json, email: string): boolean {
  const id = String(identity.identity ?? '');
  const salt = typeof identity.salt === 'string' ? identity.salt : '';
  const m = /^(sha256|md5)\$(.*)$/i.exec(id);
  if (!m) return id.toLowerCase() === email.toLowerCase();
  const alg = m[1]!.toLowerCase();
  return [email, email.toLowerCase()].some((e) => createHash(alg).update(e + salt).digest('hex') === m[2]!.toLowerCase());
}

async function fetchJson(ref: unknown): Promise<Json> {
  if (isObj(ref)) return ref;
  if (typeof ref !== 'string') return invalid('Missing badge class or issuer');
  const v: unknown = JSON.parse((await fetchText(ref)).text);
  return isObj(v) ? v : invalid(`${ref} is not a JSON object`);
}

export function badgrImportRoutes(router: Router, state: BackpackState): void {
  router.on('POST', '/v2/backpack/import', async (req) => {
    const auth = v2Auth(state, req, ['rw:backpack']);
    if ('reply' in auth) return auth.reply;
    const userId = auth.token.userId;
    const body = jsonBody(req);
    const given = isObj(body) ? ['url', 'image', 'assertion'].filter((k) => body[k]) : [];
    if (!isObj(body) || given.length !== 1) return v2Error(400, 'bad request', { validationErrors: ["Must provide only one of 'url', 'image' or 'assertion'."] });
    try {
      let { json, jws } = await readInput(body);
      const id = typeof json.id === 'string' ? json.id : undefined;
      // A hosted badge is taken from its issuer's copy (OB 2.0 §HostedBadge Verification).
      if (!jws && id && /^https?:/.test(id) && !id.startsWith(state.urls.base)) json = await fetchJson(id);
      const local = id?.startsWith(state.urls.assertion('')) ? state.badges.get(id.slice(state.urls.assertion('').length)) : undefined;
      const mine = state.badgesOf(userId);
      const duplicate = local ? mine.find((b) => b.entityId === local.entityId) : mine.find((b) => b.json.id === id && id !== undefined);
      if (duplicate) {
        duplicate.acceptance = 'Accepted';
        return v2Error(400, 'bad request', { validationErrors: [{ name: 'DUPLICATE_BADGE', description: 'You already have this badge in your backpack' }] });
      }
      const addresses = state.emailsOf(userId).map((e) => e.email);
      const recipient = isObj(json.recipient) ? json.recipient : invalid('The assertion has no recipient');
      const to = addresses.find((e) => matches(recipient, e));
      if (!to || local) return v2Error(400, 'bad request', { validationErrors: [{ name: 'RECIPIENT_MISMATCH', description: 'The badge does not belong to one of your e-mail addresses.' }] });
      const record = await importExternal(state, userId, json, jws, to, typeof body.url === 'string' ? body.url : id);
      return envelope([backpackAssertion(state, record, [])], 201);
    } catch (e) {
      if (e instanceof ImportError || e instanceof SyntaxError) {
        return v2Error(400, 'bad request', { validationErrors: [{ name: 'INVALID_BADGE', description: e.message }] });
      }
      throw e;
    }
  });
}

/** Badgr keeps local copies of an imported badge's class and issuer. */
async function importExternal(state: BackpackState, userId: string, json: Json, jws: string | undefined, to: string, sourceUrl?: string): Promise<BadgeRecord> {
  const bc = await fetchJson(json.badge);
  const issuer = await fetchJson(bc.issuer);
  const bcId = state.newId('bc-');
  const issuerId = state.newId('iss-');
  state.badgeClasses.set(bcId, bc);
  state.issuers.set(issuerId, issuer);
  const now = new Date(state.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const record: BadgeRecord = {
    entityId: state.newId('imp-'),
    kind: jws ? 'ob2-signed' : 'ob2-hosted',
    recipientEmail: to,
    importedBy: userId,
    ...(sourceUrl ? { sourceUrl } : {}),
    issuedOn: typeof json.issuedOn === 'string' ? json.issuedOn : now,
    ...(typeof json.expires === 'string' ? { expires: json.expires } : {}),
    updatedAt: now,
    revoked: json.revoked === true,
    acceptance: 'Accepted',
    badgeClassId: bcId,
    issuerId,
    json,
    ...(jws ? { compact: jws } : {}),
  };
  state.badges.set(record.entityId, record);
  return record;
}
