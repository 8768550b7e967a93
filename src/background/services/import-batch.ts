/**
 * One file or paste holding several badges: a Verifiable Presentation with several credentials (a
 * wallet sharing more than one, VC DM 2.0 §4.13) or a JSON list of badges (an export). The engine
 * reads one badge at a time and refused them ("holds 2 credentials… check each on its own"), which
 * the user could not do without a tool. The import adds each as if added on its own (library.ts),
 * up to MAX_BATCH; the answer says how many were added, held already, and refused.
 * A presentation's own proof is the holder's and is not trusted (src/core/input/presentation.ts): each
 * credential is verified as itself, an enveloped one (VC DM 2.0 §4.13) by the engine. A presentation-JWT
 * is not split here, nor an enveloped presentation, whose members are not its presentation (the engine
 * reads one).
 */
import { envelopeKind, presentationOf } from '../../core/input/presentation-of.ts';
import { decodeText, stripBom } from '../../core/input/text.ts';
import { jsonText } from '../../core/input/json.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';

/** The most badges one file adds: a larger export is refused whole, with a sentence, rather than half added. */
export const MAX_BATCH = 100;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each badge's text when the input holds several, or is a list (JSON objects as JSON, JWS strings as they are), else undefined. */
export function batchOf(bytes: Uint8Array): string[] | undefined {
  const first = bytes.findIndex((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf && b !== 0xff && b !== 0xfe && b !== 0);
  if (first < 0 || (bytes[first] !== 0x7b && bytes[first] !== 0x5b)) return undefined; // { or [
  const text = decodeText(bytes);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(stripBom(text).trim());
  } catch {
    return undefined; // the engine says what is wrong with it
  }
  const found = isObj(value) ? presentationOf(value) : undefined;
  const vp = found && !envelopeKind(found) ? found : undefined;
  const held = Array.isArray(value) ? value : vp && Array.isArray(vp.verifiableCredential) ? vp.verifiableCredential : undefined;
  // A presentation of one is read by the engine as its credential; a list of one is that badge too.
  if (!held || held.length === 0 || (held.length === 1 && !Array.isArray(value))) return undefined;
  if (held.length > MAX_BATCH) {
    throw new ServiceError(E.TOO_MANY_BADGES, `This holds ${held.length} badges, more than the ${MAX_BATCH} Lanyard adds at once, so none was added: add them in smaller files`);
  }
  // Anything but a credential object or a compact JWS or link string is left to the engine, which says what it is.
  if (!held.every((c) => isObj(c) || typeof c === 'string')) return undefined;
  // jsonText: one nested too deep to write back is refused by the engine as too deep, not the whole list.
  return held.map((c) => (typeof c === 'string' ? c.trim() : jsonText(c)));
}
