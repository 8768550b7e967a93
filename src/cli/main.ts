/**
 * `lanyard <file | url> [--recipient E]... [--now T] [--map PREFIX=DIR]... [--offline] [--json]`
 * Exit 0 valid, 1 invalid or indeterminate, 2 bad usage or an unreadable file.
 */
import { readFile } from 'node:fs/promises';
import { verify } from '../core/verify/pipeline.ts';
import { parseArgs, USAGE, UsageError } from './args.ts';
import { createMapFetch } from './map-fetch.ts';
import { toJson, toText } from './report.ts';

export async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv, () => new Date());
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) process.stderr.write(`lanyard: ${e.message}\n`);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let input: Uint8Array | string;
  if (/^https?:\/\//i.test(args.input)) input = args.input;
  else {
    try {
      input = new Uint8Array(await readFile(args.input));
    } catch (e) {
      process.stderr.write(`lanyard: cannot read ${args.input}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      return 2;
    }
  }
  const fetch = createMapFetch(args.maps, { offline: args.offline, timeoutMs: 5000 });
  const result = await verify(input, { fetch, now: args.now, identities: args.recipients });
  process.stdout.write(`${args.json ? toJson(result) : toText(result)}\n`);
  return result.verdict === 'valid' ? 0 : 1;
}
