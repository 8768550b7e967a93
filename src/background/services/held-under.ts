/**
 * The source id a badge is held under (platform/badge-key.ts), for an import (library.ts) and for a badge a
 * sign-out moves to this browser (unlisted-keep.ts), so that both put one badge in one place: its id when it has
 * one, however it came (its JSON, its baked image, its link in any spelling: `HTTP://HOST/a`, `…/a?`, a public
 * page answering it), else the link it came by, else its bytes' hash. A link kept under its own spelling before
 * (as Lanyard kept links until hostile47) keeps that entry (`keepOld`).
 */
import type { Db } from '../../platform/db.ts';
import { badgeKey } from '../../platform/badge-key.ts';

export async function heldUnder(db: Db, accountId: string, of: { id: string | undefined; url: string | undefined; sha256: string }, keepOld = true): Promise<string> {
  const byLink = of.url ? `id:${of.url}` : undefined;
  const sourceId = of.id ? `id:${of.id}` : (byLink ?? `sha256:${of.sha256}`);
  return keepOld && byLink && sourceId !== byLink && (await db.badges.get(badgeKey(accountId, byLink))) ? byLink : sourceId;
}
