/** The CLI's output: each result as one line of JSON (never the input's bytes), or a short human report. */
import type { IssuerInfo, RecipientIdentity } from '../core/model.ts';
import { ADDRESS_PARTS } from '../core/formats/ob3-profile.ts';
import type { VerifyResult } from '../core/result.ts';
import { escapeForTerminal as esc } from './terminal.ts';
import { chooseText } from '../core/share/lang-text.ts';
import { issuerSite } from '../core/share/issuer-site.ts';

/**
 * JSON text that is also safe to show in a terminal: the characters a terminal could act on
 * (C1 controls, DEL, bidi overrides and isolates, line separators; terminal.ts) written as `\uXXXX`
 * escapes, which JSON.stringify leaves raw. Same value once parsed (RFC 8259 §7); such characters
 * only ever occur inside strings, so escaping them is safe anywhere in the text.
 */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const safeJson = (v: unknown): string => JSON.stringify(v).replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** One JSON object and a newline, for stdout under --json. */
export const jsonLine = (v: unknown): string => `${safeJson(v)}\n`;

/** The engine's result on one line, naming its source first, with the badge's original input reduced to its kind and size. */
export function toJson(result: VerifyResult, source: string): string {
  const badge = result.badge ? { ...result.badge, original: result.badge.original ? { kind: result.badge.original.kind, size: result.badge.original.bytes.length } : undefined } : null;
  return safeJson({ source, ...result, badge });
}

const MARK = { pass: '✓', fail: '✗', indeterminate: '?', warning: '!', skipped: '-' } as const;

const clip = (s: string, max = 200): string => (s.length > max ? `${s.slice(0, max - 1)}\u2026` : s);
/**
 * A check's message quotes URLs from the badge, which may be megabytes long: one line of the report
 * keeps its start and its end (where the reason is), at most MAX_MESSAGE characters. So does the
 * source, which is the whole credential when a data: URL is the input. --json keeps both whole.
 */
const MAX_MESSAGE = 500;
const clipMiddle = (s: string): string => (s.length > MAX_MESSAGE ? `${s.slice(0, 300)}\u2026${s.slice(s.length - (MAX_MESSAGE - 301))}` : s);

/** Whom the badge names as its recipient (each identity as stated, hashed ones as hashes), at most MAX_SHOWN. */
function issuedTo(claims: readonly RecipientIdentity[]): string[] {
  const MAX_SHOWN = 5;
  if (claims.length === 0) return ['issued to: (the badge names no recipient)'];
  const lines = claims.slice(0, MAX_SHOWN).map((c) => `issued to: ${esc(clip(String(c.type)))} ${esc(clip(c.identity))}${c.hashed ? ` (hashed${c.salt ? ', salted' : ''})` : ''}`);
  if (claims.length > MAX_SHOWN) lines.push(`issued to: \u2026and ${claims.length - MAX_SHOWN} more`);
  return lines;
}

/**
 * Where and who the issuer says it is (OB 3.0 §Profile `address`, `otherIdentifier`; formats/ob3-profile.ts):
 * its words, escaped, never taken for where verification placed it (the site beside its name).
 */
function issuerPlace(issuer: IssuerInfo): string[] {
  const place = issuer.address ? ADDRESS_PARTS.map((k) => issuer.address?.[k]).filter((v): v is string => !!v).join(', ') : '';
  const lines = place ? [`issuer postal address: ${esc(clip(place))}`] : [];
  for (const x of issuer.otherIdentifier ?? []) lines.push(`issuer identifier: ${esc(clip(x.identifierType))} ${esc(clip(x.identifier))}`);
  return lines;
}

/**
 * An instant as the report writes it, in the offset the issuer wrote it in (UTC for Z or +00:00): the date
 * alone at midnight there (an issuer that gave a date: OB 1.0 "2015-04-30", Moodle's expiry at midnight in
 * Japan), else the date and the time, its fraction dropped; anything else is shown escaped, as given.
 */
function when(iso: string): string {
  const m = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)(?:\.\d+)?(Z|[+-]\d\d:\d\d)$/.exec(iso);
  if (!m) return esc(clip(iso));
  const zone = m[3] === 'Z' || m[3] === '+00:00' || m[3] === '-00:00' ? 'UTC' : m[3];
  return m[2] === '00:00:00' ? m[1]! : `${m[1]} ${m[2]} ${zone}`;
}

/** When the badge was issued and until when it holds, as the badge page's "Issued" and "Expires" facts. */
function dates(badge: NonNullable<VerifyResult['badge']>): string[] {
  const lines: string[] = [];
  if (badge.issuedOn) lines.push(`issued: ${when(badge.issuedOn)}`);
  if (badge.expires) lines.push(`expires: ${when(badge.expires)}`);
  return lines;
}

/** How the badge's recipient compared with the --recipient values given. */
function matched(result: VerifyResult, given: readonly string[]): string | null {
  if (given.length === 0 || !result.badge) return null;
  if (result.recipient) return `matches: --recipient ${esc(result.recipient)}`;
  const check = result.checks.find((c) => c.id === 'recipient');
  const list = given.map((g) => esc(clip(g))).join(', ');
  if (check?.outcome === 'fail') return `matches: none of --recipient ${list}`;
  return `matches: not checked (${esc(clipMiddle(check?.message ?? 'no recipient check'))})`;
}

/**
 * Verdict first, then where it came from, whom it was issued to (and whether --recipient matched), when,
 * and one line per check; every value
 * from the badge escaped. The name and issuer in the reader's `languages` when the badge gives them
 * in several (VC DM 2.0 §11.1, chooseText), else as first given; no base direction: a terminal is
 * shown the escaped text, isolates included (terminal.ts).
 */
export function toText(result: VerifyResult, source: string, recipients: readonly string[] = [], languages: readonly string[] = []): string {
  const b = result.badge;
  const name = (b?.texts?.name && chooseText(b.texts.name, languages)?.value) || b?.name;
  const issuer = (b?.texts?.issuerName && chooseText(b.texts.issuerName, languages)?.value) || b?.issuer.name;
  const lines = [`${result.verdict.toUpperCase()}  ${esc(clip(b ? name || '(no name)' : '(no badge)'))}  [${result.format}]`, `source: ${esc(clipMiddle(source))}`];
  // Where the issuer is beside the name it gives itself (issuer-site.ts, as the extension's badge page
  // and hover card): a profile named "Harvard University" on evil.example verifies.
  const site = b ? issuerSite(b.issuer.id) : undefined;
  if (issuer || site) lines.push(`issuer: ${esc(clip(issuer || '(no name)'))}${site ? ` (${esc(site)})` : ''}`);
  if (b) lines.push(...issuerPlace(b.issuer));
  if (result.badge) lines.push(...issuedTo(result.badge.recipients));
  const m = matched(result, recipients);
  if (m) lines.push(m);
  if (result.badge) lines.push(...dates(result.badge));
  for (const c of result.checks) lines.push(`  ${MARK[c.outcome]} ${c.id.padEnd(11)} ${c.outcome.padEnd(13)} ${esc(clipMiddle(c.message))}`);
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
