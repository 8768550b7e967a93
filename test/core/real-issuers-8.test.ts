/**
 * An eighth round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): what Lanyard says of each, and why that is the right verdict. Nothing is
 * fetched: only the documents a test maps answer, and only documents copied from the same sources.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const SITE = 'http://software-carpentry.org';
const WILSON = `${SITE}/badges/instructor/wilson.g.json`;
const host = (dir: string) => ({ prefix: SITE, dir: path.join(REAL, 'hosts', dir) });
const text = (file: string): string => readFileSync(path.join(REAL, file), 'utf8');

/**
 * Software Carpentry issued its own badges from its web site's repository, in three generations at
 * the same URLs. The first (2012-12-20) is OB 0.5 as Mozilla's Backpack beta read it: a baked PNG
 * whose tEXt chunk holds only the assertion's URL, the assertion embedding its badge and its issuer
 * (`origin`, `name`, `contact`), a plain e-mail recipient, relative image and criteria paths, and a
 * `version` written "5.0". An OB 0.5 assertion names no address of its own: the URL that served it is
 * its id (VCORE upgrade_0_5_node), and the issuer it embeds is bound to its `origin` alone. Lanyard
 * read the assertion behind the URL and then left the badge unsettled for want of that address.
 */
describe('Software Carpentry: OB 0.5 hosted badges, read from the URL that serves them', () => {
  it('the 2012 baked Instructor badge is valid: served from the origin its issuer names', async () => {
    const r = await verify(bytes('swcarpentry-website/instructor_wilson.g.png'), { fetch: offlineFetch([host('software-carpentry.org-2012')]), now: NOW, identities: ['gvwilson@third-bit.com'] });
    expect(r.format).toBe('ob0.5-hosted');
    expect(check(r, 'parse')?.message).toBe('Read a baked PNG holding a URL');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'skipped', hosted: 'pass', validity: 'pass', revocation: 'pass', recipient: 'pass' });
    expect(check(r, 'hosted')?.message).toContain('Hosted on software-carpentry.org');
    expect(r.verdict).toBe('valid');
    expect(r.badge?.name).toBe('Instructor');
    expect(r.badge?.issuer.name).toBe('Software Carpentry');
    expect(r.recipient).toBe('gvwilson@third-bit.com');
  });

  it('the same PNG without its hosted copy is unsettled, not invalid', async () => {
    const r = await verify(bytes('swcarpentry-website/instructor_wilson.g.png'), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'hosted')?.outcome).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
  });

  it('the 2013 assertion (salted hash, version 0.5.0), given as its URL, is valid and issued to its earner', async () => {
    const r = await verify(WILSON, { fetch: offlineFetch([host('software-carpentry.org-2013')]), now: NOW, identities: ['gvwilson@third-bit.com'] });
    expect(r.format).toBe('ob0.5-hosted');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject({ structure: 'pass', hosted: 'pass', validity: 'pass', recipient: 'pass' });
    expect(r.verdict).toBe('valid');
    expect(r.recipient).toBe('gvwilson@third-bit.com');
  });

  it('the same assertion pasted as JSON names no address to check it at: unsettled', async () => {
    const r = await verify(text('hosts/software-carpentry.org-2013/badges/instructor/wilson.g.json'), { fetch: offlineFetch([host('software-carpentry.org-2013')]), now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
  });

  /**
   * A copy on another site that names Software Carpentry's origin is not confirmed as Software
   * Carpentry's badge, and what the embedded issuer says of itself cannot widen where its badges may
   * be hosted. Not invalid either: a 0.5 assertion names no address of its own, and the copy as
   * copied is byte for byte the genuine one (test/core/formats/ob05-hosted-binding.test.ts).
   */
  it.each([
    ['as copied', (j: Record<string, unknown>) => j],
    ['with an issuer claiming the copier\'s site', (j: Record<string, unknown>) => {
      const badge = j.badge as Record<string, unknown>;
      return { ...j, badge: { ...badge, issuer: { ...(badge.issuer as object), verification: { allowedOrigins: ['badges.example.net'], startsWith: ['http://badges.example.net/'] } } } };
    }],
  ])('the 2013 assertion served from another site (%s) is unconfirmed at the hosted check, never valid', async (_, edit) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-swc-'));
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'b', 'wilson.json'), JSON.stringify(edit(JSON.parse(text('hosts/software-carpentry.org-2013/badges/instructor/wilson.g.json')) as Record<string, unknown>)));
    const r = await verify('http://badges.example.net/b/wilson.json', { fetch: offlineFetch([{ prefix: 'http://badges.example.net', dir }]), now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.HOSTED_SCOPE });
    expect(check(r, 'hosted')?.message).toContain('not on the issuer\'s site (software-carpentry.org)');
  });
});

