/**
 * A bound on the work jsonld.js may do for one document (the reference path, fallback.ts).
 * jsonld.js processes a scoped context (JSON-LD 1.1 §4.1.8 property-scoped, §4.1.7 type-scoped)
 * again at each node that uses it: an inline context of 2,000 scoped terms used by 400 nodes, a
 * 70 KB credential, took 2 s, and the cost grows as terms × nodes, so a credential under 1 MB
 * could hold the service worker for minutes (the verification deadline bounds network waits, not
 * this). Before jsonld.js runs, (keys inside inline @context objects) × (objects in the document)
 * is measured, an over-estimate of that work; past the limit the credential is not canonicalized,
 * which leaves its signature indeterminate (verify-proof.ts), never invalid. Bundled contexts are
 * URLs and the fast path's memoised transitions: they do not count. Credentials seen so far inline
 * a few dozen terms at most.
 */

/**
 * The most contexts a document may name (each entry of each `@context`, a URL or an object). Each is
 * processed in turn (JSON-LD 1.1 API §4.1.2 step 5: a later one may redefine an earlier one's terms,
 * so a repeat is not skipped), the OB 3.0 context in about half a millisecond and more: a credential
 * naming it 20,000 times (1.3 MB) took 150 s. Bundled URLs counted for nothing above. Real credentials
 * name 2 to 13, a CLR with its credentials 27 (test/fixtures/real/1edtech-dcpv).
 */
export const MAX_CONTEXT_ENTRIES = 512;

/** About 2–3 s of jsonld.js work on a slow machine at the worst; a real credential is far below. */
export const MAX_CONTEXT_WORK = 1_000_000;

/**
 * The most JSON values (objects, array entries, strings, numbers…, outside and inside contexts) a
 * document may hold for Lanyard to turn it into RDF and canonicalize it when verifying. The work is
 * linear but not cheap: about 30-50 µs a value through expansion, RDFC-1.0 and the signed-reading
 * checks, so an OB 3.0 credential with 100,000 tags (0.9 MB) held the service worker 4.7 s, and one of
 * the 8 MiB a hover link may read about 40 s (the verification deadline bounds waiting, not work).
 * The largest real credentials in test/fixtures hold a few hundred (OB 3.0 complete: 553, CLR 2.0
 * complete: 445; a CLR 1.0 transcript of 4,591 is JWS-signed, not canonicalized); 50,000 leaves a
 * transcript of a hundred full credentials room. Past it the signature is `indeterminate`, too large
 * to check here, never `invalid`. A long string (an embedded image) is one value.
 */
export const MAX_DOCUMENT_VALUES = 50_000;

export class ContextWorkError extends Error {}

/** JSON values in `doc`, counting stops past `limit` (an iterative walk). */
export function valueCount(doc: unknown, limit = Infinity): number {
  let n = 0;
  const stack: unknown[] = [doc];
  while (stack.length && n <= limit) {
    const v = stack.pop();
    n++;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else for (const k in v) if (Object.hasOwn(v, k)) stack.push((v as Record<string, unknown>)[k]);
  }
  return n;
}

/** Throws ContextWorkError when `doc` holds more JSON values than Lanyard canonicalizes to verify one (MAX_DOCUMENT_VALUES). */
export function assertBoundedDocument(doc: unknown): void {
  if (valueCount(doc, MAX_DOCUMENT_VALUES) > MAX_DOCUMENT_VALUES) {
    throw new ContextWorkError(`it holds more than ${MAX_DOCUMENT_VALUES.toLocaleString('en')} JSON values, too large to check here (Lanyard canonicalizes at most that many to verify a proof)`);
  }
}

/** Objects in the document (outside contexts) and keys inside inline context objects, by an iterative walk. */
export function contextWork(doc: unknown): { objects: number; terms: number; contexts: number } {
  let objects = 0;
  let terms = 0;
  let contexts = 0;
  const stack: [value: unknown, inContext: boolean][] = [[doc, false]];
  while (stack.length) {
    const [v, inContext] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const x of v) stack.push([x, inContext]);
      continue;
    }
    if (inContext) terms += Object.keys(v).length;
    else objects++;
    for (const [k, x] of Object.entries(v)) {
      if (k === '@context' && !inContext) contexts += Array.isArray(x) ? x.length : 1;
      stack.push([x, inContext || k === '@context']);
    }
  }
  return { objects, terms, contexts };
}

/** Throws ContextWorkError when the document names more contexts than any credential does (MAX_CONTEXT_ENTRIES), before any is processed. */
export function assertBoundedContexts(doc: unknown): void {
  const { contexts } = contextWork(doc);
  if (contexts > MAX_CONTEXT_ENTRIES) {
    throw new ContextWorkError(`it names ${contexts} JSON-LD contexts, which would take too long to process (limit ${MAX_CONTEXT_ENTRIES})`);
  }
}

/** Throws ContextWorkError when jsonld.js could be made to work too long on `doc`. */
export function assertBoundedContextWork(doc: unknown): void {
  const { objects, terms } = contextWork(doc);
  if (objects * terms > MAX_CONTEXT_WORK) {
    throw new ContextWorkError(
      `its inline JSON-LD contexts (${terms} terms) over ${objects} objects would take too long to process (limit ${MAX_CONTEXT_WORK} term uses)`,
    );
  }
}
