/** The bundled context documents (contexts.ts, generated) are the packages' (context-packages.ts), URL for URL and in order. */
import { describe, expect, it } from 'vitest';
import { source, urlsSource } from '../../../scripts/gen-bundled-contexts.mts';
import { contextsFromPackages, ob3BetaFromPackage } from '../../../src/core/jsonld/context-packages.ts';
import { bundledContexts, ob3BetaDocument, VC_V2, loadBundledContexts } from '../../../src/core/jsonld/contexts.ts';
import { readFileSync } from 'node:fs';

// The bundled context documents are loaded on first need (contexts.ts); these tests read them directly.
await loadBundledContexts();

describe('bundled contexts', () => {
  it('are the documents the packages publish, under the same URLs in the same order', () => {
    const packages = contextsFromPackages();
    expect([...bundledContexts().keys()]).toEqual([...packages.keys()]);
    for (const [url, doc] of packages) expect(bundledContexts().get(url), url).toStrictEqual(doc);
    expect(bundledContexts().size).toBe(packages.size);
    expect(packages.size).toBeGreaterThan(20);
  });

  it('include the OB 3.0 beta document of the package', () => {
    expect(ob3BetaFromPackage()).toBeDefined();
    expect(ob3BetaDocument()).toStrictEqual(ob3BetaFromPackage());
  });

  it('is what the generator writes today', () => {
    expect(readFileSync(new URL('../../../src/core/jsonld/context-documents.ts', import.meta.url), 'utf8') === source()).toBe(true);
    expect(readFileSync(new URL('../../../src/core/jsonld/context-urls.ts', import.meta.url), 'utf8') === urlsSource()).toBe(true);
  });

  it('give the same object each time, and iterate as a Map', () => {
    const m = bundledContexts();
    expect(m.get(VC_V2)).toBe(m.get(VC_V2));
    expect(m.has(VC_V2)).toBe(true);
    expect(m.get('https://example.org/unknown')).toBeUndefined();
    expect(m.has('https://example.org/unknown')).toBe(false);
    const copy = new Map(m);
    expect(copy.get(VC_V2)).toBe(m.get(VC_V2));
    expect([...m.values()].length).toBe(m.size);
    let n = 0;
    m.forEach((doc, url) => {
      expect(doc).toBe(m.get(url));
      n++;
    });
    expect(n).toBe(m.size);
  });
});
