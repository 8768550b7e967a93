/**
 * A badge's picture, only from http(s) or a data: image (safeImageSrc); anything else, or an
 * image that fails to load, shows a neutral placeholder. Decorative: the name is next to it.
 */
import { useEffect, useState } from 'preact/hooks';
import { safeImageSrc } from '../../core/share/escape.ts';

/**
 * `wait` (the list's rows until the first screen is painted: list/ready.ts afterFirstScreen): the
 * picture is asked for once `wait` calls back, not in the first frame. Its request (a lazy image
 * starts loading at the frame's layout) cost 1-5 ms of the first frame at every open (issue 14,
 * Chromium trace: ResourceFetcher::requestResource after the rows' paint, before the frame was
 * done); the picture shows when it arrives, as before. Until then the row shows the picture's
 * empty circle, as while any picture loads. (A prop rather than an import of list/ready.ts: this
 * component is shared with the lazy badge page, and the import made ready.ts a chunk of its own.)
 */
export function BadgeImage({ src, size, wait }: { src: string | undefined; size: number; wait?: (run: () => void) => () => void }) {
  const safe = safeImageSrc(src);
  const [broken, setBroken] = useState(false);
  const [asked, setAsked] = useState(!wait);
  useEffect(() => (asked || !wait ? undefined : wait(() => setAsked(true))), [asked, wait]);
  if (!safe || broken) {
    return (
      <span class="badge-img placeholder" style={{ width: `${size}px`, height: `${size}px` }} aria-hidden="true">
        <svg viewBox="0 0 24 24" width={size * 0.55} height={size * 0.55} focusable="false">
          <circle cx="12" cy="10" r="6" />
          <path d="M8.5 14.5L7 22l5-2.5 5 2.5-1.5-7.5" />
        </svg>
      </span>
    );
  }
  if (!asked) return <span class="badge-img" style={{ width: `${size}px`, height: `${size}px` }} aria-hidden="true" />;
  return <img class="badge-img" src={safe} width={size} height={size} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" onError={() => setBroken(true)} />;
}
