/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document in safe mode, as Data Integrity
 * needs it (VC DI EdDSA §3.3.x "transformation": RDFC-1.0 over the JSON-LD's RDF dataset;
 * reference §3.4). The RDF comes from the fast converter when it can, from jsonld.js otherwise
 * (both give the same dataset: test/core/jsonld proves it on every corpus credential); rdf-canonize
 * does RDFC-1.0.
 */
import { createMessageDigest } from '../proofs/sha256.ts';
import { bundledContextSet, type ContextSet } from './context-set.ts';
import { FastPathUnsupported, SafeModeError, UnknownContextError, UnspecifiedDirectionError } from './errors.ts';
import type { Quad } from './rdf-terms.ts';
import { canonicalOf, type Canonical } from './nquads-read.ts';
import { canonicalSimple } from './rdfc-simple.ts';
import { assertContextsValid, assertExpandedValid } from './spec-checks.ts';
import { hasForeignKey } from './foreign-keys.ts';
import { NeedContext, toRdfFast } from './to-rdf.ts';
import { loadPrecomputed, precomputedWanted } from './precomputed.ts';
import { assertBoundedContextWork, assertBoundedContexts } from './work-bound.ts';
import { shorten } from '../display.ts';

export type RdfPath = 'fast' | 'reference';

/** Every context URL the document names, anywhere (embedded credentials carry their own). */
export function contextUrls(doc: unknown, out = new Set<string>(), depth = 0): Set<string> {
  if (depth > 64 || typeof doc !== 'object' || doc === null) return out;
  if (Array.isArray(doc)) {
    for (const v of doc) contextUrls(v, out, depth + 1);
    return out;
  }
  for (const [k, v] of Object.entries(doc)) {
    if (k === '@context') for (const c of Array.isArray(v) ? v : [v]) if (typeof c === 'string') out.add(c);
    if (typeof v === 'object') contextUrls(v, out, depth + 1);
  }
  return out;
}

/** Throws UnknownContextError for the first context URL that is not bundled. */
export function assertKnownContexts(doc: unknown, set: ContextSet = bundledContextSet()): void {
  for (const url of contextUrls(doc)) if (!set.contexts.has(url)) throw new UnknownContextError(url);
}

