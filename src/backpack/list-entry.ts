/**
 * An entry of a list of JSON credentials (OB 3.0 getCredentials `credential`; OB 2.1 GET
 * /assertions `assertions`) as what it is: an object is a credential; a string is one only as text,
 * a compact JWS (OB 3.0 CompactJws: `^[a-zA-Z0-9_-]+\.[a-zA-Z0-9_-]*\.[a-zA-Z0-9_-]+$`, the
 * VC-JWT the other list should have held) or a JSON object written as a string. Anything else is
 * no credential and is left out.
 */
import { isObj, type Json } from './http.ts';

const COMPACT_JWS = /^[a-zA-Z0-9_-]+\.[a-zA-Z0-9_-]*\.[a-zA-Z0-9_-]+$/;

export type ListEntry = { kind: 'json'; json: Json } | { kind: 'jws'; jws: string };

/**
 * The entries read from one of the answer's lists, each marked with that list's place (`list`): which
 * list an entry came in, not what it turned out to be, says where its list ends (a VC-JWT written in
 * the JSON list ends that list; providers/oauth-provider.ts endsOf).
 */
export const fromList = (list: number, values: unknown, read: (v: unknown) => ListEntry | undefined): (ListEntry & { list: number })[] =>
  listOf(values).flatMap((v) => {
    const e = read(v);
    return e ? [{ ...e, list }] : [];
  });

/**
 * The entries of a list member: an array as it is; a single value as a list of one, as JSON-LD
 * compaction writes a one-item array (JSON-LD 1.1 Processing Algorithms §6.1, `compactArrays`), so a
 * user's only badge is not dropped; absent or null, none.
 */
export const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

export function listEntry(v: unknown): ListEntry | undefined {
  if (isObj(v)) return { kind: 'json', json: v };
  if (typeof v !== 'string') return undefined;
  if (COMPACT_JWS.test(v)) return { kind: 'jws', jws: v };
  if (!v.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(v);
    return isObj(parsed) ? { kind: 'json', json: parsed } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An entry of a list of compact JWS (`compactJwsString`, `signedAssertions`): a string is kept as the
 * JWS it should be (the engine says what it holds); an object is a credential put in the wrong list
 * and read as JSON, not dropped.
 */
export function signedEntry(v: unknown): ListEntry | undefined {
  if (isObj(v)) return { kind: 'json', json: v };
  return typeof v === 'string' ? { kind: 'jws', jws: v } : undefined;
}
