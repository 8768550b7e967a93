/**
 * Hostile badges, round 4 (outputs): under --json every string a badge writes (name, description,
 * criteria, issuer, evidence, alignment, tags, ids, recipient) is one JSON line a terminal cannot
 * act on (ECMA-48 C0/C1 controls, OSC 8 and OSC 52 in their 7-bit and C1 forms, bidi controls,
 * line separators), the same value once parsed (RFC 8259 §7), a lone surrogate included.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const EVIL = 'V\u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\\u009d52;c;ZXZpbA==\u009c\u001b]52;c;ZXZpbA==\u0007\rVALID\b\b\u009b2J\u202e\u2066x\u2069\u2028\u2029\u0085\u0000\ud800"\\';

const assertion = {
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Assertion',
  id: `https://issuer.example/a/${encodeURIComponent(EVIL.replace(/\ud800/, ''))}`,
  recipient: { type: 'email', hashed: false, identity: `me${EVIL}@example.org` },
  issuedOn: '2026-01-01T00:00:00Z',
  verification: { type: 'HostedBadge' },
  evidence: [{ id: 'https://issuer.example/e', narrative: EVIL, name: EVIL, description: EVIL }],
  narrative: EVIL,
  badge: {
    type: 'BadgeClass', id: 'https://issuer.example/b', name: EVIL, description: EVIL, image: 'https://issuer.example/i.png',
    criteria: { narrative: EVIL }, tags: [EVIL, EVIL],
    alignment: [{ targetName: EVIL, targetUrl: 'https://issuer.example/t', targetDescription: EVIL, targetCode: EVIL, targetFramework: EVIL }],
    issuer: { type: 'Profile', id: 'https://issuer.example/i', name: EVIL, url: 'https://issuer.example/', email: `x${EVIL}@issuer.example` },
  },
};

/** Every string in a parsed value. */
const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);

describe('--json with hostile text in every field', () => {
  it('writes one valid JSON line with no character a terminal acts on, and every hostile string back whole', async () => {
    let stdout = '';
    const io = { out: (t: string) => void (stdout += t), err: () => undefined, stdin: (async function* () { yield new TextEncoder().encode(JSON.stringify(assertion)); })() };
    const code = await main(['-', '--json', '--offline', '--now', '2026-11-26T00:00:00Z'], io);
    expect(code).toBe(1);
    expect(stdout.endsWith('\n')).toBe(true);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|[\ud800-\udfff]/);
    const out = JSON.parse(lines[0]!) as { verdict: string; badge: Record<string, unknown> };
    expect(out.verdict).not.toBe('valid');
    const found = strings(out.badge).filter((s) => s === EVIL);
    // The name, description, criteria, issuer name, tags, evidence and alignment texts at least.
    expect(found.length).toBeGreaterThanOrEqual(8);
  });

  it('the human report: every line escaped, one verdict line, its own, first', async () => {
    let stdout = '';
    const io = { out: (t: string) => void (stdout += t), err: () => undefined, stdin: (async function* () { yield new TextEncoder().encode(JSON.stringify(assertion)); })() };
    await main(['-', '--offline', '--now', '2026-11-26T00:00:00Z'], io);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^(INVALID|INDETERMINATE) {2}V\\u001B\]8;;/);
    expect(lines.filter((l) => /^\s*(VALID|INVALID|INDETERMINATE)\b/.test(l))).toHaveLength(1);
  });
});
