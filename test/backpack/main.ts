/** Entry point of `npm run backpack` (see cli.ts for the options). */
import { runCli } from './cli.ts';

await runCli(process.argv.slice(2));
