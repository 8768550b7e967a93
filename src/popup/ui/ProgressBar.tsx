/** A determinate progress bar for sync and re-verification (n of m), announced politely. */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  const max = Math.max(1, total);
  const value = Math.min(done, max);
  return (
    <div class="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} aria-valuetext={`${label}: ${value} / ${max}`}>
      <div class="progress-fill" style={{ width: `${(value / max) * 100}%` }} />
    </div>
  );
}
