/**
 * Badgr's public, unauthenticated objects (badgr-server apps/issuer/public_api.py): assertions with
 * content negotiation (JSON by default, for `Accept: application/json`, `?v=2_0` and a `.json`
 * suffix; HTML for browsers), `expand=badge` and `expand=badge.issuer`, the revoked form
 * `{id, revoked: true, revocationReason}`, 404 while pending; `/image` and `/baked` (a PNG with an
 * `openbadges` iTXt chunk: the assertion JSON, or the JWS of a signed one); badge classes, issuers,
 * the issuer's CryptographicKey and RevocationList; published collections.
 */
import { badgeImage, bakePng } from '../crypto/png.ts';
import { keyRing } from '../crypto/keys.ts';
import { bytes, escapeHtml, header, json, notFound, text, type Reply, type Req } from '../http/io.ts';
import type { Router } from '../http/router.ts';
import { OB2_CONTEXT, ob2Key, ob2RevocationList } from '../issuance/ob2.ts';
import type { BackpackState, BadgeRecord, Json } from '../state.ts';
import { isOb2 } from './badgr-backpack.ts';

/** OB 2.0 §Setting Content-Type: `application/ld+json`, or `application/json` when that is all the client takes. */
export function ldJson(req: Req, body: unknown, status = 200): Reply {
  const accept = header(req, 'accept') ?? '';
  const type = accept.includes('application/json') && !accept.includes('application/ld+json') ? 'application/json' : 'application/ld+json';
  return { ...json(status, body), headers: { 'content-type': type } };
}

/**
 * badgr-server's JSONComponentView.is_requesting_html, as written: a `.json` suffix is JSON; else an
 * Accept header that merely contains `*\/*` or `text/html` (any q-value, any other type beside it)
 * gets the web app (here its HTML page); no Accept header counts as `application/json`.
 */
const wantsHtml = (req: Req): boolean => {
  if (req.url.pathname.endsWith('.json')) return false;
  const accept = header(req, 'accept') ?? 'application/json';
  return accept.includes('*/*') || accept.includes('text/html');
};

export function cachedImage(state: BackpackState, key: string, make: () => Buffer): Reply {
  let png = state.images.get(key);
  if (!png) {
    png = make();
    state.images.set(key, png);
  }
  return bytes(png, 'image/png', { 'cache-control': 'public, max-age=3600' });
}

export function publicOb2Routes(router: Router, state: BackpackState): void {
  const { urls } = state;
  const published = (id: string): BadgeRecord | undefined => {
    const b = state.badges.get(id.replace(/\.json$/, ''));
    return b && isOb2(b) && !state.isPending(b) ? b : undefined;
  };

  router.on('GET', '/public/assertions/:id', (req) => {
    const b = published(req.params.id!);
    if (!b) return notFound();
    const revoked = { '@context': OB2_CONTEXT, type: 'Assertion', id: b.json.id, revoked: true, ...(b.revocationReason ? { revocationReason: b.revocationReason } : {}) };
    // is_requesting_html is asked before the JSON (revoked or not) is made.
    if (wantsHtml(req)) return assertionPage(state, b);
    if (b.revoked) return ldJson(req, revoked);
    const expands = req.url.searchParams.getAll('expand');
    const a: Json = { ...b.json };
    if (b.badgeClassId && (expands.includes('badge') || expands.includes('badge.issuer'))) {
      const bc: Json = { ...state.badgeClasses.get(b.badgeClassId) };
      if (expands.includes('badge.issuer') && b.issuerId) bc.issuer = state.issuers.get(b.issuerId);
      a.badge = bc;
    }
    return ldJson(req, a);
  });

  const baked = (req: Req): Reply => {
    const b = published(req.params.id!);
    if (!b || b.revoked) return notFound();
    const seed = b.badgeClassId ?? b.entityId;
    return cachedImage(state, `assertion:${b.entityId}`, () => bakePng(badgeImage(seed), 'openbadges', b.compact ?? JSON.stringify(b.json)));
  };
  router.on('GET', '/public/assertions/:id/image', baked);
  router.on('GET', '/public/assertions/:id/baked', baked);

  router.on('GET', '/public/badges/:id', (req) => {
    const bc = state.badgeClasses.get(req.params.id!.replace(/\.json$/, ''));
    if (bc && wantsHtml(req)) return text(200, `<h1>${escapeHtml(String(bc.name))}</h1>`, 'text/html; charset=utf-8');
    return bc ? ldJson(req, bc) : notFound();
  });
  router.on('GET', '/public/badges/:id/image', (req) =>
    state.badgeClasses.has(req.params.id!) ? cachedImage(state, `badge:${req.params.id}`, () => badgeImage(req.params.id!)) : notFound(),
  );
  router.on('GET', '/public/badges/:id/criteria', (req) => {
    const bc = state.badgeClasses.get(req.params.id!);
    const c = bc?.criteria as Json | undefined;
    return bc ? text(200, `<h1>${escapeHtml(String(bc.name))}</h1><p>${escapeHtml(String(c?.narrative ?? ''))}</p>`, 'text/html; charset=utf-8') : notFound();
  });

  router.on('GET', '/public/issuers/:id', (req) => {
    const i = state.issuers.get(req.params.id!.replace(/\.json$/, ''));
    if (i && wantsHtml(req)) return text(200, `<h1>${escapeHtml(String(i.name))}</h1>`, 'text/html; charset=utf-8');
    return i ? ldJson(req, i) : notFound();
  });
  router.on('GET', '/public/issuers/:id/image', (req) =>
    state.issuers.has(req.params.id!) ? cachedImage(state, `issuer:${req.params.id}`, () => badgeImage(`issuer ${req.params.id}`, 64)) : notFound(),
  );
  router.on('GET', '/public/issuers/:id/keys/1', (req) => {
    const i = state.issuers.get(req.params.id!);
    return i?.publicKey ? ldJson(req, ob2Key(urls, req.params.id!, keyRing())) : notFound();
  });
  router.on('GET', '/public/issuers/:id/revocations', (req) =>
    state.issuers.has(req.params.id!) ? ldJson(req, ob2RevocationList(urls, req.params.id!, state.badges.values())) : notFound(),
  );

  router.on('GET', '/public/collections/:hash', (req) => {
    const c = [...state.collections.values()].find((x) => x.published && x.shareHash === req.params.hash);
    if (!c) return notFound();
    const badges = c.assertions.map((id) => state.badges.get(id)).filter((b): b is BadgeRecord => !!b);
    return json(200, { entityType: 'SharedCollection', entityId: c.entityId, name: c.name, description: c.description, badges: badges.map((b) => ({ id: b.json.id })) });
  });
}

/** What a browser sees (Badgr redirects to its UI; a small page with Open Graph tags stands in). */
function assertionPage(state: BackpackState, b: BadgeRecord): Reply {
  const bc = b.badgeClassId ? state.badgeClasses.get(b.badgeClassId) : undefined;
  const name = escapeHtml(String(bc?.name ?? 'Badge'));
  const image = state.urls.assertionImage(b.entityId);
  return text(
    200,
    `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title><meta property="og:title" content="${name}"><meta property="og:image" content="${image}"></head>` +
      `<body><h1>${name}</h1><img src="${image}" alt="${name}" width="96" height="96"><p>Issued ${escapeHtml(b.issuedOn)}</p></body></html>`,
    'text/html; charset=utf-8',
  );
}
