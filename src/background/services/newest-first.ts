/**
 * Badges newest first, as the popup's list shows them: by the instant the engine reads in each
 * badge's issue date (core/share/dates.ts sortTimeOf, the number the database stores as `sortTime`),
 * an unreadable date last, the key breaking ties. Never by the date's text: an offset
 * ("…T20:00:00+14:00" is earlier than "…T07:00:00Z") or a written-out date sorted otherwise, and an
 * issuer's odd date took the picker's first row.
 */
import { sortTimeOf } from '../../core/share/dates.ts';
import type { BadgeRecord } from '../../platform/records.ts';

export function newestFirst<R extends Pick<BadgeRecord, 'key' | 'meta'>>(records: R[]): R[] {
  const time = new Map(records.map((r) => [r, sortTimeOf(r.meta.issuedOn)]));
  return records.sort((a, b) => time.get(b)! - time.get(a)! || a.key.localeCompare(b.key));
}
