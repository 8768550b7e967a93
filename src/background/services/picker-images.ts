/**
 * Pictures for picker rows without a page-visible request (views.ts pickerImage: a hosted picture
 * would be loaded by the page's document, which the page's own service worker sees). A badge kept as
 * its baked image (OB 2.0 §Baking: the PNG or SVG *is* the badge's picture) has that picture in the
 * originals store already: it goes in the row as a data: URL, within a size for one row and a budget
 * for the whole message. The picker asks again at each keystroke, so each picture is read and
 * encoded once, kept by badge and content hash (a badge whose content changed is read again). A row
 * carries the picture only, without the badge in it (unbaked.ts).
 */
import type { BadgeRecord, OriginalRecord } from '../../platform/records.ts';
import { toBase64 } from './base64.ts';
import { unbaked } from './unbaked.ts';
import { MAX_PICKER_IMAGE_CHARS, pickerImage } from './views.ts';

/** Base64 makes 3 bytes 4 characters; the prefix is short. */
const MAX_BYTES = Math.floor(((MAX_PICKER_IMAGE_CHARS - 64) * 3) / 4);
/** What all rows' pictures may add to one picker message. */
export const PICKER_IMAGES_BUDGET = 2_000_000;
/** Pictures kept between keystrokes: a picker lists at most 100 rows. */
const KEPT = 200;

const TYPES: Partial<Record<BadgeRecord['original']['kind'], string>> = { png: 'image/png', svg: 'image/svg+xml' };

type Original = (key: string) => Promise<OriginalRecord | undefined>;

/** `pictures(rows)`: key → data: URL of the baked picture, for the rows (in order) that have no data: picture of their own. */
export function createBakedPictures(original: Original): (rows: readonly BadgeRecord[]) => Promise<Map<string, string>> {
  /** `${key} ${contentHash}` → the data: URL, or '' for an original that gives none. */
  const kept = new Map<string, string>();
  const pictureOf = async (r: BadgeRecord, type: string): Promise<string> => {
    const o = await original(r.key);
    const bytes = o && o.bytes.length > 0 ? unbaked(o.bytes, type) : undefined;
    return bytes && bytes.length <= MAX_BYTES ? `data:${type};base64,${toBase64(bytes)}` : '';
  };
  return async (rows) => {
    const wanted = rows.flatMap((r) => {
      const type = TYPES[r.original.kind];
      return type && pickerImage(r.meta.image) === undefined ? [{ r, type, id: `${r.key} ${r.contentHash}` }] : [];
    });
    // The ones not kept yet, read at once.
    await Promise.all(wanted.filter((w) => !kept.has(w.id)).map(async (w) => kept.set(w.id, await pictureOf(w.r, w.type))));
    const out = new Map<string, string>();
    let budget = PICKER_IMAGES_BUDGET;
    for (const { r, id } of wanted) {
      const url = kept.get(id);
      if (!url) continue;
      if (url.length > budget) break;
      budget -= url.length;
      out.set(r.key, url);
    }
    // The oldest first out (a Map keeps insertion order).
    for (const id of kept.keys()) {
      if (kept.size <= KEPT) break;
      kept.delete(id);
    }
    return out;
  };
}
