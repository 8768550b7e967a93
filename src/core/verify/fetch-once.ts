/**
 * One GET for the engine, with the rules every fetched document obeys: http(s) only; a redirect to
 * another site is not followed (it would let an open redirect on an issuer's site vouch for anyone's
 * document: the id checks and the key bindings trust the URL asked for, and a hosted copy's scope
 * is checked again where the redirect ended, formats/hosted-scope.ts landedInScope);
 * bodies are capped; a body that fails mid-read is unreachable, not a crash; JSON nesting is limited.
 */
import { ErrorCodes, FetchError, ParseError } from '../errors.ts';
import { parseJsonObject } from '../input/json.ts';
import type { Fetch, FetchedDocument } from './context.ts';
import { readAtMost } from './read-body.ts';

/** Credentials, profiles, keys and status lists are small; a baked image is the largest thing fetched. */
export const MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

const origin = (u: string): string => {
  try {
    return new URL(u).origin;
  } catch {
    return '';
  }
};

/**
 * The same site: the same origin, or the same host upgraded from http to https on the default ports
 * (old badges carry http ids that their issuers now redirect to https; the host vouches for both).
 */
function sameSite(asked: string, final: string): boolean {
  if (origin(asked) === origin(final)) return true;
  try {
    const a = new URL(asked);
    const b = new URL(final);
    return a.protocol === 'http:' && b.protocol === 'https:' && a.hostname === b.hostname && a.port === '' && b.port === '';
  } catch {
    return false;
  }
}

async function readCapped(res: Response, url: string, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > max) throw new FetchError(ErrorCodes.FETCH_FAILED, `${url} is too large (${declared} bytes; at most ${max})`);
  const { bytes, over } = await readAtMost(res, max);
  if (over) throw new FetchError(ErrorCodes.FETCH_FAILED, `${url} is too large (more than ${max} bytes)`);
  return bytes;
}

export async function fetchOnce(doFetch: Fetch | undefined, url: string, accept: string, signal?: AbortSignal): Promise<FetchedDocument> {
  if (!doFetch) throw new FetchError(ErrorCodes.FETCH_FAILED, `${url} cannot be fetched: no network access was given`);
  if (!/^https?:\/\//i.test(url)) throw new FetchError(ErrorCodes.FETCH_FAILED, `${url} is not an http(s) URL`);
  try {
    const res = await doFetch(url, signal ? { headers: { accept }, signal } : { headers: { accept } });
    if (res.redirected && res.url && !sameSite(url, res.url)) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError(ErrorCodes.FETCH_FAILED, `${url} redirects to another site (${origin(res.url)}), which is not followed`);
    }
    const bytes = await readCapped(res, url, MAX_DOCUMENT_BYTES);
    const finalUrl = res.redirected && res.url ? res.url : url;
    return { url, finalUrl, status: res.status, contentType: res.headers.get('content-type') ?? '', bytes };
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw new FetchError(ErrorCodes.FETCH_FAILED, `${url} could not be fetched: ${(e as Error)?.message ?? e}`, undefined, { cause: e });
  }
}

const UTF8 = new TextDecoder();

/** A fetched JSON object, with the same depth limit as an input (a fetched document is as hostile as a credential). */
export function jsonOf(doc: FetchedDocument): Record<string, unknown> {
  if (doc.status < 200 || doc.status > 299) throw new FetchError(ErrorCodes.HTTP_STATUS, `${doc.url} answered HTTP ${doc.status}`, doc.status);
  try {
    return parseJsonObject(UTF8.decode(doc.bytes));
  } catch (e) {
    const why = e instanceof ParseError ? `: ${e.message}` : '';
    throw new FetchError(ErrorCodes.FETCH_FAILED, `${doc.url} did not answer a JSON object${why}`, doc.status);
  }
}
