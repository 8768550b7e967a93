/**
 * A bug in the engine (it throws instead of returning a result) while `lanyard` verifies many inputs:
 * that input is reported as an internal error, never valid (exit 1), without a stack trace, and the
 * inputs after it are still verified. The engine is replaced by one that throws for a file named boom.json.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/cli/engine.ts', async (original) => {
  const real = await original<typeof import('../../src/cli/engine.ts')>();
  return {
    ...real,
    createEngine: (opts: Parameters<typeof real.createEngine>[0]) => {
      const engine = real.createEngine(opts);
      return { verify: (input: Uint8Array | string, signal?: AbortSignal) => (new TextDecoder().decode(input as Uint8Array).includes('"boom"') ? Promise.reject(new TypeError('boom is not a function')) : engine.verify(input, signal)) };
    },
  };
});

const { main } = await import('../../src/cli/main.ts');

describe('lanyard when the engine throws', () => {
  it('reports an internal error for that input (never valid), then goes on', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-internal-'));
    const boom = path.join(dir, 'boom.json');
    const empty = path.join(dir, 'empty.json');
    writeFileSync(boom, '{"boom": true}');
    writeFileSync(empty, '');
    let stdout = '';
    let stderr = '';
    const code = await main([boom, empty, '--json', '--offline'], { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
    expect(code).toBe(1);
    const out = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toEqual({ source: boom, error: 'internal error: boom is not a function', code: 'internal' });
    expect(out[1]).toMatchObject({ source: empty, verdict: 'invalid' });
    expect(stderr).toContain(`lanyard: internal error while verifying ${boom}: boom is not a function (please report it)`);
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
