#!/usr/bin/env node
// Builds both packages: dist/chrome (vite build) and dist/firefox (vite build --mode firefox),
// then the command line: dist/cli/lanyard.mjs (vite build -c vite.cli.config.ts).
// Each build runs in its own process, one after the other; the first failure stops the script
// with a non-zero exit and the build's own error on stderr.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
const modes = [
  { name: 'chrome', args: ['build'] },
  { name: 'firefox', args: ['build', '--mode', 'firefox'] },
  { name: 'cli', args: ['build', '-c', 'vite.cli.config.ts'], output: 'lanyard.mjs' },
];

for (const { name, args, output = 'manifest.json' } of modes) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [vite, ...args], { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(`build: could not run vite for ${name}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) {
    console.error(`build: FAILED for ${name} (vite exited ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
  if (!existsSync(`${root}/dist/${name}/${output}`)) {
    console.error(`build: FAILED for ${name}: dist/${name}/${output} was not written`);
    process.exit(1);
  }
  console.log(`build: dist/${name} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
