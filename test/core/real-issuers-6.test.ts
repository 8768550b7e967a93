/**
 * A sixth round of credentials from real issuers (test/fixtures/real, provenance in
 * test/fixtures/README.md): what Lanyard says of each, and why that is the right verdict. Nothing is
 * fetched: only the documents a test maps answer, and only documents copied from the same sources.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytes, check, fails, offlineFetch, outcomes, REAL } from '../support/real-fixtures.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { verify } from '../../src/core/verify/pipeline.ts';

const offline = offlineFetch();
const NOW = new Date('2026-12-01T00:00:00Z');
const text = (file: string): string => new TextDecoder().decode(bytes(file));
/** A compact JWS with its payload replaced by `edit(payload)`, the header and signature kept. */
const repayload = (jws: string, edit: (p: Record<string, unknown>) => Record<string, unknown>): string => {
  const [h, p, s] = jws.split('.');
  const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  return [h, Buffer.from(JSON.stringify(edit(payload))).toString('base64url'), s].join('.');
};

/**
 * CloudTnT Express (Ray Consulting Limited's credentials issuer and web wallet): OB 3.0 VC-JWTs signed
 * RS256 with the issuer's key in the `jwk` header (integrity.md's first option), the issuer a did:jwk
 * of that same key, VC 2.0 dates, no status. Their `id` (= `jti`) and achievement id are bare hex
 * strings, not URIs: OB 3.0 wants URIs there, but verification.md step 1 applies the data model
 * through a declared JSON schema, and these declare none. The signature covers the payload's text,
 * so nothing in them is unproven: a genuine badge, valid, its non-URI id noted.
 */
describe('CloudTnT Express: RS256 VC-JWTs with the key in the jwk header and a did:jwk issuer', () => {
  const CT = 'cloudtnt-express';
  it.each([
    ['specification_example.jwt', 'b08d340b24f64fe2b1a4b8af6e9458bc', '2030-05-19'],
    ['credential_example.jwt', 'c79e8272c8694db4af36dfa1430e2640', '2050-06-13'],
  ])('%s is valid: its signature holds with the key its issuer is, its non-URI id only noted', async (file, id, until) => {
    const r = await verify(bytes(`${CT}/${file}`), { fetch: offline, now: NOW, identities: [] });
    expect(r.format).toBe('ob3.0-jwt');
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('valid');
    expect(outcomes(r)).toMatchObject({ parse: 'pass', structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass' });
    expect(check(r, 'signature')?.message).toContain('RS256');
    expect(check(r, 'validity')?.message).toContain(until);
    expect(check(r, 'schema')).toMatchObject({ outcome: 'warning' });
    expect(check(r, 'schema')?.message).toContain(id);
    expect(r.badge?.name).toBe('Sample Verifiable Credential');
    expect(r.badge?.issuer.name).toBe('Ray Consulting Limited');
  });

  it('is addressed to its holder\'s did:jwk, and to no other', async () => {
    const jws = text(`${CT}/credential_example.jwt`);
    const sub = (JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub: string }).sub;
    const mine = await verify(jws, { fetch: offline, now: NOW, identities: [sub] });
    expect(check(mine, 'recipient')?.outcome).toBe('pass');
    const theirs = await verify(jws, { fetch: offline, now: NOW, identities: ['did:example:someone-else'] });
    expect(check(theirs, 'recipient')?.outcome).toBe('fail');
  });

  /** The same bytes, edited: the signature no longer holds, and that, not the id, is what fails. */
  it('with its achievement renamed after signing, it is altered: invalid at the signature', async () => {
    const forged = repayload(text(`${CT}/credential_example.jwt`), (p) => {
      const s = p.credentialSubject as { achievement: { name: string } };
      return { ...p, credentialSubject: { ...s, achievement: { ...s.achievement, name: 'Chartered Engineer' } } };
    });
    const r = await verify(forged, { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  it('is invalid once its validUntil has passed, for that alone', async () => {
    const r = await verify(bytes(`${CT}/specification_example.jwt`), { fetch: offline, now: new Date('2030-06-01T00:00:00Z'), identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: ErrorCodes.EXPIRED });
    expect(fails(r).map((c) => c.id)).toEqual(['validity']);
  });
});

/**
 * MyNextID's credential templates (for Velocert OÜ and others): European Digital Credentials signed
 * with a JAdES seal (a JWS in JSON serialization, RFC 7515 §7.2: the payload unencoded, `b64: false`,
 * a Halcom qualified e-seal certificate in `x5c`, a timestamp token in `etsiU`), and an Open Badge
 * example whose "signed" file kept only its JOSE header. An EDC is a Verifiable Credential of another
 * kind in an envelope Lanyard does not verify: read, left unsettled, never called unreadable or forged.
 */
describe('MyNextID: a JAdES-sealed European Digital Credential, and a signed example that lost its payload', () => {
  const MN = 'mynextid-credentials';
  it('the degree certificate (EDC, JAdES) is read and indeterminate, its envelope named, not invalid', async () => {
    const r = await verify(bytes(`${MN}/degree-certificate_edc-dc-signed.jsonld`), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'parse')?.outcome).toBe('pass');
    expect(check(r, 'parse')?.message).toContain('EuropeanDigitalCredential');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED });
    expect(check(r, 'signature')?.message).toContain('RFC 7515 §7.2');
  });

  /** The envelope is not trusted for what it wraps: a wrapped Open Badge is not verified either. */
  it('an Open Badge wrapped the same way is not verified through the wrapper: indeterminate, never valid', async () => {
    const badge = text('cloudtnt-express/credential_example.jwt').split('.')[1]!;
    const wrapped = { payload: badge, signatures: [{ protected: 'eyJhbGciOiJSUzI1NiJ9', signature: 'AAAA' }] };
    const r = await verify(JSON.stringify(wrapped), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'parse')?.message).toContain('OpenBadgeCredential');
    expect(check(r, 'signature')?.code).toBe(ErrorCodes.UNSUPPORTED);
  });

  it('the Open Badge "signed" example holds only the base64url of a JOSE header: unreadable, and so invalid', async () => {
    const r = await verify(bytes(`${MN}/microcredential_open-badge-mc-signed.jwt`), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'parse')).toMatchObject({ outcome: 'fail', code: ErrorCodes.PARSE_UNRECOGNISED });
  });
});

