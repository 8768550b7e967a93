/** The CLI's output: each result as one line of JSON (never the input's bytes), or a short human report. */
import type { VerifyResult } from '../core/result.ts';
import { escapeForTerminal as esc } from './terminal.ts';

/** The engine's result on one line, naming its source first, with the badge's original input reduced to its kind and size. */
export function toJson(result: VerifyResult, source: string): string {
  const badge = result.badge ? { ...result.badge, original: result.badge.original ? { kind: result.badge.original.kind, size: result.badge.original.bytes.length } : undefined } : null;
  return JSON.stringify({ source, ...result, badge });
}

const MARK = { pass: '✓', fail: '✗', indeterminate: '?', warning: '!', skipped: '-' } as const;

/** Verdict first, then where it came from and one line per check; every value from the badge escaped. */
export function toText(result: VerifyResult, source: string): string {
  const lines = [`${result.verdict.toUpperCase()}  ${esc(result.badge?.name ?? '(no badge)')}  [${result.format}]`, `source: ${esc(source)}`];
  if (result.badge?.issuer.name) lines.push(`issuer: ${esc(result.badge.issuer.name)}`);
  if (result.recipient) lines.push(`issued to: ${esc(result.recipient)}`);
  for (const c of result.checks) lines.push(`  ${MARK[c.outcome]} ${c.id.padEnd(11)} ${c.outcome.padEnd(13)} ${esc(c.message)}`);
  return lines.join('\n');
}

export interface Tally {
  valid: number;
  invalid: number;
  indeterminate: number;
  unreadable: number;
}

/** The summary line written to stderr after the last report. */
export function summary(t: Tally): string {
  const total = t.valid + t.invalid + t.indeterminate + t.unreadable;
  const parts = [`${t.valid} valid`, `${t.invalid} invalid`, `${t.indeterminate} indeterminate`];
  if (t.unreadable) parts.push(`${t.unreadable} unreadable`);
  return `lanyard: ${total} input${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
