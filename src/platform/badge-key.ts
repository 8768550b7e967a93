/**
 * A badge's key: its account and its source (its id, or the link it was added by), as
 * `${accountId}|${sourceId}`. An id or link is the issuer's, the backpack's or the user's text, of
 * any length, and every message that names a key (badges/get, remove, verify, download, picker/card)
 * is refused past MAX_KEY_LENGTH characters (src/messaging/validate.ts): such a badge could never be
 * opened, checked again or removed. A key that would be longer names the source by its SHA-256
 * instead (`sha256-id:`), the same for the same badge added or synced again. Synchronous (a SHA-256
 * in JavaScript, src/core/proofs/sha256-small.ts), so that the database migration that moves the
 * keys older versions wrote (src/platform/db-schema.ts, version 4) can compute it inside its
 * upgrade transaction, which ends at the first wait that is not a database request.
 */
import { hex } from '../core/proofs/sha256-digest.ts';
import { sha256Small } from '../core/proofs/sha256-small.ts';

/** src/messaging/validate.ts MAX_KEY_LENGTH, which the platform does not import (test/background/long-keys.test.ts holds them equal). */
export const MAX_BADGE_KEY_LENGTH = 512;

export function badgeKey(accountId: string, sourceId: string): string {
  const key = `${accountId}|${sourceId}`;
  return key.length <= MAX_BADGE_KEY_LENGTH ? key : `${accountId}|sha256-id:${hex(sha256Small(sourceId))}`;
}
