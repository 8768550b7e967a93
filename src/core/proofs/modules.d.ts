/** Types for the untyped context package the proof suites bundle (see jsonld/suite-contexts.ts). */
declare module 'ed25519-signature-2018-context' {
  const m: { contexts: Map<string, unknown> };
  export default m;
}