/** jsonld.js errors → Lanyard's: a context not bundled, or a document safe mode refuses. */
export function fromJsonLdError(e: unknown): Error {
  for (let c: unknown = e, i = 0; c && i < 8; i++) {
    if (c instanceof UnknownContextError) return c;
    const o = c as { details?: { cause?: unknown }; cause?: unknown };
    c = o.details?.cause ?? o.cause;
  }
  const err = e as { name?: string; message?: string; details?: { event?: { code?: string; details?: unknown }; code?: string } };
  if (typeof err?.name === 'string' && err.name.startsWith('jsonld.')) {
    const ev = err.details?.event;
    if (ev?.code === 'rdfDirection not set') return new UnspecifiedDirectionError({ cause: e });
    const plain = ev ? plainWords(ev.code, ev.details) : undefined;
    const what = plain ? `: ${plain} (JSON-LD ${ev!.code})` : ` (JSON-LD ${shorten(ev ? `${ev.code}: ${JSON.stringify(ev.details ?? {})}` : `${err.details?.code ?? err.name}: ${err.message}`, 200)})`;
    return new SafeModeError(`The credential's data cannot be read one way only, so what its issuer signed cannot be known${what}`, { cause: e });
  }
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * What the commonest safe-mode refusals (jsonld.js events) mean, in the credential's own words: a
 * term, type or id that JSON-LD would drop from the signed data (JSON-LD 1.1 API §4.4 drops a
 * property no context maps and a type or id that is not an absolute IRI). Others: undefined.
 */
function plainWords(code: unknown, details: unknown): string | undefined {
  const d = (typeof details === 'object' && details !== null ? details : {}) as Record<string, unknown>;
  // JSON quoting escapes quotes, line breaks and controls in the issuer's value.
  const quoted = (v: unknown) => (typeof v === 'string' ? JSON.stringify(shorten(v, 80)) : undefined);
  if (code === 'invalid property' && quoted(d.property)) return `its property ${quoted(d.property)} is defined by none of its JSON-LD contexts`;
  if (code === 'relative @type reference' && quoted(d.type)) return `its type ${quoted(d.type)} is defined by none of its JSON-LD contexts`;
  if (code === 'relative @id reference' && quoted(d.id)) return `its id ${quoted(d.id)} is not an absolute IRI`;
  return undefined;
}

/** The document's RDF dataset, and which path made it. */
export async function toRdf(doc: unknown, set: ContextSet = bundledContextSet()): Promise<{ quads: Quad[]; path: RdfPath }> {
  assertContextsValid(doc);
  // Each context named is processed in turn, bundled or not: a document naming thousands is refused first (work-bound.ts).
  assertBoundedContexts(doc);
  try {
    // Each retry learns one more context transition; a credential needs a handful at most.
    for (let i = 0; i < 256; i++) {
      try {
        return { quads: toRdfFast(doc, set), path: 'fast' };
      } catch (e) {
        if (!(e instanceof NeedContext)) throw e;
        // A precomputed transition in the part of the table not loaded yet (precomputed.ts): load it and convert again.
        if (precomputedWanted()) await loadPrecomputed();
        else await set.learn(e.active, e.local, e.mode);
      }
    }
  } catch (e) {
    if (!(e instanceof FastPathUnsupported)) throw fromJsonLdError(e);
  }
  // jsonld.js reprocesses scoped contexts at each node: a bomb of them is refused first (work-bound.ts).
  assertBoundedContextWork(doc);
  try {
    // jsonld.js's expansion, loaded only for a document that needs it (see fallback.ts).
    const { toRdfReference } = await import('./fallback.ts');
    return { quads: await toRdfReference(doc, set, { hasForeignKey, assertExpandedValid }), path: 'reference' };
  } catch (e) {
    throw fromJsonLdError(e);
  }
}

/**
 * Canonical N-Quads (RDFC-1.0) of `doc` when the fast path does it all synchronously (every
 * context transition already learnt, every blank node told apart by its own quads: a warm
 * credential); undefined otherwise, and `canonize` then does the work (and reports any error).
 * The same string `canonize` returns, without its promise hops.
 */
export function canonizeNow(doc: unknown, set: ContextSet = bundledContextSet()): string | undefined {
  return canonicalNow(doc, set)?.nquads;
}

/** `canonizeNow` with the statements of the canonical form's default graph (nquads-read.ts Canonical). */
export function canonicalNow(doc: unknown, set: ContextSet = bundledContextSet()): Canonical | undefined {
  try {
    assertContextsValid(doc);
    return canonicalSimple(toRdfFast(doc, set));
  } catch {
    return undefined;
  }
}

/**
 * Canonical N-Quads (RDFC-1.0) of `doc`. Throws UnknownContextError (a context not bundled) or
 * SafeModeError (an undefined term, a relative @id or @type…): never drops data silently.
 */
export async function canonize(doc: unknown, set: ContextSet = bundledContextSet()): Promise<string> {
  return (await canonical(doc, set)).nquads;
}

/** `canonize` with the statements of the canonical form's default graph (nquads-read.ts Canonical). */
export async function canonical(doc: unknown, set: ContextSet = bundledContextSet()): Promise<Canonical> {
  let quads: Quad[];
  try {
    ({ quads } = await toRdf(doc, set));
  } catch (e) {
    // A context that is not bundled is what to report, even when safe mode tripped over something first.
    assertKnownContexts(doc, set);
    throw e;
  }
  // Every blank node told apart by its own quads (credentials): RDFC-1.0 done synchronously.
  const simple = canonicalSimple(quads);
  if (simple !== undefined) return simple;
  // RDFC-1.0 §4.? hash function: SHA-256, computed synchronously (see proofs/sha256.ts).
  return canonicalOf(await rdfcFull(quads, { algorithm: 'RDFC-1.0', createMessageDigest }));
}

/**
 * rdf-canonize's `canonize` (the full RDFC-1.0, Hash N-Degree Quads included), loaded on first
 * need: credentials rarely need it (rdfc-simple.ts), and evaluating rdf-canonize was a sixth of
 * the first verification's start-up (issue 14).
 */
export async function rdfcFull(...args: Parameters<typeof import('rdf-canonize').canonize>): Promise<string> {
  const { canonize: rdfc } = await import('./rdfc-lib.ts');
  return rdfc(...args);
}
