/** Command-line arguments of `lanyard` (DESIGN.md "The command line"). */
export interface CliArgs {
  input: string;
  recipients: string[];
  now: Date;
  maps: { prefix: string; dir: string }[];
  offline: boolean;
  json: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: lanyard <file | url> [--recipient EMAIL]... [--now ISO-8601] [--map URL-PREFIX=DIR]... [--offline] [--json]

Verifies an Open Badge (baked PNG or SVG, JSON, compact JWS, or a URL).
Exit status: 0 valid, 1 not valid (invalid or indeterminate), 2 bad usage or unreadable file.`;

export function parseArgs(argv: readonly string[], clock: () => Date): CliArgs {
  const out: CliArgs = { input: '', recipients: [], now: clock(), maps: [], offline: false, json: false };
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
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
      case '--help': case '-h': throw new UsageError('');
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option ${a}`);
        inputs.push(a);
    }
  }
  if (inputs.length !== 1) throw new UsageError(inputs.length ? 'Give exactly one file or URL' : 'Give a file or URL to verify');
  out.input = inputs[0]!;
  return out;
}
