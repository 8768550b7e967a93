/**
 * The popup's first script as one file (issue 14, `popup_ready_ms_0`): every module that the
 * popup's page imports statically (what its first screen needs) goes into one chunk, rather than
 * Rollup's default split, where the modules the lazy screens share with it (preact, errors.ts,
 * display.ts, format.ts…) became chunks of their own: index.html then named 5 modulepreloads
 * beside its script, 6 files that Chromium fetched from the extension, compiled and linked one by
 * one before the first render. The lazy screens import what they share from this chunk instead.
 * The page's own module (index.html's facade) stays outside: given to a named chunk, Vite's HTML
 * step wrote no script tag at all.
 */
export interface ChunkGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
}

/** Rollup's `output.manualChunks` for a build whose page `entry` (an absolute id) loads one first script, `name`. */
export function firstScriptChunk(entry: string, name: string): (id: string, graph: ChunkGraph) => string | undefined {
  let first: Set<string> | undefined;
  return (id, { getModuleInfo }) => {
    if (!first) {
      if (!getModuleInfo(entry)) return undefined;
      first = new Set([entry]);
      // Static imports only: a dynamic import() is what a later screen loads.
      for (const m of first) for (const next of getModuleInfo(m)?.importedIds ?? []) first.add(next);
    }
    return id !== entry && first.has(id) ? name : undefined;
  };
}
