/**
 * Whether a document is, or carries, a Verifiable Presentation (VC DM 2.0 §4.13): read by the
 * engine (presentation.ts) and by the import, which adds each credential of one holding several
 * (src/background/services/import-batch.ts) without the engine's JWS readers.
 */
type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const typesOf = (doc: Json): unknown[] => (Array.isArray(doc.type) ? doc.type : [doc.type]);

export function isPresentation(doc: Json): boolean {
  return typesOf(doc).includes('VerifiablePresentation');
}

export type EnvelopeKind = 'vc' | 'vp';

/**
 * Whether a document is an enveloped credential or presentation (VC DM 2.0 §4.13: type
 * `EnvelopedVerifiableCredential` or `EnvelopedVerifiablePresentation`), whose `id` is a data: URL
 * holding it secured (src/core/input/enveloped.ts).
 */
export function envelopeKind(doc: Json): EnvelopeKind | undefined {
  const types = typesOf(doc);
  if (types.includes('EnvelopedVerifiablePresentation')) return 'vp';
  return types.includes('EnvelopedVerifiableCredential') ? 'vc' : undefined;
}

/**
 * The presentation a document is or carries: itself (VC DM 2.0; VC-JOSE-COSE, whose JWT payload is
 * the presentation); its `vp` member, the claim a VP-JWT carries it in (VC DM 1.1 §6.3.1.2), which
 * OpenID4VP wallets present (walt.id's `vp_token`) and Verifier Plus takes as `{ "vp": … }`; or its
 * `verifiablePresentation` member, as a VC API verify request holds it (W3C VC API
 * §verifyPresentation); or a VC API body holding a credential, `{ verifiableCredential[, options] }`.
 * A document that is a credential itself (`vc`, `type`, `@context`) is not read for one. An enveloped
 * presentation (VC DM 2.0 §4.13) is one too, its presentation still to be read from its data: URL.
 */
export function presentationOf(doc: Json): Json | undefined {
  if (envelopeKind(doc) === 'vp' || isPresentation(doc)) return doc;
  if (doc.vc !== undefined || doc.type !== undefined) return undefined;
  // W3C VC API: a body that holds one credential, as issueCredential answers ({ verifiableCredential })
  // and verifyCredential takes it ({ verifiableCredential, options }): read as a presentation of it.
  if (doc['@context'] === undefined && doc.verifiableCredential !== undefined && Object.keys(doc).every((k) => k === 'verifiableCredential' || k === 'options')) return doc;
  const held = isObj(doc.vp) ? doc.vp : doc.verifiablePresentation;
  return isObj(held) && (isPresentation(held) || envelopeKind(held) === 'vp') ? held : undefined;
}
