/**
 * A sixteenth round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): OB 2.0 hosted badges GDG Alicante (a Google Developer Group) issues from
 * its own GitHub Pages site, each assertion with a narrative of what its earner did and a video as
 * evidence; then hostile copies of them. What Lanyard says of each offline, and why. Nothing is
 * fetched but the issuer's site, served from the repository.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import type { Fetch } from '../../src/core/verify/context.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const NOW = new Date('2026-12-06T00:00:00Z');
const GDG = 'https://gdg-alicante.github.io/open-badges/badges';
const SITE = { prefix: 'https://gdg-alicante.github.io/', dir: path.join(REAL, 'hosts/gdg-alicante.github.io') };
const served = offlineFetch([SITE]);
const run = (input: string, fetch: Fetch = served, identities: string[] = []) => verify(input, { fetch, now: NOW, identities });
const DEVFEST = `${GDG}/DevFest_2025/09393cf0-e6fc-43da-aa9e-ba29bb18be46.json`;
const ALCOY = `${GDG}/gsoc-2026-alcoy/03f1471f-ff1f-4a68-ab72-9cbaaa8ea464.json`;
/** A document as the site serves it, by its URL. */
const text = (url: string) => readFileSync(path.join(SITE.dir, url.slice(SITE.prefix.length)), 'utf8');
const json = (url: string) => JSON.parse(text(url)) as Record<string, any>;

/**
 * The DevFest Alicante 2025 badge (2025-09-18) and the Google Summer of Code talk in Alcoy
 * (2025-11-24): `HostedBadge` assertions beside their badge classes and issuer profile on
 * gdg-alicante.github.io, an unsalted sha256 e-mail recipient, no expiry, no revocation list. Each
 * assertion also names its `issuer` (no OB 2.0 Assertion property: ignored) and says in its
 * `narrative` what its earner did, which Lanyard did not show (it read criteria and evidence
 * narratives only): OB 2.0 §Assertion `narrative`, now Badge.narrative.
 */
describe('GDG Alicante: OB 2.0 hosted badges on its own GitHub Pages site', () => {
  it.each([
    [DEVFEST, 'DevFest Alicante 2025', 'Participó en todas las charlas de la jornada.', 'https://www.youtube.com/watch?v=vYMYEFn7DmM'],
    [ALCOY, 'Charla GSoC 2026 - Alcoy', 'Asistió a la sesión informativa sobre el programa Google Summer of Code.', 'https://www.youtube.com/watch?v=9YbirvHwFHM'],
  ])('%s, given as its URL, is valid, with what its earner did shown', async (url, name, narrative, video) => {
    const r = await run(url);
    expect(r.format).toBe('ob2.0-hosted');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'skipped', hosted: 'pass', validity: 'pass', revocation: 'pass', recipient: 'skipped' });
    expect(check(r, 'hosted')?.message).toBe("The issuer's copy confirms it. Hosted on gdg-alicante.github.io, the issuer's own site");
    expect(r.verdict).toBe('valid');
    expect(r.badge).toMatchObject({ name, narrative, issuer: { id: `${GDG}/issuer.json`, name: 'GDG Alicante' }, evidence: [{ id: video, narrative: 'Video del evento.' }] });
    expect(r.badge?.recipients).toEqual([{ type: 'email', identity: json(url).recipient.identity, hashed: true }]);
  });

  it('pasted as JSON, it is confirmed by the copy on the issuer\'s site: valid', async () => {
    const r = await run(text(DEVFEST));
    expect(r.verdict).toBe('valid');
    expect(check(r, 'hosted')?.outcome).toBe('pass');
  });

  it('offline, with the site out of reach, it is unsettled, not invalid', async () => {
    const r = await run(DEVFEST, offlineFetch());
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'hosted')?.outcome).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
  });

  it('checked against an address it was not issued to, it is not the holder\'s', async () => {
    const r = await run(DEVFEST, served, ['someone@example.com']);
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'recipient')).toMatchObject({ outcome: 'fail', code: ErrorCodes.RECIPIENT_MISMATCH });
  });
});

