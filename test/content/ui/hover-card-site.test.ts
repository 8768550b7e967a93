// @vitest-environment jsdom
/**
 * Hostile review (session 11): on a site the user turned hover on for, a page links to a badge from
 * an issuer that calls itself "Harvard University" but is evil.example. The badge verifies (it is
 * evil.example's), and the card said "✓ Verified … Issued by Harvard University": Lanyard's check
 * mark lent the page's claim a name it had not checked. Now the card says where the issuer is
 * beside its name: "Issued by Harvard University (evil.example)". The background fills it from the
 * issuer's id (core/share/issuer-site.ts); the name stays the issuer's own word.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hoverVerdict } from '../../../src/background/services/content.ts';
import type { VerifyResult } from '../../../src/core/result.ts';
import { guards } from '../../../src/messaging/validate.ts';
import { isHoverVerdict } from '../../../src/content/messages.ts';
import { hideCard, showCard } from '../../../src/content/ui/hover-card.ts';
import { warningText } from '../../../src/content/ui/picker-row.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { hosts, shadowOf, shown } from '../support/shadow.ts';

let rt: FakeRuntime | undefined;
afterEach(() => {
  hideCard();
  rt?.restore();
});

const result = (issuer: { id?: string; name?: string }): VerifyResult =>
  ({
    verdict: 'valid',
    format: 'ob2.0-hosted',
    checks: [{ id: 'hosted', outcome: 'pass', message: 'Hosted on evil.example, the issuer\'s own site' }],
    recipient: null,
    badge: { name: 'Doctorate', issuer, tags: [], recipients: [], evidence: [], alignments: [], endorsements: [] },
  }) as unknown as VerifyResult;

describe('the hover card names where the issuer is', () => {
  it('the background puts the issuer id’s host beside the name it gives itself, and the reply passes both guards', () => {
    const v = hoverVerdict(result({ id: 'https://evil.example/issuer.json', name: 'Harvard University' }));
    expect(v).toMatchObject({ verdict: 'valid', issuerName: 'Harvard University', issuerSite: 'evil.example' });
    expect(guards.content.reply['hover/verify'](v)).toBe(true);
    expect(isHoverVerdict(v)).toBe(true);
    expect(hoverVerdict(result({ id: 'urn:uuid:5e5b2f7c-7d54-4bbf-9f1b-0d0e7f3a0001', name: 'X' })).issuerSite).toBeUndefined();
  });

  it('the card reads “Issued by Harvard University (evil.example)”', () => {
    rt = installRuntime();
    const anchor = document.createElement('a');
    document.body.append(anchor);
    showCard(anchor, { kind: 'ready', verdict: hoverVerdict(result({ id: 'did:web:evil.example', name: 'Harvard University' })) });
    const text = shown(shadowOf(hosts('hover-card')[0]).querySelector('.c')) ?? '';
    expect(text).toContain('Issued by Harvard University (evil.example)');
  });
});

/** A host that reads like Harvard's at its start; the site is at its end (a 63-character label is the DNS maximum). */
const LONG_HOST = `harvard.edu.${'a'.repeat(63)}.${'b'.repeat(63)}.evil.example`;

/** Shows the card for `verdict` beside a new link; returns what it says. */
function cardSays(verdict: Parameters<typeof showCard>[1]): string {
  const anchor = document.createElement('a');
  document.body.append(anchor);
  showCard(anchor, verdict);
  return shown(shadowOf(hosts('hover-card')[0]).querySelector('.c')) ?? '';
}

describe('a long host keeps its end (hostile review, session 17)', () => {
  it('the card shows the end of a 200-character host, where the site it belongs to is, never only its start', () => {
    rt = installRuntime();
    const text = cardSays({ kind: 'ready', verdict: hoverVerdict(result({ id: `https://${LONG_HOST}/issuer.json`, name: 'Harvard University' })) });
    expect(text).toContain('b.evil.example)');
    expect(text).not.toContain('(harvard.edu');
    expect(text).toMatch(/\(…b+\.evil\.example\)/);
  });
});

describe('a host the card names for access or as private keeps its end too', () => {
  it('“Lanyard may not read …” and “… is on a local or private network” name the end of a long host', () => {
    rt = installRuntime();
    for (const v of [{ verdict: 'indeterminate', name: 'X', message: '', needsAccess: LONG_HOST }, { verdict: 'invalid', name: 'X', message: '', privateHost: LONG_HOST }] as const) {
      const text = cardSays({ kind: 'ready', verdict: v });
      expect(text).toContain('b.evil.example');
      expect(text).not.toContain('harvard.edu');
    }
  });

  it('so does a picker row’s “Lanyard may not read …”', () => {
    rt = installRuntime();
    const said = warningText({ level: 'indeterminate', needsAccess: LONG_HOST });
    expect(said).toContain('b.evil.example');
    expect(said).not.toContain('harvard.edu');
  });
});
