#!/usr/bin/env node
// The `lanyard` command: runs the bundled verifier (dist/cli/lanyard.mjs, built by vite.cli.config.ts).
// In a source checkout (src/ beside bin/) it first rebuilds the bundle when src/ is newer than it.
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+: reuse compiled code across runs (a no-op where the API does not exist).
module.enableCompileCache?.();
try {
  if (existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
    const { ensureCliBuilt } = await import('../scripts/cli-build.mjs');
    await ensureCliBuilt();
  }
  const { main } = await import('../dist/cli/lanyard.mjs');
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // Not a user's mistake (those are messages from main): a bug or a broken install. Never exit 0.
  // The message may quote a path or input: its controls are shown, never obeyed (src/cli/terminal.ts does it for main).
  const shown = (t) => String(t).replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  process.stderr.write(`lanyard: internal error: ${shown(e?.message ?? e)}${process.env.LANYARD_DEBUG ? `\n${shown(e?.stack)}` : ' (LANYARD_DEBUG=1 shows where)'}\n`);
  process.exitCode = 1;
}
