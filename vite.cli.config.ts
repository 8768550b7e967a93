/**
 * The command-line verifier as one plain JavaScript file for Node: `vite build -c vite.cli.config.ts`
 * → dist/cli/lanyard.mjs, exporting `main(argv)` (src/cli/main.ts); bin/lanyard.mjs runs it.
 * Every dependency is bundled in (ssr.noExternal), so the installed package needs nothing at run
 * time but Node's own modules; minified, because parse time is part of every start-up.
 * scripts/build.mjs builds it with the extension; bin/lanyard.mjs rebuilds it in a source checkout
 * when src/ is newer (scripts/cli-build.mjs).
 */
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    minify: true,
    reportCompressedSize: false,
    // A dynamic import becomes a chunk beside it (package.json `files` ships all of dist/cli/).
    rollupOptions: { output: { entryFileNames: 'lanyard.mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', format: 'es' } },
  },
  ssr: { target: 'node', noExternal: true },
});
