/**
 * Badgr's refusals of an address change, by the words badgr-server answers them with (v1 bare
 * JSON: apps/badgeuser/serializers_v1.py EmailSerializerV1.create, apps/badgeuser/api_v1.py
 * BadgeUserEmailDetail.delete), as codes the popup says in the reader's language, the server's
 * words kept as its own (`said`). Making an unverified address primary is answered 200 and
 * ignored; the client calls that NOT_VERIFIED (src/backpack/badgr.ts makePrimary).
 */
import { isBackpackError } from '../../backpack/errors.ts';
import { ServiceError, ServiceErrorCodes as E, type ServiceErrorCode } from './errors.ts';

/** A verified address of another user, or one already on this account as spelled: badgr-server says the same. */
const REFUSALS: readonly (readonly [string, ServiceErrorCode])[] = [
  ['Could not register email address.', E.EMAIL_TAKEN],
  ['Can not remove primary email address', E.EMAIL_PRIMARY],
  ['Can not remove only email address', E.EMAIL_LAST],
];

/**
 * Badgr's answer to an address that is a verified one of this account in other letter case: a 400,
 * though it registered the spelling as a variant (serializers_v1.py), which now counts as verified.
 */
export const isVariantRegistered = (e: unknown): boolean => isBackpackError(e, 'REJECTED') && e.message.includes('New case variant registered.');

/** The refusal as its code, or `e` unchanged. */
export function emailRefusal(e: unknown): unknown {
  if (!isBackpackError(e, 'REJECTED')) return e;
  if (e.detail === 'NOT_VERIFIED') return new ServiceError(E.EMAIL_UNVERIFIED, e.message);
  const hit = REFUSALS.find(([words]) => e.message.includes(words));
  return hit ? new ServiceError(hit[1], e.message, undefined, { said: hit[0] }) : e;
}
