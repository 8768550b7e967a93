/**
 * `main(argv, io)` (src/cli/main.ts) in this process, as an outside examiner drives the command:
 * standard input, URLs served from 127.0.0.1, files that cannot be read or are far too large, bad
 * usage under --json, whom a badge was issued to, and hostile text in the JSON. Each asserts the
 * exit status, what is on stdout (only reports; one JSON object per line under --json) and stderr.
 */
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { failure, MAX_INPUT_BYTES } from '../../src/cli/inputs.ts';
import { USAGE } from '../../src/cli/args.ts';
import { buildPng, itxt, text } from '../core/input/png-builder.ts';
import { CONFORMANCE_DIR } from '../support/conformance.ts';

const FIXTURES_REAL = path.resolve(import.meta.dirname, '../fixtures/real');
const GOOD = path.join(CONFORMANCE_DIR, 'dcc/v2_ed25519_didKey_legacy-noStatus-noExpiry.json');
const NOW = ['--now', '2026-11-26T00:00:00Z'];
const HOSTS = path.join(CONFORMANCE_DIR, 'hosts/example.org');
const MAPS = ['--map', `https://example.org/=${HOSTS}`, '--map', `http://example.org/=${HOSTS}`];
const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-main-'));

interface Run { code: number; stdout: string; stderr: string }
async function run(argv: string[], stdin?: Uint8Array): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => void (stdout += t), err: (t: string) => void (stderr += t), stdin: (async function* () { if (stdin) yield stdin; })() };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
const lines = (r: Run) => r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);

let server: Server;
let base: string;
beforeAll(async () => {
  const good = readFileSync(GOOD);
  server = createServer((req, res) => {
    if (req.url === '/good.json') res.writeHead(200, { 'content-type': 'application/json' }).end(good);
    else if (req.url === '/reset') req.socket.destroy();
    else if (req.url === '/trickle') {
      // Headers at once, then a byte every 200 ms: only a timeout that covers the body ends it.
      res.writeHead(200, { 'content-type': 'application/json' }).write('{"a":');
      const t = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(t));
    }
    else res.writeHead(404).end('no');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))));

