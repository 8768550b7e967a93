/** Command-line arguments of `lanyard` (DESIGN.md "The command line"). */
export interface CliArgs {
  /** Files, directories and URLs, in the order given. */
  inputs: string[];
  recipients: string[];
  now: Date;
  maps: { prefix: string; dir: string }[];
  offline: boolean;
  json: boolean;
  /** `--help` or `--version`: print and exit 0, verify nothing. */
  info?: 'help' | 'version';
}

export class UsageError extends Error {}

export const USAGE = `Usage: lanyard <file | dir | url>... [--recipient EMAIL]... [--now ISO-8601] [--map URL-PREFIX=DIR]... [--offline] [--json]
       lanyard --help | --version

Verifies Open Badges (baked PNG or SVG, JSON, compact JWS, or a URL), one after another through
one engine (shared caches). A directory is read recursively, in name order.

  --recipient EMAIL        an identity of yours, to check whom each badge was issued to (repeatable)
  --now ISO-8601           the time to verify at (default: now)
  --map URL-PREFIX=DIR     serve URLs under URL-PREFIX from files under DIR (repeatable)
  --offline                fetch nothing that is not mapped
  --json                   one JSON object per input and line, in input order, each naming its source
  --help, -h               this text
  --version, -V            the version

One report per input on stdout, then a summary line on stderr.
Exit status: 0 every input valid, 1 any not valid (invalid or indeterminate),
2 bad usage or an input that cannot be read (the others are still verified and reported).`;

export function parseArgs(argv: readonly string[], clock: () => Date): CliArgs {
  const out: CliArgs = { inputs: [], recipients: [], now: clock(), maps: [], offline: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.inputs.push(...argv.slice(i + 1));
      break;
    }
    const [flag, inline] = a.startsWith('--') && a.includes('=') && !a.startsWith('--map') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--recipient': out.recipients.push(value()); break;
      case '--now': {
        const v = value();
        const t = Date.parse(v);
        if (Number.isNaN(t)) throw new UsageError(`--now must be an ISO 8601 time, not ${v}`);
        out.now = new Date(t);
        break;
      }
      case '--map': {
        const v = a.startsWith('--map=') ? a.slice(6) : value();
        const eq = v.indexOf('=');
        if (eq <= 0 || eq === v.length - 1) throw new UsageError(`--map needs URL-PREFIX=DIR, not ${v}`);
        out.maps.push({ prefix: v.slice(0, eq), dir: v.slice(eq + 1) });
        break;
      }
      case '--offline': out.offline = true; break;
      case '--json': out.json = true; break;
      case '--help': case '-h': out.info ??= 'help'; break;
      case '--version': case '-V': out.info ??= 'version'; break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option ${a}`);
        out.inputs.push(a);
    }
  }
  if (!out.info && out.inputs.length === 0) throw new UsageError('Give one or more files, directories or URLs to verify');
  return out;
}
