/**
 * Errors the JSON-LD 1.1 API requires that jsonld.js 9 does not raise (found by the W3C toRdf
 * suite, issue 11): without these checks the engine would turn such a document into RDF where a
 * conforming processor refuses it. Both conversion paths are held to them.
 */
import { SpecError } from './errors.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function refuse(code: string, what: string): never {
  throw new SpecError(`The credential's data cannot be read one way only, so what its issuer signed cannot be known (JSON-LD ${code}: ${what})`);
}

/**
 * JSON-LD 1.1 API §4.1.2 (Context Processing) step 5.5 and §4.2.2 (Create Term Definition) step 4:
 * `@context` is a keyword, so a local context that has an `@context` entry is a keyword
 * redefinition (W3C test er56). jsonld.js unwraps it as if it were a remote context document (silently).
 */
function checkLocalContext(ctx: unknown, depth: number): void {
  if (depth > 64) refuse('invalid local context', 'nested too deep');
  for (const c of Array.isArray(ctx) ? ctx : [ctx]) {
    if (!isObj(c)) continue;
    if (Object.hasOwn(c, '@context')) refuse('keyword redefinition', 'a local context has an @context entry');
    for (const def of Object.values(c)) if (isObj(def) && Object.hasOwn(def, '@context')) checkLocalContext(def['@context'], depth + 1);
  }
}

/** Before conversion: every context the document carries inline. */
export function assertContextsValid(doc: unknown, depth = 0): void {
  if (typeof doc !== 'object' || doc === null || depth > 512) return;
  if (Array.isArray(doc)) {
    for (const v of doc) assertContextsValid(v, depth + 1);
    return;
  }
  for (const k of Object.keys(doc)) {
    const v = (doc as Obj)[k];
    if (k === '@context') checkLocalContext(v, 0);
    else assertContextsValid(v, depth + 1);
  }
}

/**
 * After expansion (the jsonld.js path): §5.1.2 (Expansion) step 13.4.4.3 and 15: a value object's
 * `@type` is one IRI (invalid typed value, W3C test er54); jsonld.js 9 lets an array through and
 * writes it into the literal's datatype.
 */
export function assertExpandedValid(expanded: unknown, depth = 0): void {
  if (typeof expanded !== 'object' || expanded === null || depth > 1024) return;
  if (Array.isArray(expanded)) {
    for (const v of expanded) assertExpandedValid(v, depth + 1);
    return;
  }
  const o = expanded as Obj;
  if (Object.hasOwn(o, '@value')) {
    if (Object.hasOwn(o, '@type') && typeof o['@type'] !== 'string') refuse('invalid typed value', 'a value object with more than one @type');
    return;
  }
  for (const k of Object.keys(o)) assertExpandedValid(o[k], depth + 1);
}