describe('lanyard inputs', () => {
  it('reads - from standard input, naming it "-"', async () => {
    const r = await run(['-', '--json', '--offline', ...NOW], new Uint8Array(readFileSync(GOOD)));
    expect(r.code).toBe(0);
    expect(lines(r)).toMatchObject([{ source: '-', verdict: 'valid' }]);
  });

  it('verifies an http URL served from 127.0.0.1, and says why an unreachable one is indeterminate (never invalid)', async () => {
    // A port that was just free: nothing listens there (ports 1 and 9 are refused by fetch itself, as "bad port").
    const spare = createServer();
    await new Promise<void>((r) => spare.listen(0, '127.0.0.1', r));
    const closed = `http://127.0.0.1:${(spare.address() as AddressInfo).port}/badge.json`;
    await new Promise<void>((r) => spare.close(() => r()));
    const r = await run([`${base}/good.json`, `${base}/reset`, closed, '--json', ...NOW]);
    const out = lines(r);
    expect(out.map((l) => l.verdict)).toEqual(['valid', 'indeterminate', 'indeterminate']);
    const hosted = (l: Record<string, any>) => l.checks.find((c: { id: string }) => c.id === 'hosted').message as string;
    expect(hosted(out[2]!)).toMatch(/connection refused \(ECONNREFUSED\)/);
    expect(hosted(out[1]!)).not.toBe(`${base}/reset could not be fetched: fetch failed`);
    expect(r.code).toBe(1);
  });

  it('gives up on a server that trickles its answer after the 5 s fetch timeout, not the 15 s deadline: indeterminate, saying why', { timeout: 30_000 }, async () => {
    const started = Date.now();
    const r = await run([`${base}/trickle`, '--json', ...NOW]);
    const hosted = lines(r)[0]!.checks.find((c: { id: string }) => c.id === 'hosted');
    expect(hosted).toMatchObject({ outcome: 'indeterminate', message: `${base}/trickle could not be fetched: no complete answer within 5 s` });
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(r.code).toBe(1);
  });

  it('refuses a file over 8 MiB and an endless device as unreadable (exit 2), with words and a code, and goes on', async () => {
    const big = path.join(dir, 'big.png');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_INPUT_BYTES + 1); // sparse: no 8 MiB written
    closeSync(fd);
    const inputs = [big, ...(existsSync('/dev/zero') ? ['/dev/zero'] : []), GOOD];
    const r = await run([...inputs, '--json', '--offline', ...NOW]);
    expect(r.code).toBe(2);
    const out = lines(r);
    expect(out).toHaveLength(inputs.length);
    for (const l of out.slice(0, -1)) expect(l).toMatchObject({ error: 'cannot read: larger than 8 MiB, the most Lanyard reads', code: 'TOO_LARGE' });
    expect(out.at(-1)).toMatchObject({ source: GOOD, verdict: 'valid' });
    expect(r.stderr).toContain(`cannot read ${big}: larger than 8 MiB`);
  });

  it('says what is wrong with a missing file in words, with the errno as its code', async () => {
    const missing = path.join(dir, 'missing.json');
    const r = await run([missing, '--json']);
    expect(r.code).toBe(2);
    expect(lines(r)).toEqual([{ source: missing, error: 'cannot read: no such file or directory', code: 'ENOENT' }]);
    expect(r.stderr).toContain(`cannot read ${missing}: no such file or directory`);
    expect(failure({ code: 'EACCES' }).message).toBe('permission denied');
  });

  it('says what a missing input was probably meant to be: an address for --recipient, a URL without https://', async () => {
    const r = await run([GOOD, 'me@example.org', 'issuer.example.org/badges/1.json', '--json', '--offline', ...NOW]);
    expect(r.code).toBe(2);
    expect(lines(r).slice(1).map((l) => l.error)).toEqual([
      'cannot read: no such file or directory (to check whom badges were issued to: --recipient me@example.org)',
      'cannot read: no such file or directory (a URL needs its scheme: https://issuer.example.org/badges/1.json)',
    ]);
  });

  it('refuses a URL it does not fetch (file://) instead of looking for a file of that name', async () => {
    const r = await run([`file://${GOOD}`, '--json']);
    expect(r.code).toBe(2);
    expect(lines(r)).toEqual([{ source: `file://${GOOD}`, error: 'cannot read: only http:// and https:// URLs are fetched (give a file by its path)', code: 'UNSUPPORTED_URL' }]);
  });

  it('reads a file whose name is not UTF-8 in a directory (it was "no such file or directory"), naming it as best it can', async () => {
    const sub = path.join(dir, 'latin1');
    mkdirSync(sub);
    writeFileSync(Buffer.concat([Buffer.from(`${sub}/caf`), Buffer.from([0xe9]), Buffer.from('.json')]), readFileSync(GOOD));
    writeFileSync(path.join(sub, 'z.json'), readFileSync(GOOD));
    const r = await run([sub, '--json', '--offline', ...NOW]);
    expect(lines(r).map((l) => [l.source, l.verdict])).toEqual([[`${sub}/caf\uFFFD.json`, 'valid'], [`${sub}/z.json`, 'valid']]);
    expect(r.code).toBe(0);
  });

  it('refuses a URL carrying a user name or password as unreadable (exit 2), as the extension refuses it, instead of an indeterminate badge', async () => {
    const r = await run(['https://me:secret@issuer.example/badge.json', GOOD, '--json', '--offline', ...NOW]);
    expect(r.code).toBe(2);
    expect(lines(r)[0]).toEqual({ source: 'https://me:secret@issuer.example/badge.json', error: expect.stringMatching(/^cannot read: a URL with a user name or password is not fetched/), code: 'URL_CREDENTIALS' });
    expect(lines(r)[1]).toMatchObject({ source: GOOD, verdict: 'valid' });
  });

  it('refuses a URL typed wrong (a space, no host, an open bracket) as unreadable (exit 2): it was an INVALID badge, none having been read', async () => {
    const typos = ['https://issuer.example/badges/my badge.json', 'https://', 'http://[::1/x'];
    const r = await run([...typos, GOOD, '--json', '--offline', ...NOW]);
    expect(r.code).toBe(2);
    expect(lines(r)).toEqual([...typos.map((source) => ({ source, error: expect.stringMatching(/^cannot read: not a URL Lanyard can fetch/), code: 'BAD_URL' })), expect.objectContaining({ source: GOOD, verdict: 'valid' })]);
    expect(r.stderr).toContain('lanyard: cannot read https://issuer.example/badges/my badge.json: not a URL');
  });

  it('a URL ending in a space the URL parser keeps (U+00A0, U+2028: trim() drops them, the host cannot hold them) is unreadable (exit 2), not a crash', async () => {
    const typos = ['https://issuer.example\u00a0', 'https://issuer.example\u2028'];
    const r = await run([...typos, GOOD, '--json', '--offline', ...NOW]);
    expect(r.code).toBe(2);
    expect(lines(r)).toEqual([...typos.map((source) => ({ source, error: expect.stringMatching(/^cannot read: not a URL Lanyard can fetch/), code: 'BAD_URL' })), expect.objectContaining({ source: GOOD, verdict: 'valid' })]);
  });

  it('under --offline, says that an unmapped document was not fetched because of --offline (indeterminate)', async () => {
    const r = await run(['https://issuer.example/badge.json', '--json', '--offline']);
    expect(r.code).toBe(1);
    const hosted = lines(r)[0]!.checks.find((c: { id: string }) => c.id === 'hosted');
    expect(hosted).toMatchObject({ outcome: 'indeterminate', message: 'https://issuer.example/badge.json could not be fetched: --offline, and no --map covers it' });
  });
});

