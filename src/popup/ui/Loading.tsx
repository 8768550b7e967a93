/**
 * A screen still loading. Nothing shows for the first 400 ms, so a quick answer does not flash a
 * message; past that, "Loading…" is shown and read (role=status), so a slow answer (the engine's
 * first load, a busy worker) is not a blank popup (WCAG 4.1.3).
 */
import { useEffect, useState } from 'preact/hooks';
import { useEnv } from '../env.ts';

export const LOADING_DELAY_MS = 400;

export function Loading() {
  const { t } = useEnv();
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setSlow(true), LOADING_DELAY_MS);
    return () => clearTimeout(id);
  }, []);
  return (
    <div class="screen-loading" aria-busy="true">
      <p class="muted" role="status">
        {slow ? t('loading') : null}
      </p>
    </div>
  );
}
