/**
 * The README tells a newcomer what to press and what they will read (issue 13 point 6: "the documents
 * exist and match the code"). In "The demo backpack" and "Troubleshooting", a control written in
 * italics (*Allow access*) is a whole English message of the popup, and words quoted in double quotes
 * ("That e-mail and password don't match") are part of one, or of the command line's own text
 * (src/cli). The popup's words changed under the README more than once (a region option, a button
 * renamed, the sign-in throttle's sentence).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const messages = Object.values(JSON.parse(readFileSync(path.join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>).map((m) => m.message);
const cliDir = path.join(ROOT, 'src/cli');
const cli = readdirSync(cliDir).filter((f) => f.endsWith('.ts')).map((f) => readFileSync(path.join(cliDir, f), 'utf8')).join('\n');

/** The text of a `## heading` section, up to the next one. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, `README has "## ${heading}"`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 4);
  return readme.slice(start, end < 0 ? undefined : end);
}

const text = section('The demo backpack') + section('Troubleshooting');
/** *Label* (not **bold**). */
const labels = [...new Set([...text.matchAll(/(?<![*\w])\*([^*\n]+)\*(?!\*)/g)].map((m) => m[1]!))];
const quoted = [...new Set([...text.matchAll(/"([^"\n]+)"/g)].map((m) => m[1]!))];

describe("README's words for the popup", () => {
  it('finds the words it checks', () => {
    expect(labels.length).toBeGreaterThanOrEqual(8);
    expect(quoted.length).toBeGreaterThanOrEqual(2);
  });

  it('names each control in italics by a whole English message', () => {
    expect(labels.filter((l) => !messages.includes(l))).toEqual([]);
  });

  it('quotes only words the popup or the command line says', () => {
    expect(quoted.filter((q) => !messages.some((m) => m.includes(q)) && !cli.includes(q))).toEqual([]);
  });
});
