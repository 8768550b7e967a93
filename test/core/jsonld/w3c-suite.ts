/**
 * The W3C JSON-LD 1.1 API toRdf tests (test/fixtures/w3c/json-ld-api-tests, see test/fixtures/README.md),
 * read from the manifest, and a document loader over the folder served at the suite's own base
 * IRI, https://w3c.github.io/json-ld-api/tests/ (for the tests only; nothing is fetched).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUITE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/w3c/json-ld-api-tests');
export const SUITE_BASE = 'https://w3c.github.io/json-ld-api/tests/';

export interface SuiteTest {
  id: string;
  name: string;
  negative: boolean;
  input: string;
  /** The input's URL: its document base. */
  url: string;
  expectErrorCode?: string;
  option: { specVersion?: string; processingMode?: string; [k: string]: unknown };
}

export function suiteTests(): { listed: number; tests: SuiteTest[] } {
  const manifest = JSON.parse(readFileSync(path.join(SUITE_DIR, 'toRdf-manifest.jsonld'), 'utf8')) as { sequence: Record<string, unknown>[] };
  const tests: SuiteTest[] = [];
  for (const t of manifest.sequence) {
    const input = t.input as string;
    tests.push({
      id: t['@id'] as string,
      name: t.name as string,
      negative: (t['@type'] as string[]).includes('jld:NegativeEvaluationTest'),
      input: JSON.parse(readFileSync(path.join(SUITE_DIR, input), 'utf8')) as string,
      url: SUITE_BASE + input,
      expectErrorCode: t.expectErrorCode as string | undefined,
      option: (t.option as SuiteTest['option']) ?? {},
    });
  }
  return { listed: manifest.sequence.length, tests };
}

/** Every JSON-LD document of the folder, by its URL under SUITE_BASE (remote contexts and inputs). */
export function suiteDocuments(): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const walk = (dir: string) => {
    for (const f of readdirSync(dir).sort()) {
      const file = path.join(dir, f);
      if (statSync(file).isDirectory()) walk(file);
      else if (f.endsWith('.jsonld') || f.endsWith('.json')) {
        const rel = path.relative(SUITE_DIR, file).split(path.sep).join('/');
        try {
          out.set(SUITE_BASE + rel, JSON.parse(readFileSync(file, 'utf8')));
        } catch {
          // A few inputs are deliberately not JSON (error tests): a loader that finds nothing refuses them.
        }
      }
    }
  };
  walk(SUITE_DIR);
  return out;
}
