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
 * A text of several compact JWS (RFC 7515 §7.1) or SD-JWT (RFC 9901 §4) lines, as a list of signed
 * badges is saved or mailed, is split too: each line one badge. A compact JWS has no white space, so
 * a token wrapped across lines (an e-mail at 76 columns) has lines that are not each a token, and is
 * left whole to the engine, which joins it (src/core/input/classify.ts).
 */
import { envelopeKind, presentationOf } from '../../core/input/presentation-of.ts';
import { decodeText, stripBom } from '../../core/input/text.ts';
import { jsonText } from '../../core/input/json.ts';
import { COMPACT_JWS, SD_JWT } from '../../core/input/jws.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';

/** The most badges one file adds: a larger export is refused whole, with a sentence, rather than half added. */
export const MAX_BATCH = 100;

/**
 * How many badges of a batch are checked at once. Each may wait up to the host fetch's 15 s per
 * document (host-access.ts), so 100 pasted links checked one after another kept the popup waiting
 * up to 25 minutes; a few at a time bound that without opening a hundred requests at once.
 */
export const BATCH_PARALLEL = 4;

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** `run` over each item, at most `parallel` at a time, each outcome in the items' order (none rejects). */
export async function settleInOrder<I, T>(items: readonly I[], run: (item: I) => Promise<T>, parallel = BATCH_PARALLEL): Promise<Settled<T>[]> {
  const out: Settled<T>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i]!).then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Each badge's text when the input holds several, or is a list (JSON objects as JSON, JWS strings as they are), else undefined. */
export function batchOf(bytes: Uint8Array): string[] | undefined {
  const first = bytes.findIndex((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf && b !== 0xff && b !== 0xfe && b !== 0);
  if (first < 0) return undefined;
  if (bytes[first] !== 0x7b && bytes[first] !== 0x5b) return /[A-Za-z0-9_-]/.test(String.fromCharCode(bytes[first]!)) ? tokenLines(bytes) : undefined; // a token's first character, not { or [
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
    throw tooMany(held.length);
  }
  // Anything but a credential object or a compact JWS or link string is left to the engine, which says what it is.
  if (!held.every((c) => isObj(c) || typeof c === 'string')) return undefined;
  // jsonText: one nested too deep to write back is refused by the engine as too deep, not the whole list.
  return held.map((c) => (typeof c === 'string' ? c.trim() : jsonText(c)));
}

const tooMany = (n: number) => new ServiceError(E.TOO_MANY_BADGES, `This holds ${n} badges, more than the ${MAX_BATCH} Lanyard adds at once, so none was added: add them in smaller files`);

/** Each line, when the text is two lines or more and every one that is not blank is a compact JWS or SD-JWT; else undefined. */
function tokenLines(bytes: Uint8Array): string[] | undefined {
  const text = decodeText(bytes);
  if (text === undefined || !text.includes('\n')) return undefined;
  const lines = stripBom(text).split(/\r?\n|\r/).map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 2 || !lines.every((l) => COMPACT_JWS.test(l) || SD_JWT.test(l))) return undefined;
  if (lines.length > MAX_BATCH) throw tooMany(lines.length);
  return lines;
}
