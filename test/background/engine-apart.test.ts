/**
 * What engine.js carries stays out of background.js (src/core/verify/engine.ts): the worker's own
 * script imports neither the pipeline nor the recipient check, which it asks of the engine
 * (core/verify/recipient-match.ts, Verifier.matchRecipient). background.js is what a woken worker
 * parses for the popup's first message (issue 14: background_js_gz_kb, sw_wake_ms); the recipient
 * check brought md5 and the written-out SHA-256 into it, ~1.7 KB gzipped.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every source file `entry` reaches through static imports (type-only imports left out: they are erased). */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?\sfrom\s+'([^']+)'|^\s*import\s+'([^']+)'/gm)) {
      if (m[2]) continue;
      const spec = m[3] ?? m[4]!;
      if (!spec.startsWith('.')) continue;
      walk(resolve(dirname(file), spec));
    }
  };
  walk(resolve(entry));
  return seen;
}

describe('background.js and engine.js', () => {
  const graph = staticGraph('src/background/index.ts');
  const rel = (f: string) => resolve(f);

  it('the walk reaches the worker’s services (it reads the imports it should)', () => {
    expect(graph.has(rel('src/background/services/badge-record.ts'))).toBe(true);
    expect(graph.has(rel('src/background/services/verifier.ts'))).toBe(true);
    expect(graph.size).toBeGreaterThan(100);
  });

  it('the worker’s script imports neither the pipeline nor the recipient check: it asks them of the engine', () => {
    for (const f of ['src/core/verify/pipeline.ts', 'src/core/verify/recipient.ts', 'src/core/verify/recipient-match.ts', 'src/core/verify/md5.ts']) expect(graph.has(rel(f)), f).toBe(false);
  });

  it('engine.js carries them', () => {
    const engine = staticGraph('src/background/engine-entry.ts');
    for (const f of ['src/core/verify/pipeline.ts', 'src/core/verify/recipient.ts', 'src/core/verify/recipient-match.ts']) expect(engine.has(rel(f)), f).toBe(true);
  });
});