describe('lanyard on baked images and text files as issuers write them', () => {
  it('reads iTXt and old tEXt PNGs, SVGs with CDATA and with a verify URL only, and BOM/CRLF/padded text', async () => {
    const assertion = readFileSync(path.join(CONFORMANCE_DIR, 'ob20/basic-assertion.json'), 'utf8');
    const id = (JSON.parse(assertion) as { id: string }).id;
    const svg = (body: string) => `<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">${body}<rect/></svg>`;
    const jwt = readFileSync(path.join(CONFORMANCE_DIR, 'ob20/simple.jwt'), 'utf8').trim();
    const files: [string, string | Uint8Array][] = [
      ['itxt.png', buildPng(itxt('openbadges', assertion))],
      ['text.png', buildPng(text('openbadges', assertion))],
      ['cdata.svg', svg(`<openbadges:assertion verify="${id}"><![CDATA[${assertion}]]></openbadges:assertion>`)],
      ['verify.svg', svg(`<openbadges:assertion verify="${id}"/>`)],
      ['bom-crlf.json', `\uFEFF${assertion.replace(/\n/g, '\r\n')}`],
      ['padded.jws', `  \n${jwt}\r\n\n`],
      ['padded.txt', `${jwt}\n`],
      // SVG 1.1 §1.2: an SVGZ is the SVG compressed with gzip.
      ['cdata.svgz', new Uint8Array(gzipSync(svg(`<openbadges:assertion verify="${id}"><![CDATA[${assertion}]]></openbadges:assertion>`)))],
    ];
    const paths = files.map(([n, d]) => (writeFileSync(path.join(dir, n), d), path.join(dir, n)));
    const r = await run([...paths, '--json', '--offline', ...NOW, ...MAPS, '--recipient', 'nobody@example.org']);
    expect(lines(r).map((l) => [path.basename(l.source), l.verdict, l.input.kind])).toEqual([
      ['itxt.png', 'valid', 'png'], ['text.png', 'valid', 'png'], ['cdata.svg', 'valid', 'svg'], ['verify.svg', 'valid', 'svg'],
      ['bom-crlf.json', 'valid', 'json'], ['padded.jws', 'valid', 'jws'], ['padded.txt', 'valid', 'jws'], ['cdata.svgz', 'valid', 'svg'],
    ]);
    expect(r.code).toBe(0);
  });
});

