/** Command-line arguments of `lanyard` (DESIGN.md "The command line"). */
import { isLanguageTag } from '../core/share/lang-text.ts';
import { parseInstant } from '../core/verify/validity.ts';

export interface CliArgs {
  /** Files, directories, URLs and `-` (standard input), in the order given. */
  inputs: string[];
  recipients: string[];
  now: Date;
  maps: { prefix: string; dir: string }[];
  offline: boolean;
  json: boolean;
  /** `--lang TAG`: the language to show a badge's texts in, when it gives several (else the environment's: locale.ts). */
  lang?: string;
  /** `--help` or `--version`: print and exit 0, verify nothing. */
  info?: 'help' | 'version';
}

export class UsageError extends Error {}

/** The exit statuses (DESIGN.md "The command line"); scripts rely on them, so they never change. */
export const EXIT = { valid: 0, notValid: 1, usageOrUnreadable: 2 } as const;

export const USAGE = `Usage: lanyard <file | dir | url | ->... [--recipient EMAIL]... [--now ISO-8601] [--lang TAG] [--map URL-PREFIX=DIR]... [--offline] [--json]
       lanyard --help | --version

Verifies Open Badges (baked PNG or SVG, JSON, compact JWS/JWT, or an http(s) URL), one after
another through one engine (shared caches). A directory is read recursively, in name order,
hidden entries left out; - reads standard input. Inputs over 8 MiB, a URL that is not one, and a
named pipe or device that gives no complete input within 15 s are refused as unreadable.

  --recipient EMAIL        an identity of yours (e-mail address, URL, telephone or DID) to check
                           whom each badge was issued to (repeatable; hashed identities too)
  --now ISO-8601           the time to verify at: 2026-11-26 (UTC) or 2026-11-26T09:30:00Z or
                           with an offset (+01:00) (default: now)
  --map URL-PREFIX=DIR     answer fetches of http(s) URLs under URL-PREFIX from files under DIR
                           (the rest of the URL is a path under DIR, tried as is, then + .json;
                           404 when missing) (repeatable)
  --offline                fetch nothing that is not mapped (unmapped documents: indeterminate)
  --json                   one JSON object per input and line, in input order, each naming its
                           source; an unreadable input is {"source","error","code"}, bad usage
                           {"error","code":"usage"}; nothing else is written to stdout
  --lang TAG               the language (BCP 47: fr, de-CH) to show a badge's name and issuer in
                           when it gives them in several (default: LANGUAGE's list, then LC_ALL,
                           LC_MESSAGES or LANG; else the badge's first)
  --help, -h               this text
  --version, -V            the version
  --                       what follows is an input, even if it starts with -

Network: each fetch gets 5 s, each input 15 s; a URL a badge names on a local or private network
(localhost, 10.x, 192.168.x, 169.254.x, .local...) is not fetched (indeterminate) unless its site is
that of an input URL given.

One report per input on stdout (verdict first, then one line per check), then a summary line on
stderr. A verdict is valid, invalid (a check failed: forged, revoked, expired, not a badge) or
indeterminate (a check could not be settled: usually a document that could not be fetched).
Exit status: 0 every input valid; 1 any input invalid or indeterminate;
2 bad usage, an input that cannot be read (the others are still verified and reported),
or a report that could not be written to standard output.`;

/** Options an outsider may try, and the one Lanyard has. */
const DID_YOU_MEAN: Record<string, string> = {
  '--identity': '--recipient', '--email': '--recipient', '--id': '--recipient', '--recipients': '--recipient',
  '--time': '--now', '--at': '--now', '--date': '--now', '--maps': '--map', '--no-network': '--offline', '--json-lines': '--json', '--language': '--lang', '--locale': '--lang',
  // -v is --verbose or --version elsewhere; this command has only --version (-V).
  '-v': '--version (-V)',
};

