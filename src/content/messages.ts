/**
 * The content scripts' side of the protocol: a light sender (no polyfill, no popup validators)
 * that checks each reply's shape before a feature sees it. Only the ContentToBackground messages
 * exist here; the background checks the arguments again on its side.
 */
import type { ContentToBackground, Reply } from '../messaging/protocol.ts';
import type { HoverVerdict, PickerBadge } from '../messaging/views.ts';
import { extensionRuntime } from './world.ts';
import { NO_NAMES, type NoName } from '../core/share/badge-name.ts';

type Msg = keyof ContentToBackground & string;
type Args<K extends Msg> = ContentToBackground[K]['args'];
type Value<K extends Msg> = ContentToBackground[K]['reply'];

const str = (v: unknown): v is string => typeof v === 'string';
const optStr = (v: unknown) => v === undefined || typeof v === 'string';
const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const VERDICTS = ['valid', 'invalid', 'indeterminate', 'unverified'];
const OUTCOMES = ['pass', 'fail', 'indeterminate', 'warning', 'skipped'];
/** A check by id, outcome and code (the hover card's reason, a picker warning's check). */
const isReason = (r: unknown) => r === undefined || (obj(r) && str(r.id) && OUTCOMES.includes(r.outcome as string) && optStr(r.code));
const optDir = (d: unknown) => d === undefined || d === 'ltr' || d === 'rtl';
/** The name's and issuer's base directions (NameDirs), when given. */
const isDirs = (d: unknown) => d === undefined || (obj(d) && optDir(d.name) && optDir(d.issuerName));

export function isPickerBadge(v: unknown): v is PickerBadge {
  return (
    obj(v) && str(v.key) && str(v.name) && VERDICTS.includes(v.verdict as string) && (v.noName === undefined || NO_NAMES.includes(v.noName as NoName)) &&
    [v.image, v.issuerName, v.issuedOn, v.expires, v.publicUrl, v.credentialId].every(optStr) && isDirs(v.dirs) &&
    (v.warning === undefined || (obj(v.warning) && VERDICTS.slice(1).includes(v.warning.level as string) && isReason(v.warning.check) && optStr(v.warning.needsAccess)))
  );
}

export function isHoverVerdict(v: unknown): v is HoverVerdict {
  return (
    obj(v) && VERDICTS.slice(0, 3).includes(v.verdict as string) && str(v.name) && str(v.message) && isReason(v.reason) &&
    optStr(v.issuerName) && optStr(v.issuerSite) && optStr(v.issuedOn) && optStr(v.needsAccess) && optStr(v.privateHost) && isDirs(v.dirs) &&
    (v.noBadgeKind === undefined || ['no-data', 'web-page', 'unreadable'].includes(v.noBadgeKind as string))
  );
}

const replyChecks: { [K in Msg]: (v: unknown) => boolean } = {
  ping: (v) => obj(v) && v.pong === true,
  'picker/list': (v) => Array.isArray(v) && v.every(isPickerBadge),
  'picker/card': (v) => obj(v) && str(v.html) && str(v.text) && optStr(v.url),
  'picker/linkedin-url': (v) => obj(v) && str(v.url),
  'picker/ui': (v) => obj(v) && v.loaded === true,
  'hover/verify': isHoverVerdict,
};

/** Asks the background; never throws (transport failures and bad replies are error replies). */
export async function ask<K extends Msg>(type: K, args: Args<K>): Promise<Reply<Value<K>>> {
  let raw: unknown;
  try {
    const rt = extensionRuntime();
    if (!rt) throw new Error('no extension runtime');
    raw = await rt.sendMessage({ type, args });
  } catch (e) {
    return { ok: false, error: { code: 'ERR_TRANSPORT', message: e instanceof Error ? e.message : String(e) } };
  }
  if (obj(raw) && raw.ok === true && replyChecks[type](raw.value)) return { ok: true, value: raw.value as Value<K> };
  if (obj(raw) && raw.ok === false && obj(raw.error) && str(raw.error.code) && str(raw.error.message)) {
    return { ok: false, error: { code: raw.error.code, message: raw.error.message } };
  }
  return { ok: false, error: { code: 'ERR_BAD_REPLY', message: `malformed reply to "${type}"` } };
}
