/**
 * A baked SVG's picture without its badge, for a picker row drawn in a page (picker-images.ts). The
 * badge is an element, `openbadges:assertion` (OB 2.0 §Baking SVG) or `openbadges:credential` (OB 3.0
 * §5.3.2; CLR 2.0 the same), under whatever prefix the baker bound (core/input/svg.ts reads them by
 * namespace). The worker has no DOMParser and the engine's XML reader is not on its start-up path, so
 * the elements are cut as text, under any prefix, and what is left must hold none: else (an element
 * not closed as it opened, a CDATA body that spells its end tag, more than a few) no picture is sent,
 * rather than one that still carries the credential.
 *
 * A prefix is anything up to a colon that is not markup: XML names go beyond ASCII (XML 1.0 §2.3
 * NameStartChar: `<é:assertion>`), and core/input/xml-reader.ts reads `<:assertion>` as in the default
 * namespace; both were read as the badge and left in the picture when the prefix was ASCII only.
 */
const PREFIX = `([^\\s<>/!?"'=&]*:)?`;
/** An element named assertion or credential under any prefix, self-closed or up to its own end tag. */
const BADGE = new RegExp(`<${PREFIX}(assertion|credential)(?=[\\s/>])[^>]*?(?:\\/>|>[\\s\\S]*?<\\/\\1\\2\\s*>)`, 'g');
/** Any start or end tag of such an element. */
const TAG = new RegExp(`<\\/?${PREFIX}(assertion|credential)(?=[\\s/>])`, 'g');
/** Baked files hold one; each cut scans to its end tag, so a file of thousands would cost the worker quadratic time. */
const MAX_TAGS = 8;

export function svgWithoutBadge(svg: string): string | undefined {
  if ((svg.match(TAG)?.length ?? 0) > MAX_TAGS) return undefined;
  const out = svg.replace(BADGE, '');
  TAG.lastIndex = 0;
  return TAG.test(out) ? undefined : out;
}
