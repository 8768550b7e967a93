/**
 * scripts/popup-chunks.ts: the popup's first script as one chunk (issue 14, popup_ready_ms_0):
 * every module the page imports statically, and nothing that only a lazy screen loads.
 */
import { describe, expect, it } from 'vitest';
import { firstScriptChunk, type ChunkGraph } from '../../scripts/popup-chunks.ts';

/** A module graph: each id's static imports (a dynamic import() is not in importedIds, as in Rollup). */
const graph = (edges: Record<string, string[]>): ChunkGraph => ({ getModuleInfo: (id) => (id in edges ? { importedIds: edges[id]! } : null) });

describe('firstScriptChunk', () => {
  const g = graph({
    '/p/index.html': ['/p/main.tsx'],
    '/p/main.tsx': ['preact', '/p/App.tsx', '/p/styles.css?inline'],
    '/p/App.tsx': ['preact', '/p/errors.ts', '/p/routes.ts'],
    '/p/routes.ts': ['/p/lazy.tsx'],
    '/p/lazy.tsx': ['preact'],
    '/p/errors.ts': [],
    '/p/styles.css?inline': [],
    preact: [],
    // Loaded by routes.ts with import() only, and what it alone needs.
    '/p/BadgeScreen.tsx': ['preact', '/p/errors.ts', '/p/share.ts'],
    '/p/share.ts': [],
    // Another page of the build.
    '/q/other.ts': ['preact'],
  });

  it('puts every module the page imports statically, however deep, into the one chunk', () => {
    const chunk = firstScriptChunk('/p/index.html', 'popup');
    for (const id of ['/p/main.tsx', '/p/App.tsx', '/p/routes.ts', '/p/lazy.tsx', '/p/errors.ts', '/p/styles.css?inline', 'preact']) expect(chunk(id, g), id).toBe('popup');
  });

  it('leaves out the lazy screens and what only they import, another page, and the page module itself', () => {
    const chunk = firstScriptChunk('/p/index.html', 'popup');
    // The page module stays Vite's own: named into a chunk, its script tag was not written at all.
    for (const id of ['/p/BadgeScreen.tsx', '/p/share.ts', '/q/other.ts', '/p/index.html']) expect(chunk(id, g), id).toBeUndefined();
  });

  it('chooses nothing in a build without the page', () => {
    const chunk = firstScriptChunk('/p/missing.html', 'popup');
    expect(chunk('preact', g)).toBeUndefined();
    expect(chunk('/p/main.tsx', g)).toBeUndefined();
  });
});
