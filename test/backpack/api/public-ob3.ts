/**
 * OB 3.0 documents where the credentials point: the issuer's profile (its controller document),
 * each JWT key as a JWK at its `kid` URL (OB 3.0 §8.2.3: a `kid` dereferences to a JWK), credentials
 * as web resources (OB 3.0 §5.3: a VC-JWT as `text/plain`, JSON as `application/vc+ld+json`) and
 * baked (iTXt `openbadgecredential`), achievements, and the signed status list credential.
 */
import { keyRing } from '../crypto/keys.ts';
import { badgeImage, bakePng } from '../crypto/png.ts';
import { json, notFound, text } from '../http/io.ts';
import type { Router } from '../http/router.ts';
import type { BackpackState, BadgeRecord, Json } from '../state.ts';
import { cachedImage, ldJson } from './public-ob2.ts';

const isOb3 = (b: BadgeRecord | undefined): b is BadgeRecord => b?.kind === 'ob3-jwt' || b?.kind === 'ob3-di';

export function publicOb3Routes(router: Router, state: BackpackState): void {
  const { urls } = state;

  router.on('GET', '/ob3/issuers/:n', (req) => {
    const doc = state.documents.get(urls.ob3Issuer(Number(req.params.n)));
    return doc ? ldJson(req, doc) : notFound();
  });

  router.on('GET', '/ob3/issuers/:n/keys/:name', (req) => {
    const n = Number(req.params.n);
    const name = req.params.name;
    if (!state.documents.has(urls.ob3Issuer(n)) || (name !== 'eddsa' && name !== 'es256')) return notFound();
    const key = name === 'eddsa' ? keyRing().jwtEd : keyRing().jwtP256;
    return json(200, { ...key.jwk, kid: urls.ob3JwtKey(n, name), alg: key.alg, use: 'sig' }, { 'content-type': 'application/jwk+json' });
  });

  router.on('GET', '/ob3/credentials/:id', (req) => {
    const b = state.badges.get(req.params.id!);
    if (!isOb3(b)) return notFound();
    if (b.compact) return text(200, b.compact, 'text/plain; charset=utf-8');
    return { ...json(200, b.json), headers: { 'content-type': 'application/vc+ld+json' } };
  });

  router.on('GET', '/ob3/credentials/:id/baked', (req) => {
    const b = state.badges.get(req.params.id!);
    if (!isOb3(b)) return notFound();
    const ach = achievementOf(b);
    return cachedImage(state, `ob3:${b.entityId}`, () => bakePng(badgeImage(String(ach?.id ?? b.entityId)), 'openbadgecredential', b.compact ?? JSON.stringify(b.json)));
  });

  const findAchievement = (id: string): Json | undefined => {
    const url = urls.ob3Achievement(id);
    for (const b of state.badges.values()) {
      const a = isOb3(b) ? achievementOf(b) : undefined;
      if (a?.id === url) return a;
    }
    return undefined;
  };

  router.on('GET', '/ob3/achievements/:id', (req) => {
    const a = findAchievement(req.params.id!);
    return a ? ldJson(req, { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'], ...a }) : notFound();
  });
  router.on('GET', '/ob3/achievements/:id/image', (req) => {
    const a = findAchievement(req.params.id!);
    return a ? cachedImage(state, `ach:${req.params.id}`, () => badgeImage(String(a.id))) : notFound();
  });

  router.on('GET', '/ob3/status/:n', (req) => {
    const doc = state.documents.get(urls.statusList(Number(req.params.n)));
    return doc ? { ...json(200, doc), headers: { 'content-type': 'application/vc+ld+json' } } : notFound();
  });

  router.on('GET', '/terms', () => text(200, '<h1>Terms of service</h1><p>The Lanyard test backpack: test data only.</p>', 'text/html; charset=utf-8'));
  router.on('GET', '/privacy', () => text(200, '<h1>Privacy policy</h1><p>Nothing leaves this test server.</p>', 'text/html; charset=utf-8'));
  router.on('GET', '/logo.png', () => cachedImage(state, 'logo', () => badgeImage('lanyard test backpack', 128)));
}

export function achievementOf(b: BadgeRecord): Json | undefined {
  const subject = b.json.credentialSubject as Json | undefined;
  return subject?.achievement as Json | undefined;
}