/**
 * From late 2013 the site served OB 1.0 hosted assertions at the same URLs: `verify.url`, a badge
 * class at /badges/class/instructor.json and an issuer organization at /badges/issuer.json (its name
 * written "Software Carpentry:"). With those documents the badges are valid.
 */
describe('Software Carpentry: OB 1.0 hosted badges with their badge class and issuer', () => {
  it.each([
    ['wilson.g.json', ['gvwilson@third-bit.com'], 'pass'],
    ['boettiger.carl.json', [], 'skipped'],
  ])('%s is valid', async (file, identities, recipient) => {
    const r = await verify(text(`hosts/software-carpentry.org/badges/instructor/${file}`), { fetch: offlineFetch([host('software-carpentry.org')]), now: NOW, identities });
    expect(r.format).toBe('ob1.0-hosted');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject({ structure: 'pass', hosted: 'pass', validity: 'pass', revocation: 'pass', recipient });
    expect(check(r, 'hosted')?.message).toContain('Hosted on software-carpentry.org');
    expect(r.badge?.issuer.name).toBe('Software Carpentry:');
    expect(r.verdict).toBe('valid');
  });

  it('without the issuer organization\'s document it is unsettled, not invalid', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lanyard-swc-'));
    mkdirSync(path.join(dir, 'badges', 'class'), { recursive: true });
    mkdirSync(path.join(dir, 'badges', 'instructor'));
    for (const f of ['badges/class/instructor.json', 'badges/instructor/wilson.g.json']) writeFileSync(path.join(dir, f), text(`hosts/software-carpentry.org/${f}`));
    const r = await verify(text('hosts/software-carpentry.org/badges/instructor/wilson.g.json'), { fetch: offlineFetch([{ prefix: SITE, dir }]), now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
  });
});

/**
 * An OB 1.0 signed assertion a developer posted to Mozilla's validator (2013-10-10) when it answered
 * "verify-signature": RS256, its public key at the http URL `verify.url` names, its badge class on the
 * same site. Neither is kept anywhere: without the key the signature cannot be checked either way.
 */
describe('an OB 1.0 signed assertion whose key is gone', () => {
  it('is unsettled for want of its issuer\'s key, never valid', async () => {
    const r = await verify(bytes('mozilla-openbadges-validator/openbadges-zzl_h2a20.jws'), { fetch: offlineFetch(), now: NOW, identities: [] });
    expect(r.format).toBe('ob1.0-signed');
    expect(r.verdict).toBe('indeterminate');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', signature: 'indeterminate', 'issuer-key': 'indeterminate' });
    expect(fails(r)).toEqual([]);
  });
});

/**
 * RCL CloudTnT (Ray Consulting's training platform) hosts its OB 2.0 badges on GitHub Pages: the
 * assertion embeds its badge class and issuer, each with its own id on the same site, and the issuer
 * profile names no `email`. 1EdTech's validator requires an issuer's email (validation.py Profile);
 * Lanyard does not hold a genuine badge invalid for a missing contact address, and the hosted copy,
 * the badge class and the issuer all come from the issuer's own site: valid.
 */
describe('RCL CloudTnT: an OB 2.0 hosted badge on GitHub Pages', () => {
  const RCL = { prefix: 'https://rcl-cloudtnt.github.io/badges', dir: path.join(REAL, 'hosts/rcl-cloudtnt.github.io/badges') };
  const ID = 'https://rcl-cloudtnt.github.io/badges/assertions/b3ee615f-54a8-4d60-bb18-3ba5a4cbaa5b.json';

  it.each([
    ['its JSON', text('hosts/rcl-cloudtnt.github.io/badges/assertions/b3ee615f-54a8-4d60-bb18-3ba5a4cbaa5b.json')],
    ['its URL', ID],
  ])('given as %s, it is valid until 2044', async (_, input) => {
    const r = await verify(input, { fetch: offlineFetch([RCL]), now: NOW, identities: [] });
    expect(r.format).toBe('ob2.0-hosted');
    expect(fails(r)).toEqual([]);
    expect(outcomes(r)).toMatchObject({ structure: 'pass', hosted: 'pass', validity: 'pass', revocation: 'pass' });
    expect(check(r, 'validity')?.message).toContain('2044-03-25');
    expect(r.badge?.name).toBe('Writing Code With C#');
    expect(r.badge?.issuer.name).toBe('RCL CloudTnT');
    expect(r.verdict).toBe('valid');
  });

  it('after it expires (2044-03-25), it is invalid for that reason alone', async () => {
    const r = await verify(ID, { fetch: offlineFetch([RCL]), now: new Date('2044-03-26T00:00:00Z'), identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(fails(r).map((c) => c.id)).toEqual(['validity']);
  });
});
