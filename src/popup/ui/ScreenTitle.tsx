/**
 * A screen's heading. It takes focus when the screen opens (tabIndex -1), so keyboard and
 * screen-reader users land at the top of what just appeared.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * `isolate`: the title is the issuer's words (a badge name): its direction comes from its own text (or
 * `dir`, the base direction the badge gives it: VC DM 2.0 §11.1 `@direction`), isolated from the page.
 * `describedBy`: the id of what a screen reader reads after the title as focus lands on it.
 * `full`: a title that quotes the issuer at length is cut after three lines (`.screen-title.clamp`,
 * the rest of the screen in view); its whole text is the tooltip, and a screen reader reads it all.
 */
export function ScreenTitle({ children, id = 'screen-title', focus = true, isolate = false, dir, describedBy, full }: { children: ComponentChildren; id?: string; focus?: boolean; isolate?: boolean; dir?: 'ltr' | 'rtl'; describedBy?: string; full?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} class={`screen-title${isolate ? ' isolate' : ''}${full ? ' clamp' : ''}`} title={full} dir={isolate ? (dir ?? 'auto') : undefined} aria-describedby={describedBy}>
      {children}
    </h2>
  );
}
