import type { Translate } from '../i18n.ts';

/** "Syncing badges: 3 of 9", or, before the sync has counted them, "Getting your badges…" (never "0 of 0"). */
export const progressLabel = (t: Translate, verifying: boolean, done: number, total: number) =>
  verifying ? t('verifyingProgress', done, total) : total ? t('syncing', done, total) : t('syncingStart');

/**
 * A progress bar for sync and re-verification (n of m); indeterminate (no aria-valuenow, WAI-ARIA
 * 1.2 progressbar) while the total is not known yet. Not a live region: its ticks are not read
 * (the status bar says a sync's start, end and failures once: sync-announce.ts).
 */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  if (total <= 0) {
    return (
      <div class="progress indeterminate" role="progressbar" aria-label={label}>
        <div class="progress-fill" />
      </div>
    );
  }
  const max = Math.max(1, total);
  const value = Math.min(done, max);
  return (
    <div class="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} aria-valuetext={`${label}: ${value} / ${max}`}>
      <div class="progress-fill" style={{ width: `${(value / max) * 100}%` }} />
    </div>
  );
}
