/**
 * Pictures for picker rows without a page-visible request (views.ts pickerImage: a hosted picture
 * would be loaded by the page's document, which the page's own service worker sees). A badge kept as
 * its baked image (OB 2.0 §Baking: the PNG or SVG *is* the badge's picture) has that picture in the
 * originals store already: it goes in the row as a data: URL, within a size for one row and a budget
 * for the whole message.
 */
import type { BadgeRecord, OriginalRecord } from '../../platform/records.ts';
import { toBase64 } from './base64.ts';
import { MAX_PICKER_IMAGE_CHARS, pickerImage } from './views.ts';

/** Base64 makes 3 bytes 4 characters; the prefix is short. */
const MAX_BYTES = Math.floor(((MAX_PICKER_IMAGE_CHARS - 64) * 3) / 4);
/** What all rows' pictures may add to one picker message. */
export const PICKER_IMAGES_BUDGET = 2_000_000;

const TYPES: Partial<Record<BadgeRecord['original']['kind'], string>> = { png: 'image/png', svg: 'image/svg+xml' };

/** key → data: URL of the baked picture, for the rows (in order) that have no data: picture of their own. */
export async function bakedPictures(rows: readonly BadgeRecord[], original: (key: string) => Promise<OriginalRecord | undefined>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let budget = PICKER_IMAGES_BUDGET;
  for (const r of rows) {
    const type = TYPES[r.original.kind];
    if (!type || pickerImage(r.meta.image) !== undefined) continue;
    const o = await original(r.key);
    if (!o || o.bytes.length === 0 || o.bytes.length > MAX_BYTES) continue;
    const url = `data:${type};base64,${toBase64(o.bytes)}`;
    if (url.length > budget) break;
    budget -= url.length;
    out.set(r.key, url);
  }
  return out;
}