describe('lanyard bad usage', () => {
  it('--version under --json is JSON too', async () => {
    const { version } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
    const r = await run(['--version', '--json']);
    expect(r.code).toBe(0);
    expect(lines(r)).toEqual([{ name: 'lanyard', version }]);
  });

  it('--help under --json is JSON too (stdout held the usage text, the one thing under --json that was not a JSON line)', async () => {
    const r = await run(['--help', '--json']);
    expect(r.code).toBe(0);
    expect(lines(r)).toEqual([{ usage: USAGE }]);
    expect((await run(['--help'])).stdout).toBe(`${USAGE}\n`);
  });

  it('under --json prints one JSON object on stdout and a short message on stderr; exit 2', async () => {
    const r = await run(['a.json', '--json', '--now', 'tomorrow']);
    expect(r.code).toBe(2);
    expect(lines(r)).toEqual([{ error: expect.stringMatching(/^usage: --now must be an ISO 8601/), code: 'usage' }]);
    expect(r.stderr).toMatch(/^lanyard: --now must be/);
    expect(r.stderr).toContain('lanyard --help');
  });

  it('refuses a --map whose directory does not exist, before verifying anything', async () => {
    const r = await run([GOOD, '--map', `https://example.org/=${path.join(dir, 'nope')}`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/nope is not a directory/);
  });
});

describe('lanyard reports', () => {
  it('names whom the badge was issued to and which --recipient matched it', async () => {
    const jwt = path.join(CONFORMANCE_DIR, 'ob20/simple.jwt');
    const yes = await run([jwt, '--offline', ...NOW, ...MAPS, '--recipient', 'nobody@example.org']);
    expect(yes.code).toBe(0);
    const head = yes.stdout.split('\n').slice(0, 5);
    expect(head[0]).toMatch(/^VALID /);
    expect(head).toContain('issued to: email sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942 (hashed, salted)');
    expect(head).toContain('matches: --recipient nobody@example.org');
    const no = await run([jwt, '--offline', ...NOW, ...MAPS, '--recipient', 'someone@example.org']);
    expect(no.code).toBe(1);
    expect(no.stdout.split('\n')[0]).toMatch(/^INVALID /);
    expect(no.stdout).toContain('matches: none of --recipient someone@example.org');
    // Not compared (the badge could not be checked, or names no comparable identity): said so, with the engine's reason.
    const unchecked = await run([path.join(CONFORMANCE_DIR, 'ob20/basic-assertion.json'), '--offline', ...NOW, '--recipient', 'nobody@example.org']);
    expect(unchecked.stdout).toContain('matches: not checked (The hosted copy is needed for this check)');
    const phone = await run([jwt, '--offline', ...NOW, ...MAPS, '--recipient', '+33 1 23 45 67 89']);
    expect(phone.stdout).toContain('matches: not checked (The badge names no identity comparable with yours (it names: email))');
    const nobody = await run([path.join(FIXTURES_REAL, 'dcc-verifier-core/v2WithValidStatus.json'), '--offline', ...NOW]);
    expect(nobody.stdout.split('\n')).toContain('issued to: (the badge names no recipient)');
  });

  it('escapes hostile text everywhere in the human report and on stderr: recipient, file name, --recipient, errors', async () => {
    const evil = 'A\u001b]8;;http://evil\u0007link\u001b[2K\r\bB\u009b31m\u202eC\u2028D\u0000';
    const assertion = JSON.parse(readFileSync(path.join(CONFORMANCE_DIR, 'ob20/basic-assertion.json'), 'utf8'));
    assertion.recipient = { type: 'email', hashed: false, identity: `me${evil}@example.org` };
    const file = path.join(dir, `evil${evil.replace(/[\u0000/]/g, '')}.json`);
    writeFileSync(file, JSON.stringify(assertion));
    const r = await run([file, path.join(dir, `missing${evil.replace(/[\u0000/]/g, '')}`), '--offline', ...NOW, '--recipient', `x${evil}@example.org`]);
    const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
    expect(r.stdout).not.toMatch(UNSAFE);
    expect(r.stderr).not.toMatch(UNSAFE);
    expect(r.stdout).toContain('issued to: email meA\\u001B]8;;http://evil\\u0007link\\u001B[2K\\u000D\\u0008B\\u009B31m\\u202EC\\u2028D\\u0000@example.org');
    expect(r.stderr).toContain('cannot read');
  });

  it('writes hostile badge text into --json as escapes a terminal cannot act on, the same value once parsed', async () => {
    const name = 'Safe\u202Egnp.exe\u2066\u009B2J\u001b[31m\r\u2028x';
    const cred = JSON.parse(readFileSync(path.join(CONFORMANCE_DIR, 'ob30/simple-eddsa-2022.json'), 'utf8'));
    cred.name = name;
    cred.credentialSubject.achievement.name = name;
    const file = path.join(dir, 'hostile.json');
    writeFileSync(file, JSON.stringify(cred));
    const r = await run([file, '--json', '--offline', ...NOW]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(lines(r)[0]!.badge.name).toBe(name);
    expect(lines(r)[0]!.verdict).toBe('invalid');
  });
});
