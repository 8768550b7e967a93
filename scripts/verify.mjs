// `npm run verify -- <file | dir | url | ->...`: the `lanyard` command (bin/lanyard.mjs), run in the
// directory the command was typed in. npm runs every script in the package's root and names the
// directory it was typed in INIT_CWD (npm docs, "scripts", current working directory): without this,
// a relative file or --map DIR typed in a subdirectory was looked for under the root instead.
try {
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
} catch {
  // That directory is gone: paths are read from the root, as before.
}
await import('../bin/lanyard.mjs');
