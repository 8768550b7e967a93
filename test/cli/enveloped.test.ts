/**
 * The command line reads an enveloped credential (VC DM 2.0 §4.13) as the engine does: the VC-JWT
 * its data: URL holds, verified (valid; tampered, invalid), alone or in a presentation. It was
 * indeterminate ("an enveloped credential, which Lanyard does not verify yet") or unknown.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { credential, makeKey, sign } from '../core/keys/jwt-fixtures.ts';

async function run(input: unknown): Promise<{ code: number; out: Record<string, unknown>[] }> {
  let stdout = '';
  const io = { out: (t: string) => void (stdout += t), err: () => undefined, stdin: (async function* () { yield new TextEncoder().encode(JSON.stringify(input)); })() };
  const code = await main(['-', '--json', '--offline', '--now', '2026-11-26T00:00:00Z'], io);
  return { code, out: stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const evc = (jws: string) => ({ '@context': 'https://www.w3.org/ns/credentials/v2', type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${jws}` });

describe('lanyard on an enveloped credential', () => {
  it('is the VC-JWT it carries: valid, and invalid once tampered', async () => {
    const k = await makeKey('EdDSA');
    const payload = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    const jws = await sign(payload, k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+jwt' });
    const good = await run({ type: ['VerifiablePresentation'], verifiableCredential: [evc(jws)] });
    expect(good.out).toMatchObject([{ source: '-', verdict: 'valid' }]);
    expect(good.code).toBe(0);
    const [h, , s] = jws.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, validFrom: '2000-01-01T00:00:00Z' })).toString('base64url')}.${s}`;
    const bad = await run(evc(forged));
    expect(bad.out).toMatchObject([{ source: '-', verdict: 'invalid' }]);
    expect(bad.code).not.toBe(0);
  });
});

/**
 * The same data: URL bare, not in an envelope: on the command line (it was a file name: "no such
 * file or directory"), on standard input or in a file (it was unreadable, "neither JSON, a compact
 * JWS nor an http(s) URL"). Now the VC-JWT it holds, verified as the envelope's is.
 */
describe('lanyard on a bare data: URL', () => {
  async function runArgv(argv: string[], stdin = ''): Promise<{ code: number; out: Record<string, unknown>[] }> {
    let stdout = '';
    const io = { out: (t: string) => void (stdout += t), err: () => undefined, stdin: (async function* () { yield new TextEncoder().encode(stdin); })() };
    const code = await main([...argv, '--json', '--offline', '--now', '2026-11-26T00:00:00Z'], io);
    return { code, out: stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
  }

  it('as an argument, on standard input or in a file: the VC-JWT it holds, valid, and invalid once tampered', async () => {
    const k = await makeKey('EdDSA');
    const payload = credential({ id: k.did, type: ['Profile'], name: 'Key Issuer' });
    const jws = await sign(payload, k, { kid: `${k.did}#${k.multibase}`, typ: 'vc+jwt' });
    const url = `data:application/vc+jwt,${jws}`;
    expect((await runArgv([url])).out).toMatchObject([{ source: url, verdict: 'valid' }]);
    expect((await runArgv(['-'], `${url}\n`)).out).toMatchObject([{ source: '-', verdict: 'valid' }]);
    const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-data-url-'));
    const file = path.join(dir, 'badge.txt');
    writeFileSync(file, `${url}\n`);
    expect((await runArgv([file])).out).toMatchObject([{ source: file, verdict: 'valid' }]);
    const [h, , s] = jws.split('.');
    const forged = `data:application/vc+jwt,${h}.${Buffer.from(JSON.stringify({ ...payload, validFrom: '2000-01-01T00:00:00Z' })).toString('base64url')}.${s}`;
    const bad = await runArgv([forged]);
    expect(bad.out).toMatchObject([{ source: forged, verdict: 'invalid' }]);
    expect(bad.code).not.toBe(0);
  });
});
