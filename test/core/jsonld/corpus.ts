/** The credentials of the conformance corpus that carry JSON-LD, and a context set that also knows the W3C examples context (test vectors only). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { bundledContexts, loadBundledContexts } from '../../../src/core/jsonld/contexts.ts';
import { ContextSet } from '../../../src/core/jsonld/context-set.ts';
import { CONFORMANCE_DIR } from '../../support/conformance.ts';

// The bundled context documents are loaded on first need (contexts.ts); these tests read them directly.
await loadBundledContexts();

export const STATUS_LIST_FILE = path.join(
  CONFORMANCE_DIR,
  'hosts/raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist',
);

export function corpusCredentials(): { name: string; doc: Record<string, unknown> }[] {
  const out: { name: string; doc: Record<string, unknown> }[] = [];
  for (const dir of ['ob30', 'ob3-testvector', 'dcc', 'w3c']) {
    for (const f of readdirSync(path.join(CONFORMANCE_DIR, dir)).sort()) {
      if (!f.endsWith('.json') || f.startsWith('context') || f === 'keyPair.json') continue;
      out.push({ name: `${dir}/${f}`, doc: JSON.parse(readFileSync(path.join(CONFORMANCE_DIR, dir, f), 'utf8')) });
    }
  }
  out.push({ name: 'hosts/…/bit-string-list/testlist', doc: JSON.parse(readFileSync(STATUS_LIST_FILE, 'utf8')) });
  return out;
}

export const EXAMPLES_CONTEXT = 'https://www.w3.org/ns/credentials/examples/v2';

/** The bundled contexts plus the W3C examples context (w3c/ test vectors use it; Lanyard does not bundle it). */
export function testContexts(): Map<string, unknown> {
  const m = new Map(bundledContexts());
  m.set(EXAMPLES_CONTEXT, JSON.parse(readFileSync(path.join(CONFORMANCE_DIR, 'w3c/context_credentials-examples-v2.json'), 'utf8')));
  return m;
}

export const testContextSet = (): ContextSet => new ContextSet(testContexts());

/** jsonld.js's own canonicalization, the reference: `jsonld.canonize(…, {algorithm: 'RDFC-1.0', safe: true})` with a static loader. */
export async function referenceCanon(doc: unknown, contexts = testContexts()): Promise<string> {
  const { default: jsonld } = await import('jsonld');
  const documentLoader = async (url: string) => {
    const document = contexts.get(url);
    if (document === undefined) throw new Error(`no context ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
  return jsonld.canonize(doc as object, { algorithm: 'RDFC-1.0', safe: true, documentLoader } as never) as unknown as Promise<string>;
}
