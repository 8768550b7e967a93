/**
 * A sixteenth round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): OB 2.0 hosted badges GDG Alicante (a Google Developer Group) issues from
 * its own GitHub Pages site, each assertion with a narrative of what its earner did and a video as
 * evidence; the Open Badge the Digital Credentials Consortium's sign-and-verify service signed for its
 * verifier's tests; then hostile copies of them. What Lanyard says of each offline, and why. Nothing
 * is fetched but the issuer's site, served from the repository.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
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

/**
 * The "Sample test credential to prep for JFF Plugfest #1 2022" that DCC's sign-and-verify service
 * signed on 2022-05-25 (Ed25519Signature2020 by `did:key:z6MkqanD…`, the Plugfest 1 context, VC 1.1),
 * which its verifier's test verifies: valid offline, every check done, with the warning that it names
 * no recipient (its subject has no id or identifier). Hostile copies: each edit after signing, a key
 * swapped for another's, and the issuer swapped under the same proof are refused. Left as it is: the
 * key's private half is published beside it (the same repository's `data/unlocked-did:key.json`), so
 * "valid" says only that this did:key signed it, which anyone can; Lanyard keeps no list of keys whose
 * private half is public.
 */
describe('DCC sign-and-verify: an OB 3.0 badge signed for its verifier\'s tests', () => {
  const FILE = 'dcc-sign-and-verify-core/verifier-spec_dccCredentialSigned.json';
  const KEY = 'did:key:z6MkqanD5cmEVf154z5xExoxNKENAzVr3gdPo4wD2R2aCUzj';
  const doc = () => JSON.parse(readFileSync(path.join(REAL, FILE), 'utf8')) as Record<string, any>;
  const offline = offlineFetch();

  it('is valid offline: its proof verifies with its issuer\'s own did:key, and it names no recipient', async () => {
    const r = await verify(bytes(FILE), { fetch: offline, now: NOW, identities: [] });
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass', recipient: 'skipped', schema: 'warning' });
    expect(check(r, 'signature')?.message).toBe(`The Ed25519Signature2020 proof verifies with the method ${KEY}#${KEY.slice(8)}`);
    expect(check(r, 'schema')?.message).toBe('credentialSubject has neither id nor identifier: the badge does not say whom it was issued to; credentialSubject.achievement has no id (OB 3.0 §Achievement requires a URI)');
    expect(r.verdict).toBe('valid');
    expect(r.badge).toMatchObject({ name: 'Sample test credential to prep for JFF Plugfest #1 2022', issuer: { id: KEY, name: 'Jobs for the Future (JFF)' }, recipients: [] });
  });

  it.each([
    ['its achievement renamed', (d: Record<string, any>) => { d.credentialSubject.achievement.name = 'JFF Plugfest #1 2022 winner'; }],
    ['its issuer renamed', (d: Record<string, any>) => { d.issuer.name = 'Massachusetts Institute of Technology'; }],
    ['a subject added', (d: Record<string, any>) => { d.credentialSubject.id = 'did:key:z6MkoSu3TY7zYt7RF9LAqXbW7VegC3SFAdLp32VWudSfv8Qy'; }],
    ['its date moved', (d: Record<string, any>) => { d.issuanceDate = '2021-05-01T00:00:00Z'; }],
  ])('with %s after signing, it is invalid at the signature', async (_, edit) => {
    const d = doc();
    edit(d);
    const r = await verify(JSON.stringify(d), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('its proof claimed for another issuer\'s key (issuer and method swapped together) fails: the signature is not that key\'s', async () => {
    const other = 'did:key:z6MkrHKzgsahxBLyNAbLQyB1pcWNYC9GmywiWPgkrvntAZcj';
    const d = doc();
    d.issuer.id = other;
    d.proof.verificationMethod = `${other}#${other.slice(8)}`;
    const r = await verify(JSON.stringify(d), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('its issuer swapped under the same proof is invalid: the issuer is signed, and the key is never credited to the new one', async () => {
    const d = doc();
    d.issuer.id = 'did:web:mit.edu';
    const r = await verify(JSON.stringify(d), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
    expect(check(r, 'issuer-key')?.outcome).not.toBe('pass');
  });
});
