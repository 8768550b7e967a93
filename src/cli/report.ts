/** The CLI's output: the result as JSON (never the input's bytes), or a short human report. */
import type { VerifyResult } from '../core/result.ts';

/** The engine's result, with the badge's original input reduced to its kind and size. */
export function toJson(result: VerifyResult): string {
  const badge = result.badge ? { ...result.badge, original: result.badge.original ? { kind: result.badge.original.kind, size: result.badge.original.bytes.length } : undefined } : null;
  return JSON.stringify({ ...result, badge }, null, 2);
}

const MARK = { pass: '✓', fail: '✗', indeterminate: '?', warning: '!', skipped: '-' } as const;

export function toText(result: VerifyResult): string {
  const lines = [`${result.verdict.toUpperCase()}  ${result.badge?.name ?? '(no badge)'}  [${result.format}]`];
  if (result.badge?.issuer.name) lines.push(`issuer: ${result.badge.issuer.name}`);
  if (result.recipient) lines.push(`issued to: ${result.recipient}`);
  for (const c of result.checks) lines.push(`  ${MARK[c.outcome]} ${c.id.padEnd(11)} ${c.outcome.padEnd(13)} ${c.message}`);
  return lines.join('\n');
}
