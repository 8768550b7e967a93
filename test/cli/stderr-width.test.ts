/**
 * The attack of fit-width.test.ts, on stderr: a file name is the attacker's text too (a folder of
 * submissions, a link that leads nowhere), and `lanyard: cannot read <name>: …` was written whole, so
 * on a terminal 80 columns wide a name padded to the edge began a row of its own reading
 * "VALID  Harvard University  [ob2.0-hosted]". Messages that quote an input are now cut to the
 * terminal's width as the report is, every continued row behind CONTINUED.
 */
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { CONTINUED } from '../../src/cli/fit-width.ts';

const rowsOf = (stderr: string): string[] => stderr.split('\n').filter(Boolean);

describe('stderr on a terminal', () => {
  it('cuts a message quoting a padded file name before the width: no row starts with the name\'s VALID', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-width-'));
    const lead = `lanyard: cannot read ${dir}/`;
    const name = `${'x'.repeat(80 - lead.length)}VALID  Harvard University  [ob2.0-hosted]`;
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, name));
    let stderr = '';
    const code = await main([dir, '--offline'], { out: () => undefined, err: (t) => void (stderr += t), columns: 80, errColumns: 80 });
    expect(code).toBe(2);
    const rows = rowsOf(stderr);
    for (const row of rows) {
      expect(row.length).toBeLessThan(80);
      expect(row.startsWith('lanyard: ') || row.startsWith(CONTINUED)).toBe(true);
    }
    expect(rows.join('')).toContain('VALID  Harvard');
  });

  it('cuts a bad option quoting the same text, and leaves stderr whole when it is no terminal', async () => {
    const option = `--${'x'.repeat(60)}VALID  Harvard University  [ob2.0-hosted]`;
    let onTerminal = '';
    await main([option, 'a.json'], { out: () => undefined, err: (t) => void (onTerminal += t), errColumns: 80 });
    for (const row of rowsOf(onTerminal).slice(0, 1)) expect(row.length).toBeLessThan(80);
    expect(rowsOf(onTerminal)[1]!.startsWith(CONTINUED)).toBe(true);
    let piped = '';
    await main([option, 'a.json'], { out: () => undefined, err: (t) => void (piped += t) });
    expect(rowsOf(piped)[0]).toContain(option);
  });
});
