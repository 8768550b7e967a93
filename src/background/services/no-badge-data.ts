/**
 * What an input or a link served when it is no Open Badge at all (a plain image, a JSON list, an
 * empty or broken file): nothing was read, so nothing may be said about a badge, and never that one
 * is invalid. Hover says so as a notice (content.ts); an import refuses it (library.ts). These never
 * come from a badge of a known format, whose faults stay `invalid`.
 */
import { ErrorCodes } from '../../core/errors.ts';
import type { Check, VerifyResult } from '../../core/result.ts';

const NOT_BADGE_DATA: ReadonlySet<string> = new Set([ErrorCodes.PARSE_NOT_BAKED, ErrorCodes.PARSE_BAKED_AFTER_END, ErrorCodes.PARSE_UNRECOGNISED, ErrorCodes.PARSE_EMPTY, ErrorCodes.PARSE_JSON, ErrorCodes.PARSE_PNG, ErrorCodes.PARSE_SVG]);

/** The check that says no badge was read (the input's `parse`, or a link's `structure`), or undefined when a badge, even a bad one, was. */
export function noBadgeData(r: VerifyResult): Check | undefined {
  const failed = r.checks.find((c) => c.outcome === 'fail');
  if (r.badge || r.verdict !== 'invalid' || (failed?.id !== 'structure' && failed?.id !== 'parse') || !failed.code) return undefined;
  return NOT_BADGE_DATA.has(failed.code) ? failed : undefined;
}