/**
 * TeachPlay (teachplay.dev, a course of the University of Alabama's College of Education): its signing
 * pipeline's example badge (eddsa-rdfc-2022 by did:web:teachplay.dev, a Multikey in its DID document,
 * VC 2.0, a placeholder learner), an endorsement it signed for Tuscaloosa City Schools
 * (did:web:teachplay.dev:endorsers:tcs) and its revocation status list. With the site's DID documents
 * served, the badge and the endorsement are valid; without them, unsettled.
 */
describe('TeachPlay: eddsa-rdfc-2022 badges by a did:web issuer, its endorsement and status list', () => {
  const TP = 'teachplay';
  const site = offlineFetch([{ prefix: 'https://teachplay.dev/', dir: path.join(REAL, 'hosts/teachplay.dev') }]);
  const json = (file: string): Record<string, unknown> => JSON.parse(readFileSync(path.join(REAL, TP, file), 'utf8')) as Record<string, unknown>;

  it.each([
    ['credential_signed_assertion-example-v3.signed.json', 'did:web:teachplay.dev#z6MkqQhD7h6TgwSN2mFEHpnr3irB1ygY7bs7vT2tgayBzDsQ', 'AI-enhanced Educational Game Design'],
    ['credential_endorsements_tcs-template-v3.json', 'did:web:teachplay.dev:endorsers:tcs#z6MkeY5TcJrDeQMn2nJ1LgiuevmQEWLf5qFoX288c6NYswT1', undefined],
  ])('%s is valid with its DID document served', async (file, method, name) => {
    const r = await verify(bytes(`${TP}/${file}`), { fetch: site, now: NOW, identities: [] });
    expect(r.format).toBe('ob3.0-data-integrity');
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('valid');
    expect(outcomes(r)).toMatchObject({ structure: 'pass', signature: 'pass', 'issuer-key': 'pass', validity: 'pass', revocation: 'pass' });
    expect(check(r, 'signature')?.message).toContain(method);
    if (name) expect(r.badge?.name).toBe(name);
  });

  it('without its issuer\'s DID document the badge is unsettled, not invalid', async () => {
    const r = await verify(bytes(`${TP}/credential_signed_assertion-example-v3.signed.json`), { fetch: offline, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')?.outcome).toBe('indeterminate');
  });

  it('is issued to its placeholder learner\'s DID, and to no other', async () => {
    const file = `${TP}/credential_signed_assertion-example-v3.signed.json`;
    const mine = await verify(bytes(file), { fetch: site, now: NOW, identities: ['did:example:learner-0001'] });
    expect(check(mine, 'recipient')?.outcome).toBe('pass');
    const theirs = await verify(bytes(file), { fetch: site, now: NOW, identities: ['did:example:learner-0002'] });
    expect(check(theirs, 'recipient')?.outcome).toBe('fail');
  });

  /** Its identifier's hash is the template's placeholder, "sha256$EXAMPLE_…": no address hashes to it, and no algorithm is to blame. */
  it('an e-mail address is not compared with its placeholder hash, and the placeholder is called malformed', async () => {
    const r = await verify(bytes(`${TP}/credential_signed_assertion-example-v3.signed.json`), { fetch: site, now: NOW, identities: ['someone@example.org'] });
    expect(check(r, 'recipient')?.outcome).toBe('skipped');
    expect(check(r, 'recipient')?.message).toContain('malformed hash');
    expect(check(r, 'recipient')?.message).not.toContain('only md5 and sha256');
  });

  it('with the issuer\'s name changed after signing, it is altered: invalid at the signature', async () => {
    const doc = json('credential_signed_assertion-example-v3.signed.json');
    const forged = { ...doc, issuer: { ...(doc.issuer as Record<string, unknown>), name: 'Harvard University' } };
    const r = await verify(JSON.stringify(forged), { fetch: site, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: ErrorCodes.SIGNATURE_INVALID });
  });

  /** Its status list is a signed VC, not a badge: its proof holds, and nothing is said of an achievement it never had. */
  it('its status list is no badge: indeterminate, its proof checked, no achievement asked of it', async () => {
    const r = await verify(bytes(`${TP}/credential_status-list-2026-spring.json`), { fetch: site, now: NOW, identities: [] });
    expect(r.verdict).toBe('indeterminate');
    expect(check(r, 'structure')).toMatchObject({ outcome: 'indeterminate', code: ErrorCodes.NOT_OPEN_BADGE });
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'schema')).toBeUndefined();
  });
});