/**
 * Hostile copies. A pasted copy is only a pointer to the issuer's (OB 2.0 §HostedBadge: the input is
 * trusted only to find the hosted copy): what is shown and checked is what the issuer's site serves.
 * A copy moved to another GitHub Pages site (anyone's `*.github.io`) is not on the issuer's origin.
 */
describe('GDG Alicante: hostile copies', () => {
  it('a pasted copy with its recipient, narrative and badge name rewritten shows and checks the issuer\'s copy', async () => {
    const forged = { ...json(DEVFEST), recipient: { type: 'email', hashed: false, identity: 'mallory@example.com' }, narrative: 'Ganó el primer premio.', badge: { ...json(`${GDG}/DevFest_2025/badge.json`), name: 'Google Developer Expert' } };
    const r = await run(JSON.stringify(forged), served, ['mallory@example.com']);
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'recipient')).toMatchObject({ outcome: 'fail', code: ErrorCodes.RECIPIENT_MISMATCH });
    expect(r.badge).toMatchObject({ name: 'DevFest Alicante 2025', narrative: 'Participó en todas las charlas de la jornada.' });
    expect(r.badge?.recipients[0]).toMatchObject({ hashed: true, identity: json(DEVFEST).recipient.identity });
  });

  it.each([
    ['the assertion alone moved', false],
    ['the assertion and a badge class of its own moved', true],
  ])('a copy on another github.io site naming GDG Alicante as its issuer (%s) is refused', async (_, ownClass) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-gdg-'));
    mkdirSync(path.join(dir, 'b'));
    const at = 'https://mallory.github.io/b/a.json';
    const klass = 'https://mallory.github.io/b/class.json';
    if (ownClass) writeFileSync(path.join(dir, 'b', 'class.json'), JSON.stringify({ ...json(`${GDG}/DevFest_2025/badge.json`), id: klass, name: 'Google Developer Expert' }));
    writeFileSync(path.join(dir, 'b', 'a.json'), JSON.stringify({ ...json(DEVFEST), id: at, verification: { type: 'HostedBadge', url: at }, ...(ownClass ? { badge: klass } : {}) }));
    const r = await run(at, offlineFetch([SITE, { prefix: 'https://mallory.github.io/', dir }]));
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'fail', code: ErrorCodes.HOSTED_SCOPE });
    expect(check(r, 'hosted')?.message).toBe("The assertion is hosted on mallory.github.io, not on the issuer's site (gdg-alicante.github.io)");
  });

  /**
   * One document that is its own badge class and issuer (`badge` and `issuer` its own URL), a shape a
   * public student project served: read once as each, it is an Assertion where a BadgeClass and an
   * Issuer must be (OB 2.0 §BadgeClass, §Profile). Refused at the structure, without looping.
   */
  it('an assertion that names itself as its badge class and its issuer is refused', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-gdg-'));
    const at = 'https://mallory.github.io/self.json';
    const self = { ...json(DEVFEST), id: at, badge: at, issuer: at, verification: { type: 'HostedBadge' }, name: 'DevFest Alicante 2025', description: 'x', criteria: at, image: 'https://mallory.github.io/i.png', url: 'https://mallory.github.io/' };
    writeFileSync(path.join(dir, 'self.json'), JSON.stringify(self));
    const fetch = offlineFetch([{ prefix: 'https://mallory.github.io/', dir }]);
    for (const input of [at, JSON.stringify(self)]) {
      const r = await run(input, fetch);
      expect(r.verdict).toBe('invalid');
      expect(check(r, 'structure')).toMatchObject({ outcome: 'fail', code: ErrorCodes.STRUCTURE_INVALID });
      expect(check(r, 'structure')?.message).toBe('Missing or malformed: BadgeClass type (must include BadgeClass, found Assertion); Issuer type (must include Issuer or Profile, found Assertion)');
    }
  });
});
