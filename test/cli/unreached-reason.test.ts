/**
 * An indeterminate verdict says why: an OB 2.0 signed badge whose badge class could not be read
 * (OB 2.0 §SignedBadge: the key is found through the badge class's issuer profile) named no reason
 * anywhere in its report ("The issuer's profile could not be fetched (the badge class could not be
 * read)"), whether it was --offline with no --map, a 404 or a host not found. The issuer-key check
 * now quotes the badge class's fetch error, which names its URL and the reason.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { CONFORMANCE_DIR } from '../support/conformance.ts';

const SIGNED = path.join(CONFORMANCE_DIR, 'ob20/simple.jwt');
const BADGE_CLASS = 'https://example.org/robotics-badge.json';

async function issuerKey(argv: string[]): Promise<{ code: number; check: { outcome: string; message: string }; text: string }> {
  let stdout = '';
  const io = { out: (t: string) => void (stdout += t), err: () => undefined };
  const code = await main([SIGNED, '--json', '--now', '2026-11-26T00:00:00Z', ...argv], io);
  const result = JSON.parse(stdout) as { checks: { id: string; outcome: string; message: string }[] };
  let text = '';
  await main([SIGNED, '--now', '2026-11-26T00:00:00Z', ...argv], { out: (t: string) => void (text += t), err: () => undefined });
  return { code, check: result.checks.find((c) => c.id === 'issuer-key')!, text };
}

describe('an OB 2.0 signed badge whose badge class could not be read', () => {
  it('--offline with no --map: the report says so, in JSON and in text', async () => {
    const r = await issuerKey(['--offline']);
    expect(r.code).toBe(1);
    expect(r.check.outcome).toBe('indeterminate');
    expect(r.check.message).toContain(BADGE_CLASS);
    expect(r.check.message).toContain('--offline, and no --map covers it');
    expect(r.text).toMatch(/issuer-key +indeterminate .*--offline, and no --map covers it/);
  });

  it('a --map with no such file: the 404 is named', async () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'lanyard-unreached-'));
    const r = await issuerKey(['--offline', '--map', `https://example.org/=${empty}`]);
    expect(r.check.outcome).toBe('indeterminate');
    expect(r.check.message).toContain(BADGE_CLASS);
    expect(r.check.message).toMatch(/404/);
  });
});
