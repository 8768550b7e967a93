/**
 * A badge's picture, only from http(s) or a data: image (safeImageSrc); anything else, or an
 * image that fails to load, shows a neutral placeholder. Decorative: the name is next to it.
 */
import { useState } from 'preact/hooks';
import { safeImageSrc } from '../../core/share/escape.ts';

export function BadgeImage({ src, size }: { src: string | undefined; size: number }) {
  const safe = safeImageSrc(src);
  const [broken, setBroken] = useState(false);
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
  return <img class="badge-img" src={safe} width={size} height={size} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" onError={() => setBroken(true)} />;
}
