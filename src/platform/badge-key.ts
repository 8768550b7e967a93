import { hex } from '../core/proofs/sha256-digest.ts';
import { sha256Small } from '../core/proofs/sha256-small.ts';
export const MAX_BADGE_KEY_LENGTH = 512;
export function badgeKey(accountId: string, sourceId: string): string {
  const key = `${accountId}|${sourceId}`;
  return key.length <= MAX_BADGE_KEY_LENGTH ? key : `${accountId}|sha256-id:${hex(sha256Small(sourceId))}`;
}
