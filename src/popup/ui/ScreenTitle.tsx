/**
 * A screen's heading. It takes focus when the screen opens (tabIndex -1), so keyboard and
 * screen-reader users land at the top of what just appeared.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function ScreenTitle({ children, id = 'screen-title', focus = true }: { children: ComponentChildren; id?: string; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} class="screen-title">
      {children}
    </h2>
  );
}
