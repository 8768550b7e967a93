/**
 * A hover verdict carries a badge's own words (its name, its issuer's name, the check's message) to
 * a page's content script: cut in the background to HOVER_TEXT_MAX code points with "…" (never
 * inside a surrogate pair), and refused by the reply's validator when longer. A badge named with
 * megabytes went whole to the page (the card cut it only to show it).
 */
import { describe, expect, it } from 'vitest';
import { capText, hoverVerdict } from '../../src/background/services/hover-verdict.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { guards } from '../../src/messaging/validate.ts';
import { HOVER_TEXT_MAX } from '../../src/messaging/views.ts';

const MB = 1 << 20;
const points = (s: string) => Array.from(s).length;
/** No lone surrogate: the cut never fell inside a pair. */
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

function result(name: string, issuerName: string, message: string, verdict: VerifyResult['verdict'] = 'invalid'): VerifyResult {
  return {
    verdict,
    format: 'ob2.0-hosted',
    checks: [{ id: 'signature', outcome: verdict === 'valid' ? 'pass' : 'fail', message }],
    recipient: null,
    badge: { name, issuer: { id: 'https://issuer.example/i', name: issuerName }, issuedOn: `2026-01-01${'9'.repeat(MB)}`, recipients: [], evidence: [], alignments: [], tags: [], format: 'ob2.0-hosted' },
    input: { kind: 'url', size: 0, sha256: '' },
  } as VerifyResult;
}

describe('hover verdict texts are capped in the background', () => {
  it('cuts a megabyte name, issuer name and message to HOVER_TEXT_MAX code points ending in …, and the reply validator takes it', () => {
    // "x" then emoji: the cut falls where a UTF-16 count would split a pair.
    const v = hoverVerdict(result(`x${'😀'.repeat(MB)}`, 'I'.repeat(3 * MB), `m${'𝄞'.repeat(MB)}`), 'https://issuer.example/b.json');
    for (const text of [v.name, v.issuerName!, v.message, v.issuedOn!]) {
      expect(points(text)).toBe(HOVER_TEXT_MAX);
      expect(text.endsWith('…')).toBe(true);
      expect(wellFormed(text)).toBe(true);
    }
    expect(v.name.startsWith(`x${'😀'.repeat(10)}`)).toBe(true);
    expect(guards.content.reply['hover/verify'](v)).toBe(true);
  });

  it('caps "Verified: issued by …" for a valid badge whose issuer name is huge', () => {
    const v = hoverVerdict(result('Badge', 'é'.repeat(MB), 'ok', 'valid'));
    expect(v.verdict).toBe('valid');
    expect(points(v.message)).toBe(HOVER_TEXT_MAX);
    expect(v.message.startsWith('Verified: issued by éé')).toBe(true);
    expect(guards.content.reply['hover/verify'](v)).toBe(true);
  });

  it('leaves a text within the cap alone, 500 emoji (1000 UTF-16 units) included', () => {
    expect(capText('Ada Lovelace')).toBe('Ada Lovelace');
    const emoji = '😀'.repeat(HOVER_TEXT_MAX);
    expect(capText(emoji)).toBe(emoji);
    expect(capText(`${emoji}a`)).toBe(`${'😀'.repeat(HOVER_TEXT_MAX - 1)}…`);
    expect(capText('a'.repeat(HOVER_TEXT_MAX + 1))).toBe(`${'a'.repeat(HOVER_TEXT_MAX - 1)}…`);
    expect(hoverVerdict(result('Short name', 'Issuer', 'Signature does not match')).name).toBe('Short name');
  });

  it('the reply validator refuses a hover verdict text beyond the cap (router.ts sends no reply that fails it)', () => {
    const ok = hoverVerdict(result('Badge', 'Issuer', 'Bad signature'));
    expect(guards.content.reply['hover/verify'](ok)).toBe(true);
    for (const k of ['name', 'issuerName', 'issuerSite', 'issuedOn', 'message', 'needsAccess', 'privateHost'] as const) {
      expect(guards.content.reply['hover/verify']({ ...ok, [k]: 'a'.repeat(2 * HOVER_TEXT_MAX + 1) })).toBe(false);
      expect(guards.content.reply['hover/verify']({ ...ok, [k]: '😀'.repeat(HOVER_TEXT_MAX) })).toBe(true);
    }
  });
});