/**
 * ISO 8601 / RFC 3339 as `--now` takes it: a date (midnight UTC), or a date and time with `Z` or an
 * offset. A time without a zone is refused (JavaScript would read it as local time, silently).
 * `Date.parse` alone takes "1" as 2001-01-01 and 2026-02-30 as 2 March; both are refused here.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?)?$/;

export function parseNow(v: string): Date {
  const m = ISO.exec(v.trim());
  const bad = (why: string) => new UsageError(`--now must be an ISO 8601 date or time such as 2026-11-26 or 2026-11-26T09:30:00Z, not "${v}"${why}`);
  if (!m) throw bad('');
  if (m[4] !== undefined && m[7] === undefined) throw bad(' (give a time zone: Z or an offset such as +01:00)');
  // Read by the engine's own reader (validity.ts parseInstant, XML Schema 1.1 §3.3.7, proleptic
  // Gregorian): Date.UTC made years 0–99 into 1900–1999, so 0000-02-29 (a leap day) was "no such date".
  const t = parseInstant(m[4] === undefined ? `${m[1]}-${m[2]}-${m[3]}` : v.trim().replace(' ', 'T'));
  if (Number.isNaN(t) || Number(m[4] ?? 0) > 23) throw bad(' (no such date or time)');
  return new Date(t);
}

const BOOLEAN = new Set(['--offline', '--json', '--help', '-h', '--version', '-V']);

export function parseArgs(argv: readonly string[], clock: () => Date): CliArgs {
  const out: CliArgs = { inputs: [], recipients: [], now: clock(), maps: [], offline: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.inputs.push(...argv.slice(i + 1));
      break;
    }
    // `--flag=value`: split at the first `=` (for --map, the value holds its own `=`).
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const [flag, inline] = eq > 0 ? [a.slice(0, eq), a.slice(eq + 1)] : [a, undefined];
    if (inline !== undefined && BOOLEAN.has(flag)) throw new UsageError(`${flag} takes no value (given ${a})`);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      // `--recipient --offline a.json`: the next option is a forgotten value, not one (it went online
      // with the recipient "--offline"). No identity, date, tag or URL starts so; `--flag=-x` still can.
      if (inline === undefined && /^-(?:-|[A-Za-z])/.test(v)) throw new UsageError(`${flag} needs a value, not the option ${v} (to give it as the value: ${flag}=${v})`);
      if (v.trim() === '') throw new UsageError(`${flag} needs a value, not an empty one`);
      return v;
    };
    switch (flag) {
      case '--recipient': {
        // `-` names standard input as an input; no identity (e-mail, URL, telephone, DID) is `-`, and
        // `--recipient - < a.json` verified nothing and matched nobody.
        const v = value().trim();
        if (v === '-') throw new UsageError('--recipient needs an identity (e-mail address, URL, telephone or DID), not - (to read a badge from standard input, give - as an input on its own)');
        out.recipients.push(v);
        break;
      }
      case '--now': out.now = parseNow(value()); break;
      case '--map': {
        const v = value();
        const at = v.indexOf('=');
        if (at <= 0 || at === v.length - 1) throw new UsageError(`--map needs URL-PREFIX=DIR, not ${v}`);
        const prefix = v.slice(0, at);
        if (!/^https?:\/\/[^/]/i.test(prefix)) throw new UsageError(`--map: URL-PREFIX must be an http:// or https:// URL (such as https://example.org/), not ${prefix}`);
        out.maps.push({ prefix, dir: v.slice(at + 1) });
        break;
      }
      case '--offline': out.offline = true; break;
      case '--json': out.json = true; break;
      case '--lang': {
        const v = value().trim();
        if (!isLanguageTag(v)) throw new UsageError(`--lang needs a language tag such as fr or de-CH, not ${v}`);
        out.lang = v;
        break;
      }
      case '--help': case '-h': out.info ??= 'help'; break;
      case '--version': case '-V': out.info ??= 'version'; break;
      default: {
        if (a.startsWith('-') && a !== '-') {
          const hint = DID_YOU_MEAN[flag] ? ` (did you mean ${DID_YOU_MEAN[flag]}?)` : ' (a file whose name starts with - goes after --)';
          throw new UsageError(`Unknown option ${a}${hint}`);
        }
        if (a === '') throw new UsageError('An input is an empty string');
        out.inputs.push(a);
      }
    }
  }
  if (out.inputs.filter((x) => x === '-').length > 1) throw new UsageError('- (standard input) can be given only once');
  if (!out.info && out.inputs.length === 0) throw new UsageError('Give one or more files, directories or URLs to verify (- reads standard input)');
  return out;
}

/** Whether `--json` was asked for, read loosely: bad usage is then reported as JSON too. */
export const wantsJson = (argv: readonly string[]): boolean => {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
};
