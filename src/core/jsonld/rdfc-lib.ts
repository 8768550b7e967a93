/**
 * rdf-canonize, in a module only ever imported dynamically (canonize.ts `rdfcFull`), like
 * jsonld-lib.ts: rdf-canonize is CommonJS, and importing it from the engine's own modules put the
 * bundler's CommonJS interop runtime among the files the engine's entry loads before the first
 * verification (issue 14); re-exported from here, the interop stays in the lazily loaded chunk.
 */
export { canonize } from 'rdf-canonize';
