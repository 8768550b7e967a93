/**
 * Badgr's backpack (badgr-server apps/backpack/v2_api_urls.py, api.py): assertions with
 * `expand=badgeclass&expand=issuer`, `include_expired`, `include_revoked`, `include_pending`
 * (all false by default in v2; rejected badges are never listed), acceptance, removal, and collections.
 * Only OB 2.0 badges live here: Badgr's backpack holds Open Badges 2.0 assertions.
 */
import { empty, jsonBody, type Req } from '../http/io.ts';
import type { Router } from '../http/router.ts';
import type { BackpackState, BadgeRecord, Json } from '../state.ts';
import { backpackAssertion, collectionEntity, envelope, v2Auth, v2Error } from './badgr-v2.ts';

const READ = ['r:backpack', 'rw:backpack'];
const WRITE = ['rw:backpack'];

const flag = (req: Req, name: string): boolean => ['1', 'true'].includes((req.url.searchParams.get(name) ?? '').toLowerCase());

export const isOb2 = (b: BadgeRecord): boolean => b.kind === 'ob2-hosted' || b.kind === 'ob2-signed';

export function badgrBackpackRoutes(router: Router, state: BackpackState): void {
  const ownBadge = (userId: string, id: string): BadgeRecord | undefined =>
    state.badgesOf(userId).find((b) => b.entityId === id && isOb2(b) && b.acceptance !== 'Rejected');

  router.on('GET', '/v2/backpack/assertions', (req) => {
    const auth = v2Auth(state, req, READ);
    if ('reply' in auth) return auth.reply;
    const expands = req.url.searchParams.getAll('expand');
    const now = state.now();
    const list = state
      .badgesOf(auth.token.userId)
      .filter(isOb2)
      .filter((b) => b.acceptance !== 'Rejected')
      .filter((b) => flag(req, 'include_revoked') || !b.revoked)
      .filter((b) => flag(req, 'include_expired') || !b.expires || Date.parse(b.expires) > now)
      .filter((b) => flag(req, 'include_pending') || !state.isPending(b))
      .sort((x, y) => y.issuedOn.localeCompare(x.issuedOn));
    return envelope(list.map((b) => backpackAssertion(state, b, expands)));
  });

  router.on('GET', '/v2/backpack/assertions/:id', (req) => {
    const auth = v2Auth(state, req, READ);
    if ('reply' in auth) return auth.reply;
    const b = ownBadge(auth.token.userId, req.params.id!);
    if (!b) return v2Error(404, 'entity not found or insufficient privileges');
    return envelope([backpackAssertion(state, b, req.url.searchParams.getAll('expand'))]);
  });

  // Only `acceptance: "Accepted"` may be written (BackpackAssertionAcceptanceSerializerV2).
  router.on('PUT', '/v2/backpack/assertions/:id', (req) => {
    const auth = v2Auth(state, req, WRITE);
    if ('reply' in auth) return auth.reply;
    const b = ownBadge(auth.token.userId, req.params.id!);
    if (!b) return v2Error(404, 'entity not found or insufficient privileges');
    const body = (jsonBody(req) ?? {}) as Json;
    if (body.acceptance !== undefined && body.acceptance !== 'Accepted') {
      return v2Error(400, 'bad request', { fieldErrors: { acceptance: [`"${String(body.acceptance)}" is not a valid choice.`] } });
    }
    if (body.acceptance === 'Accepted') b.acceptance = 'Accepted';
    return envelope([backpackAssertion(state, b, [])]);
  });

  // A badge issued here is marked Rejected; an imported one is deleted (api.py BackpackAssertionDetail.delete).
  router.on('DELETE', '/v2/backpack/assertions/:id', (req) => {
    const auth = v2Auth(state, req, WRITE);
    if ('reply' in auth) return auth.reply;
    const b = ownBadge(auth.token.userId, req.params.id!);
    if (!b) return v2Error(404, 'entity not found or insufficient privileges');
    if (b.importedBy) state.badges.delete(b.entityId);
    else b.acceptance = 'Rejected';
    for (const c of state.collections.values()) c.assertions = c.assertions.filter((a) => a !== b.entityId);
    return empty(204);
  });

  router.on('GET', '/v2/backpack/collections', (req) => {
    const auth = v2Auth(state, req, READ);
    if ('reply' in auth) return auth.reply;
    const mine = [...state.collections.values()].filter((c) => c.ownerId === auth.token.userId);
    return envelope(mine.map((c) => collectionEntity(state, c)));
  });

  router.on('POST', '/v2/backpack/collections', (req) => {
    const auth = v2Auth(state, req, WRITE);
    if ('reply' in auth) return auth.reply;
    const body = (jsonBody(req) ?? {}) as Json;
    const checked = checkCollection(body, auth.token.userId);
    if ('error' in checked) return checked.error;
    const id = state.newId('col-');
    const c = { entityId: id, ownerId: auth.token.userId, shareHash: state.newId('share-'), createdAt: new Date(state.now()).toISOString(), description: '', published: false, assertions: [], ...checked.fields };
    state.collections.set(id, c);
    return envelope([collectionEntity(state, c)], 201);
  });

  router.on('GET', '/v2/backpack/collections/:id', (req) => {
    const auth = v2Auth(state, req, READ);
    if ('reply' in auth) return auth.reply;
    const c = state.collections.get(req.params.id!);
    if (!c || c.ownerId !== auth.token.userId) return v2Error(404, 'entity not found or insufficient privileges');
    return envelope([collectionEntity(state, c)]);
  });

  router.on('PUT', '/v2/backpack/collections/:id', (req) => {
    const auth = v2Auth(state, req, WRITE);
    if ('reply' in auth) return auth.reply;
    const c = state.collections.get(req.params.id!);
    if (!c || c.ownerId !== auth.token.userId) return v2Error(404, 'entity not found or insufficient privileges');
    const checked = checkCollection({ name: c.name, ...((jsonBody(req) ?? {}) as Json) }, auth.token.userId);
    if ('error' in checked) return checked.error;
    Object.assign(c, checked.fields);
    return envelope([collectionEntity(state, c)]);
  });

  router.on('DELETE', '/v2/backpack/collections/:id', (req) => {
    const auth = v2Auth(state, req, WRITE);
    if ('reply' in auth) return auth.reply;
    const c = state.collections.get(req.params.id!);
    if (!c || c.ownerId !== auth.token.userId) return v2Error(404, 'entity not found or insufficient privileges');
    state.collections.delete(c.entityId);
    return empty(204);
  });

  type Checked = { fields: { name: string; description?: string; published?: boolean; assertions?: string[] } } | { error: ReturnType<typeof v2Error> };
  function checkCollection(body: Json, userId: string): Checked {
    if (typeof body.name !== 'string' || !body.name.trim()) return { error: v2Error(400, 'bad request', { fieldErrors: { name: ['This field is required.'] } }) };
    const fields: Extract<Checked, { fields: unknown }>['fields'] = { name: body.name };
    if (typeof body.description === 'string') fields.description = body.description;
    if (typeof body.published === 'boolean') fields.published = body.published;
    if (body.assertions !== undefined) {
      const ids = Array.isArray(body.assertions) ? body.assertions.map(String) : [];
      const bad = ids.find((id) => !ownBadge(userId, id));
      if (bad !== undefined) return { error: v2Error(400, 'bad request', { fieldErrors: { assertions: [`Invalid entity_id "${bad}" - object does not exist.`] } }) };
      fields.assertions = ids;
    }
    return { fields };
  }
}
