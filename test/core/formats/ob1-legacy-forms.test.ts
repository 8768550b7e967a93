/**
 * Legacy Open Badges as issuers wrote them (OB 0.5, 1.0, 1.1), each form the specifications allow
 * judged by its own version's rules: constructed after the examples of the OB 1.0 assertion
 * specification (mozilla/openbadges-specification, Assertion/latest.md: "beths-robotics-badge",
 * "robotics-badge.json", "organization.json", revocation list "revoked.json"), the OB 1.1
 * specification's (@context https://w3id.org/openbadges/v1) and the OB 0.5 backpack assertion
 * (embedded badge and issuer with `origin`), and 1EdTech's validator's upgrades
 * (openbadges-validator-core tasks/object_upgrades.py upgrade_0_5_node, upgrade_1_0_node,
 * upgrade_1_1_node). A genuine legacy badge is never invalid; nothing is falsely valid.
 */
import { createHash, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportSPKI, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../src/core/result.ts';
import { verify } from '../../../src/core/verify/pipeline.ts';
import { FakeWeb } from '../../support/fake-web.ts';
import { signJws } from './ob2-fixtures.ts';
import { offlineFetch, REAL } from '../../support/real-fixtures.ts';
import { certificatePem } from '../../support/x509.ts';

const LEGACY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/legacy');
const fixture = (file: string): unknown => JSON.parse(readFileSync(path.join(LEGACY, file), 'utf8'));
const O = 'https://example.org';
const NOW = new Date('2026-12-01T00:00:00Z');
const ADA = 'ada@example.org';
const check = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id);
const fails = (r: VerifyResult) => r.checks.filter((c) => c.outcome === 'fail');
const b64u = (x: string | Buffer) => Buffer.from(x).toString('base64url');
const hash = (alg: 'sha256' | 'md5', s: string) => createHash(alg).update(s).digest('hex');
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAUAAAAFCAYAAACNbyblAAAAHElEQVQI12P4//8/w38GIAXDIBKE0DHxgljNBAAO9TXL0Y4OHwAAAABJRU5ErkJggg==';

/** The OB 1.0 example's badge class and issuer organization (no ids, no types: 1.0 had neither). */
function web10(extra: (w: FakeWeb) => void = () => undefined): FakeWeb {
  const w = new FakeWeb();
  for (const f of ['robotics-badge.json', 'organization.json', 'revoked.json']) w.json(`${O}/${f}`, fixture(`example.org/${f}`));
  extra(w);
  return w;
}

const ASSERTION_URL = `${O}/beths-robotics-badge.json`;
const assertion10 = (over: Record<string, unknown> = {}) => ({
  uid: 'f2c20',
  recipient: { type: 'email', hashed: true, salt: 'deadsea', identity: `sha256$${hash('sha256', `${ADA}deadsea`)}` },
  image: `${O}/beths-robot-badge.png`,
  evidence: `${O}/beths-robot-work.html`,
  issuedOn: 1359217910,
  badge: `${O}/robotics-badge.json`,
  verify: { type: 'hosted', url: ASSERTION_URL },
  ...over,
});

/** The hosted 1.0 assertion, served at its verify.url, and given as JSON. */
async function hosted10(over: Record<string, unknown> = {}, identities: string[] = [ADA], now = NOW) {
  const a = assertion10(over);
  const w = web10((x) => x.json(ASSERTION_URL, a));
  return verify(JSON.stringify(a), { fetch: w.fetch, now, identities });
}

describe('OB 1.0 hosted: a badge class URL whose issuer is a URL to an IssuerOrganization', () => {
  it('the specification\'s example is valid and issued to its recipient', async () => {
    const r = await hosted10();
    expect(r.format).toBe('ob1.0-hosted');
    expect(fails(r)).toEqual([]);
    expect(r.checks.filter((c) => c.outcome === 'indeterminate')).toEqual([]);
    expect(check(r, 'hosted')?.message).toContain('Hosted on example.org');
    expect(check(r, 'revocation')?.outcome).toBe('pass');
    expect(r.recipient).toBe(ADA);
    expect(r.badge?.issuedOn).toBe('2013-01-26T16:31:50.000Z');
    expect(r.verdict).toBe('valid');
  });

  it.each([
    ['a Unix timestamp (number)', 1359217910, '2013-01-26T16:31:50.000Z'],
    ['a Unix timestamp (digit string)', '1359217910', '2013-01-26T16:31:50.000Z'],
    ['a date alone (YYYY-MM-DD)', '2013-01-26', '2013-01-26T00:00:00Z'],
    ['an ISO 8601 date and time without a zone', '2013-01-26T16:31:50', '2013-01-26T16:31:50Z'],
    ['an ISO 8601 date and time with a zone', '2013-01-26T16:31:50+01:00', '2013-01-26T16:31:50+01:00'],
    ['a date and time with a space for the T (PHP\'s Y-m-d H:i:s)', '2013-01-26 16:31:50', '2013-01-26T16:31:50Z'],
    ['a date and time with a space and a zone', '2013-01-26 16:31:50+01:00', '2013-01-26T16:31:50+01:00'],
  ])('issuedOn as %s is read, and the badge is valid', async (_, issuedOn, shown) => {
    const r = await hosted10({ issuedOn });
    expect(check(r, 'validity')?.outcome).toBe('pass');
    expect(r.badge?.issuedOn).toBe(shown);
    expect(r.verdict).toBe('valid');
  });

  it.each([
    ['a Unix timestamp (number)', 1359217910],
    ['a Unix timestamp (digit string)', '1359217910'],
  ])('issued_on (the 0.5 name, which 1.0 issuers kept writing) as %s is read', async (_, issued_on) => {
    const r = await hosted10({ issuedOn: undefined, issued_on });
    expect(fails(r)).toEqual([]);
    expect(r.badge?.issuedOn).toBe('2013-01-26T16:31:50.000Z');
    expect(r.verdict).toBe('valid');
    const late = await hosted10({ issuedOn: undefined, issued_on: 1893456000 });
    expect(check(late, 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_NOT_YET_VALID' });
  });

  it.each([
    ['a Unix timestamp (number)', 1893456000, 'pass'],
    ['a Unix timestamp (digit string)', '1893456000', 'pass'],
    ['a date alone', '2030-01-01', 'pass'],
    ['a past Unix timestamp', 1420070400, 'fail'],
    ['a past date alone', '2015-01-01', 'fail'],
  ])('expires as %s is read (%s)', async (_, expires, outcome) => {
    const r = await hosted10({ expires });
    expect(check(r, 'validity')?.outcome).toBe(outcome);
    expect(r.verdict).toBe(outcome === 'pass' ? 'valid' : 'invalid');
    if (outcome === 'fail') expect(check(r, 'validity')?.code).toBe('ERR_EXPIRED');
  });

  it.each([
    ['sha256, lower case', `sha256$${hash('sha256', `${ADA}deadsea`)}`, true, 'deadsea'],
    ['sha256, upper-case digest', `sha256$${hash('sha256', `${ADA}deadsea`).toUpperCase()}`, true, 'deadsea'],
    ['SHA256$, upper-case algorithm', `SHA256$${hash('sha256', `${ADA}deadsea`)}`, true, 'deadsea'],
    ['md5, lower case', `md5$${hash('md5', `${ADA}deadsea`)}`, true, 'deadsea'],
    ['MD5$, upper case', `MD5$${hash('md5', `${ADA}deadsea`).toUpperCase()}`, true, 'deadsea'],
    ['sha256 without salt', `sha256$${hash('sha256', ADA)}`, true, undefined],
    ['hashed given as the string "true"', `sha256$${hash('sha256', `${ADA}deadsea`)}`, 'true', 'deadsea'],
    ['in the clear (hashed false)', ADA, false, undefined],
  ])('a recipient hashed as %s is recognised', async (_, identity, hashed, salt) => {
    const r = await hosted10({ recipient: { type: 'email', hashed, identity, ...(salt ? { salt } : {}) } });
    expect(fails(r)).toEqual([]);
    expect(check(r, 'recipient')?.outcome).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  it('a recipient who is someone else fails the recipient check, whatever the hash\'s case', async () => {
    const r = await hosted10({ recipient: { type: 'email', hashed: true, salt: 'x', identity: `SHA256$${hash('sha256', 'eve@example.org' + 'x').toUpperCase()}` } });
    expect(check(r, 'recipient')).toMatchObject({ outcome: 'fail', code: 'ERR_RECIPIENT_MISMATCH' });
  });

  it('evidence as a URL string and an image as a data: URL are kept', async () => {
    const r = await hosted10({ image: PNG });
    expect(r.verdict).toBe('valid');
    expect(r.badge?.image).toBe(PNG);
    expect(r.badge?.evidence).toEqual([{ id: `${O}/beths-robot-work.html` }]);
  });

  it('a badge class\'s image and criteria written as paths are read against the badge class\'s URL; a data: image is kept', async () => {
    const a = assertion10({ image: undefined });
    const w = web10((x) => x.json(ASSERTION_URL, a).json(`${O}/robotics-badge.json`, {
      name: 'Awesome Robotics Badge', description: 'd', image: '/img/robotics.png', criteria: '/criteria/robotics.html', issuer: `${O}/organization.json`,
    }));
    const r2 = await verify(JSON.stringify(a), { fetch: w.fetch, now: NOW, identities: [] });
    expect(r2.verdict).toBe('valid');
    expect(r2.badge?.image).toBe(`${O}/img/robotics.png`);
    expect(r2.badge?.criteria?.url).toBe(`${O}/criteria/robotics.html`);
    w.json(`${O}/robotics-badge.json`, { name: 'B', description: 'd', image: PNG, criteria: `${O}/c`, issuer: `${O}/organization.json` });
    const r3 = await verify(JSON.stringify(a), { fetch: w.fetch, now: NOW, identities: [] });
    expect(r3.badge?.image).toBe(PNG);
  });

  it('the assertion\'s and the issuer organization\'s images written as paths are read on the sites that served them', async () => {
    const a = assertion10({ image: '/beths-robot-badge.png' });
    const w = web10((x) => x.json(ASSERTION_URL, a).json(`${O}/organization.json`, { name: 'An Example Badge Issuer', image: '/logo.png', url: O }));
    const r = await verify(JSON.stringify(a), { fetch: w.fetch, now: NOW, identities: [] });
    expect(r.verdict).toBe('valid');
    expect(r.badge?.image).toBe(`${O}/beths-robot-badge.png`);
    expect(r.badge?.issuer.image).toBe(`${O}/logo.png`);
  });

  it('evidence written as text (no URI) is shown as its narrative, not as an address', async () => {
    const r = await hosted10({ evidence: 'Demonstrated understanding of the coursework.' });
    expect(r.verdict).toBe('valid');
    expect(r.badge?.evidence).toEqual([{ narrative: 'Demonstrated understanding of the coursework.' }]);
  });

  it('a uid in the issuer organization\'s revocation list (a map of uid to reason) is revoked', async () => {
    const r = await hosted10({ uid: '1av09le' });
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(check(r, 'revocation')?.message).toContain('Honor code violation');
  });

  it('revoked as OB 1.0 revokes a hosted badge (410 Gone, {"revoked": true}), it is invalid', async () => {
    const a = assertion10();
    const w = web10((x) => x.status(ASSERTION_URL, 410, '{"revoked": true}'));
    const r = await verify(JSON.stringify(a), { fetch: w.fetch, now: NOW, identities: [] });
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
  });

  // OB 1.0 asked only that displayers show verify.url's origin (Assertion spec, Badge Verification), and
  // Mozilla's openbadges-validator took such a copy (no origin check, only its deep equality): not
  // confirmed as the issuer's (OB 2.0's rule 3 would bind it to the issuer's site), nor proved false.
  it('a copy served from another site than the issuer organization\'s is unconfirmed, not invalid, and names both sites', async () => {
    const a = assertion10({ verify: { type: 'hosted', url: 'https://badges.example.net/beth.json' } });
    const w = web10((x) => x.json('https://badges.example.net/beth.json', a));
    const r = await verify(JSON.stringify(a), { fetch: w.fetch, now: NOW, identities: [] });
    expect(r.format).toBe('ob1.0-hosted');
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_HOSTED_SCOPE' });
    expect(check(r, 'hosted')?.message).toContain('badges.example.net');
    expect(check(r, 'hosted')?.message).toContain('example.org');
    expect(check(r, 'hosted')?.message).toContain('OB 1.0 did not require');
    expect(r.verdict).toBe('indeterminate');
  });

  it('such a copy revoked in the issuer organization\'s list is still invalid', async () => {
    const a = assertion10({ uid: 'qp8g1s', verify: { type: 'hosted', url: 'https://badges.example.net/beth.json' } });
    const w = web10((x) => x.json('https://badges.example.net/beth.json', a));
    const r = await verify(JSON.stringify(a), { fetch: w.fetch, now: NOW, identities: [] });
    expect(check(r, 'revocation')?.outcome).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });

  it('a copy that differs from the issuer\'s is judged by the issuer\'s copy (expired there: invalid)', async () => {
    const a = assertion10();
    const w = web10((x) => x.json(ASSERTION_URL, { ...a, expires: '2014-01-01' }));
    const r = await verify(JSON.stringify(a), { fetch: w.fetch, now: NOW, identities: [] });
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
  });
});

describe('OB 1.1 hosted: @context https://w3id.org/openbadges/v1, type and id', () => {
  const A = `${O}/assertions/123`;
  const web11 = (assertion: Record<string, unknown>, context = 'https://w3id.org/openbadges/v1') => new FakeWeb()
    .json(A, assertion)
    .json(`${O}/badge-class.json`, { '@context': context, type: 'BadgeClass', id: `${O}/badge-class.json`, name: 'Awesome Robotics Badge', description: 'd', image: `${O}/b.png`, criteria: `${O}/c.html`, issuer: `${O}/issuer.json` })
    .json(`${O}/issuer.json`, { '@context': context, type: 'Issuer', id: `${O}/issuer.json`, name: 'An Example Badge Issuer', url: O, email: 'steved@example.org' });
  const a11 = (context: unknown = 'https://w3id.org/openbadges/v1') => ({
    '@context': context, type: 'Assertion', id: A, uid: '123',
    recipient: { type: 'email', hashed: true, salt: 'deadsea', identity: `sha256$${hash('sha256', `${ADA}deadsea`)}` },
    badge: `${O}/badge-class.json`, verify: { type: 'hosted', url: A }, issuedOn: '2015-05-01',
  });

  it.each([
    ['https://w3id.org/openbadges/v1'],
    ['http://w3id.org/openbadges/v1'],
    ['https://w3id.org/openbadges/v1/'],
  ])('with the context %s it is an OB 1.1 badge and valid', async (context) => {
    const a = a11(context);
    const r = await verify(JSON.stringify(a), { fetch: web11(a, context).fetch, now: NOW, identities: [ADA] });
    expect(r.format).toBe('ob1.1-hosted');
    expect(fails(r)).toEqual([]);
    expect(r.recipient).toBe(ADA);
    expect(r.verdict).toBe('valid');
  });
});

describe('OB 1.0 signed: a JWS made with RS256, its key a PEM at verify.url', () => {
  async function signed(keyAt: string, over: Record<string, unknown> = {}) {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const w = web10().status(keyAt, 200, await exportSPKI(publicKey));
    const jws = await signJws(assertion10({ verify: { type: 'signed', url: keyAt }, ...over }), privateKey);
    return { w, jws, privateKey };
  }

  it('with the key on the issuer organization\'s own site, it is valid', async () => {
    const { w, jws } = await signed(`${O}/public.pem`);
    const r = await verify(jws, { fetch: w.fetch, now: NOW, identities: [ADA] });
    expect(r.format).toBe('ob1.0-signed');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key')?.message).toContain('example.org');
    expect(r.recipient).toBe(ADA);
    expect(r.verdict).toBe('valid');
  });

  it('with the key on another site, the signature holds but the key is not confirmed as the issuer\'s: unsettled', async () => {
    const { w, jws } = await signed('https://keys.example.net/public.pem');
    const r = await verify(jws, { fetch: w.fetch, now: NOW, identities: [] });
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key')?.outcome).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it('an OB 1.1 signed assertion (@context in an array) with its key on the issuer\'s site is valid', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const w = web10().status(`${O}/public.pem`, 200, await exportSPKI(publicKey));
    const jws = await signJws({ ...assertion10({ verify: { type: 'signed', url: `${O}/public.pem` } }), '@context': ['https://w3id.org/openbadges/v1'], type: 'Assertion', id: 'urn:uuid:2f1e4c3a-0b7d-4a8e-9c6f-1d2e3f4a5b6c' }, privateKey);
    const r = await verify(jws, { fetch: w.fetch, now: NOW, identities: [ADA] });
    expect(r.format).toBe('ob1.1-signed');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'issuer-key')?.outcome).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  it('an issuer organization on another site than the key leaves it unconfirmed, even when the badge class is on the key\'s site', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const w = web10().status(`${O}/public.pem`, 200, await exportSPKI(publicKey))
      .json(`${O}/robotics-badge.json`, { name: 'B', description: 'd', image: `${O}/b.png`, criteria: `${O}/c`, issuer: 'https://university.example.com/org.json' })
      .json('https://university.example.com/org.json', { name: 'University', url: 'https://university.example.com' });
    const r = await verify(await signJws(assertion10({ verify: { type: 'signed', url: `${O}/public.pem` } }), privateKey), { fetch: w.fetch, now: NOW, identities: [] });
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_ISSUER_UNRESOLVED' });
    expect(r.verdict).toBe('indeterminate');
  });

  it('its JSON without the JWS (as a backpack keeps a badge) cannot be checked: unsettled, not invalid', async () => {
    const r = await verify(JSON.stringify(assertion10({ verify: { type: 'signed', url: `${O}/public.pem` } })), { fetch: web10().fetch, now: NOW, identities: [ADA] });
    expect(r.format).toBe('ob1.0-signed');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_NO_KEY' });
    expect(check(r, 'signature')?.message).toContain('without its signature');
    expect(r.badge?.name).toBe('Awesome Robotics Badge');
    expect(r.verdict).toBe('indeterminate');
  });

  it('an OB 2.0 SignedBadge given as JSON without its JWS is still a failure', async () => {
    const r = await verify(JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'urn:uuid:2f1e4c3a-0b7d-4a8e-9c6f-1d2e3f4a5b6c', recipient: { type: 'email', hashed: false, identity: ADA }, badge: `${O}/robotics-badge.json`, issuedOn: '2015-01-01T00:00:00Z', verification: { type: 'SignedBadge' } }), { fetch: web10().fetch, now: NOW, identities: [] });
    expect(check(r, 'signature')?.outcome).toBe('fail');
  });

  /** The key as 2013 issuers' tools wrote it; the JWS made with Node's crypto, as node-jws made it. */
  async function nodeSigned(bits: number, type: 'pkcs1' | 'spki', pem?: string) {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
    const w = web10().status(`${O}/public.pem`, 200, pem ?? (publicKey.export({ type, format: 'pem' }) as string));
    const input = `${b64u(JSON.stringify({ alg: 'RS256' }))}.${b64u(JSON.stringify(assertion10({ verify: { type: 'signed', url: `${O}/public.pem` } })))}`;
    const jws = `${input}.${b64u(createSign('RSA-SHA256').update(input).sign(privateKey))}`;
    return verify(jws, { fetch: w.fetch, now: NOW, identities: [ADA] });
  }

  it('a key served as PKCS #1 ("BEGIN RSA PUBLIC KEY") is read: valid', async () => {
    const r = await nodeSigned(2048, 'pkcs1');
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  it('a PKCS #1 PEM that holds no key is no usable key: unsettled, said so', async () => {
    const r = await nodeSigned(2048, 'pkcs1', '-----BEGIN RSA PUBLIC KEY-----\nAAAA\n-----END RSA PUBLIC KEY-----\n');
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_NO_KEY' });
    expect(check(r, 'signature')?.message).toContain('is not a usable RSA key');
    expect(r.verdict).toBe('indeterminate');
  });

  /**
   * An X.509 certificate at verify.url, which Node's crypto under Mozilla's validator took as its key
   * (x509-spki.ts): its key alone is read, bound to that URL as a PEM key is. The certificates are
   * made in the test (test/support/x509.ts) with names and dates that vouch for nothing.
   */
  type Pair = { publicKey: KeyObject; privateKey: KeyObject };
  async function certSigned(keyAt: string, cert: (k: Pair) => string) {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const w = web10().status(keyAt, 200, cert(pair));
    const input = `${b64u(JSON.stringify({ alg: 'RS256' }))}.${b64u(JSON.stringify(assertion10({ verify: { type: 'signed', url: keyAt } })))}`;
    const jws = `${input}.${b64u(createSign('RSA-SHA256').update(input).sign(pair.privateKey))}`;
    return verify(jws, { fetch: w.fetch, now: NOW, identities: [ADA] });
  }
  const selfSigned = (subject?: string) => (k: Pair) => certificatePem({ subjectKey: k.publicKey, signer: k.privateKey, ...(subject ? { subject } : {}) });

  it('a key served as an X.509 certificate on the issuer\'s site is read: valid (its 2014 expiry and self-signature are not its word)', async () => {
    const r = await certSigned(`${O}/public.pem`, selfSigned());
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key')?.outcome).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  it('a certificate on another site, naming the issuer\'s site, is bound to the site that served it: unsettled', async () => {
    const r = await certSigned('https://keys.example.net/public.pem', selfSigned('example.org'));
    expect(check(r, 'signature')?.outcome).toBe('pass');
    expect(check(r, 'issuer-key')?.outcome).toBe('indeterminate');
    expect(r.verdict).toBe('indeterminate');
  });

  it('a certificate holding another key than the signer\'s: invalid, as a PEM key would be', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const r = await certSigned(`${O}/public.pem`, () => certificatePem({ subjectKey: other.publicKey, signer: other.privateKey }));
    expect(check(r, 'signature')?.outcome).toBe('fail');
    expect(r.verdict).toBe('invalid');
  });

  it.each([
    ['an EC key (signed by the RSA key)', (k: Pair) => certificatePem({ subjectKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey, signer: k.privateKey })],
    ['no certificate DER', (_k: Pair) => '-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n'],
  ])('a certificate holding %s is no usable key: unsettled, said so', async (_, cert) => {
    const r = await certSigned(`${O}/public.pem`, cert);
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_NO_KEY' });
    expect(check(r, 'signature')?.message).toContain('is not a usable RSA key');
    expect(r.verdict).toBe('indeterminate');
  });

  it('a 1024-bit key (common in 2013; RFC 7518 §3.3 asks 2048) leaves the signature unsettled, saying why', async () => {
    const r = await nodeSigned(1024, 'spki');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'signature')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_NO_KEY' });
    expect(check(r, 'signature')?.message).toContain('2048 bits');
    expect(r.verdict).toBe('indeterminate');
  });

  it('revoked by uid in the issuer organization\'s list, it is invalid', async () => {
    const { w, jws } = await signed(`${O}/public.pem`, { uid: 'qp8g1s' });
    const r = await verify(jws, { fetch: w.fetch, now: NOW, identities: [] });
    expect(check(r, 'revocation')).toMatchObject({ outcome: 'fail', code: 'ERR_REVOKED' });
    expect(r.verdict).toBe('invalid');
  });

  it('signed by another key than the one at verify.url, it is invalid', async () => {
    const { w } = await signed(`${O}/public.pem`);
    const other = await generateKeyPair('RS256');
    const jws = await signJws(assertion10({ verify: { type: 'signed', url: `${O}/public.pem` } }), other.privateKey);
    const r = await verify(jws, { fetch: w.fetch, now: NOW, identities: [] });
    expect(check(r, 'signature')).toMatchObject({ outcome: 'fail', code: 'ERR_SIGNATURE_INVALID' });
    expect(r.verdict).toBe('invalid');
  });
});

describe('OB 0.5: an assertion embedding its badge and its issuer (origin)', () => {
  const SITE = 'http://badges.example.edu';
  const URL05 = `${SITE}/assertions/ada.json`;
  const a05 = (over: Record<string, unknown> = {}) => ({
    recipient: ADA,
    evidence: '/work/ada.html',
    issued_on: '2012-06-01',
    badge: {
      version: '0.5.0', name: 'HTML5 Expert', image: '/img/html5.png', description: 'Knows HTML5.', criteria: '/criteria/html5.html',
      issuer: { origin: SITE, name: 'Example University', org: 'School of Web', contact: 'badges@example.edu' },
    },
    ...over,
  });
  const at = async (a: Record<string, unknown>, identities: string[] = [ADA]) =>
    verify(URL05, { fetch: new FakeWeb().json(URL05, a).fetch, now: NOW, identities });

  it('served from its issuer\'s origin, with a date alone, it is valid; relative paths are read against that origin', async () => {
    const r = await at(a05());
    expect(r.format).toBe('ob0.5-hosted');
    expect(fails(r)).toEqual([]);
    expect(check(r, 'validity')?.outcome).toBe('pass');
    expect(r.verdict).toBe('valid');
    expect(r.badge?.issuedOn).toBe('2012-06-01T00:00:00Z');
    expect(r.badge?.image).toBe(`${SITE}/img/html5.png`);
    expect(r.badge?.criteria?.url).toBe(`${SITE}/criteria/html5.html`);
    expect(r.badge?.evidence).toEqual([{ id: `${SITE}/work/ada.html` }]);
    expect(r.badge?.issuer.name).toBe('Example University: School of Web');
  });

  it('without issued_on (optional in 0.5) it is valid', async () => {
    const { issued_on: _, ...a } = a05();
    const r = await at(a);
    expect(fails(r)).toEqual([]);
    expect(r.verdict).toBe('valid');
  });

  // 0.5 allowed sha1, sha256, sha512 and md5 (Mozilla's openbadges-validator VALID_HASHES): each is compared.
  it.each(['sha1', 'sha512'])('a recipient hashed with %s, salted, is the user\'s when it is their address\'s hash', async (alg) => {
    const r = await at(a05({ recipient: `${alg}$${createHash(alg).update(`${ADA}pepper`).digest('hex')}`, salt: 'pepper' }));
    expect(check(r, 'structure')?.outcome).toBe('pass');
    expect(check(r, 'recipient')).toMatchObject({ outcome: 'pass', message: `Issued to ${ADA}` });
    expect(r.recipient).toBe(ADA);
    expect(r.verdict).toBe('valid');
  });

  it.each(['sha1', 'sha512'])('a recipient hashed with %s is someone else\'s when it is another address\'s hash', async (alg) => {
    const r = await at(a05({ recipient: `${alg}$${createHash(alg).update('grace@example.org').digest('hex')}` }));
    expect(check(r, 'recipient')?.outcome).toBe('fail');
    expect(r.recipient).toBeNull();
    expect(r.verdict).toBe('invalid');
  });

  it('a recipient hashed by an algorithm 0.5 did not allow (sha384) is not compared, and the message names the four it allowed', async () => {
    const r = await at(a05({ recipient: `sha384$${createHash('sha384').update(ADA).digest('hex')}` }));
    expect(check(r, 'recipient')?.outcome).toBe('skipped');
    expect(check(r, 'recipient')?.message).toContain('only md5, sha1, sha256 and sha512 hashes are allowed');
  });

  it('a salted sha256 recipient is recognised', async () => {
    const r = await at(a05({ recipient: `sha256$${hash('sha256', `${ADA}pepper`)}`, salt: 'pepper' }));
    expect(check(r, 'recipient')?.outcome).toBe('pass');
    expect(r.verdict).toBe('valid');
  });

  it.each([
    ['in the future (date alone)', '2030-01-01', 'pass'],
    ['in the past (date alone)', '2013-01-01', 'fail'],
  ])('expires %s is read', async (_, expires, outcome) => {
    const r = await at(a05({ expires }));
    expect(check(r, 'validity')?.outcome).toBe(outcome);
  });
});

/**
 * A legacy date of the right shape that names no day: a 0.5 issuer emitted "2013-19-03". Mozilla's
 * validator checked the shape only (`re.date`) and its Backpack took the badge; 1EdTech's cannot
 * upgrade it (`_upgrade_datetime`'s strptime raises). Nothing says the badge is false; its dates are
 * unknown, so validity is unsettled, and the message says what is wrong with the date.
 */
describe('a legacy date that is no date', () => {
  const SITE = 'http://badges.example.edu';
  const URL05 = `${SITE}/assertions/ada.json`;
  const base = { recipient: ADA, issued_on: '2013-03-16', badge: { version: '0.5.0', name: 'N', image: '/i.png', description: 'd', criteria: '/c', issuer: { origin: SITE, name: 'U', contact: 'b@example.edu' } } };
  const at = async (a: Record<string, unknown>) => verify(URL05, { fetch: new FakeWeb().json(URL05, a).fetch, now: NOW, identities: [ADA] });

  it.each([
    ['issued_on', '2013-19-03', 'issued_on "2013-19-03" names month 19, and months run from 01 to 12', 'when the badge was issued is unknown'],
    ['issued_on', '2013-02-30', 'issued_on "2013-02-30" names day 30 of a month that has 28 days', 'when the badge was issued is unknown'],
    ['expires', '2030-00-10', 'expires "2030-00-10" names month 00', 'when the badge expires is unknown'],
    ['expires', 'next year', 'expires "next year" is neither a date (YYYY-MM-DD), an ISO 8601 date and time, nor a Unix timestamp', 'when the badge expires is unknown'],
  ])('OB 0.5 %s "%s" leaves validity unsettled, not invalid, and says why', async (field, value, why, unknown) => {
    const r = await at({ ...base, [field]: value });
    expect(fails(r)).toEqual([]);
    expect(check(r, 'validity')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_DATE_INVALID' });
    expect(check(r, 'validity')?.message).toContain(why);
    expect(check(r, 'validity')?.message).toContain(unknown);
    expect(check(r, 'hosted')?.outcome).toBe('pass');
    expect(r.verdict).toBe('indeterminate');
  });

  it('an impossible issued_on with an expiry that has passed is expired: the date that reads settles it', async () => {
    const r = await at({ ...base, issued_on: '2013-19-03', expires: '2014-01-01' });
    expect(check(r, 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
    expect(r.verdict).toBe('invalid');
  });

  it.each([
    ['an impossible date', '2013-19-03', 'names month 19'],
    ['a Unix time past year 9999', 1e300, 'is no Unix timestamp'],
    ['milliseconds (Date.now())', 1359217910000, '1359217910000 has 13 digits: a Unix timestamp counts seconds (10 digits); read as milliseconds it would be 2013-01-26T16:31:50.000Z, which is not assumed'],
    ['milliseconds as digits', '1359217910000', '"1359217910000" has 13 digits'],
  ])('OB 1.0 issuedOn as %s leaves validity unsettled (hosted and signed alike)', async (_, issuedOn, why) => {
    const r = await hosted10({ issuedOn });
    expect(check(r, 'validity')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_DATE_INVALID' });
    expect(check(r, 'validity')?.message).toContain(`issuedOn ${typeof issuedOn === 'string' ? `"${issuedOn}"` : String(issuedOn).slice(0, 4)}`);
    expect(check(r, 'validity')?.message).toContain(why);
    expect(r.verdict).toBe('indeterminate');
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const w = web10().status(`${O}/public.pem`, 200, await exportSPKI(publicKey));
    const s = await verify(await signJws(assertion10({ issuedOn, verify: { type: 'signed', url: `${O}/public.pem` } }), privateKey), { fetch: w.fetch, now: NOW, identities: [] });
    expect(check(s, 'validity')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_DATE_INVALID' });
    expect(check(s, 'validity')?.message).toContain(why);
  });

  it('an OB 2.0 assertion\'s impossible date is still a failure (2.0 requires an ISO 8601 date and time)', async () => {
    const A = 'https://issuer.test/a.json';
    const ctx = 'https://w3id.org/openbadges/v2';
    const a = { '@context': ctx, type: 'Assertion', id: A, recipient: { type: 'email', hashed: false, identity: ADA }, badge: 'https://issuer.test/b.json', verification: { type: 'HostedBadge' }, issuedOn: '2013-19-03T00:00:00Z' };
    const w = new FakeWeb().json(A, a)
      .json('https://issuer.test/b.json', { '@context': ctx, type: 'BadgeClass', id: 'https://issuer.test/b.json', name: 'B', description: 'd', image: 'https://issuer.test/b.png', criteria: 'https://issuer.test/c', issuer: 'https://issuer.test/i.json' })
      .json('https://issuer.test/i.json', { '@context': ctx, type: 'Issuer', id: 'https://issuer.test/i.json', name: 'I', url: 'https://issuer.test', email: 'i@issuer.test' });
    const r = await verify(JSON.stringify(a), { fetch: w.fetch, now: NOW, identities: [] });
    expect(r.verdict).toBe('invalid');
  });
});

/**
 * OB 0.5 assertions as real issuers wrote them (test/fixtures/README.md): Celstec's ARLearn served a
 * static one from its App Engine site (relative paths, a plain e-mail recipient, expired 2013-06-01);
 * Dr. Chuck's Easy-Bake Badge Baker (2013-03-23) wrote `issued_on` "2013-19-03" into every badge.
 */
describe('real OB 0.5 issuers', () => {
  it('ARLearn\'s badge, served from its origin, is the issuer\'s, with its paths on that origin, and expired on 2013-06-01', async () => {
    const r = await verify('http://streetlearn.appspot.com/badge.jsp', { fetch: offlineFetch([{ prefix: 'http://streetlearn.appspot.com', dir: path.join(REAL, 'hosts/streetlearn.appspot.com') }]), now: NOW, identities: ['stefaan.ternier@gmail.com'] });
    expect(r.format).toBe('ob0.5-hosted');
    expect(r.checks.filter((c) => c.outcome === 'fail').map((c) => c.id)).toEqual(['validity']);
    expect(check(r, 'validity')).toMatchObject({ code: 'ERR_EXPIRED' });
    expect(check(r, 'hosted')?.outcome).toBe('pass');
    expect(check(r, 'recipient')?.outcome).toBe('pass');
    expect(r.badge?.image).toBe('http://streetlearn.appspot.com/images/badge-supporter.png');
    expect(r.badge?.criteria?.url).toBe('http://streetlearn.appspot.com/badges/html5-basic');
    expect(r.badge?.evidence).toEqual([{ id: 'http://streetlearn.appspot.com/badges/html5-basic/bimmy' }]);
    expect(r.badge?.issuer.name).toBe('Celstec: Centre of Learning Sciences and Technologies');
  });

  it('before it expired, it was valid', async () => {
    const r = await verify('http://streetlearn.appspot.com/badge.jsp', { fetch: offlineFetch([{ prefix: 'http://streetlearn.appspot.com', dir: path.join(REAL, 'hosts/streetlearn.appspot.com') }]), now: new Date('2013-01-01T00:00:00Z'), identities: [] });
    expect(r.verdict).toBe('valid');
  });

  it('Dr. Chuck\'s badge with issued_on "2013-19-03" is unsettled, never invalid, and the message names the month', async () => {
    const URL_ = 'http://online.dr-chuck.com/badges/assert.php?id=6f5148656951514b546c4862784f50546e773d3d';
    const r = await verify(URL_, { fetch: offlineFetch([{ prefix: 'http://online.dr-chuck.com', dir: path.join(LEGACY, 'online.dr-chuck.com') }]), now: NOW, identities: ['learner@example.org'] });
    expect(r.format).toBe('ob0.5-hosted');
    expect(fails(r)).toEqual([]);
    // Its baked images name an http URL while its issuer's origin is https: read over plain http,
    // the copy is not bound to that origin (ob05-hosted-binding.test.ts), unsettled, never false.
    expect(check(r, 'hosted')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_HOSTED_SCOPE' });
    expect(check(r, 'recipient')?.outcome).toBe('pass');
    expect(check(r, 'validity')).toMatchObject({ outcome: 'indeterminate', code: 'ERR_DATE_INVALID' });
    expect(check(r, 'validity')?.message).toBe('The issuer wrote a date that is no date: issued_on "2013-19-03" names month 19, and months run from 01 to 12. So when the badge was issued is unknown, and whether it is valid now cannot be told');
    expect(r.badge?.issuedOn).toBe('2013-19-03');
    expect(r.verdict).toBe('indeterminate');
  });
});

/**
 * An OB 1.x `expires` written as Unix seconds past year 9999 (an issuer's "never") was `indeterminate`
 * ("no Unix timestamp of a year up to 9999"), where a VC-JWT `exp` or a validUntil there is after
 * every date (vc-jwt-far-dates.test.ts): legacy-dates.ts farExpiry. Digits whose milliseconds reading
 * has ended (253402300800 ms is 1978) stay unsettled: which the issuer meant decides.
 */
describe('OB 1.0 expires past year 9999', () => {
  it.each([1e13, '10000000000000', 1e15, Number.MAX_SAFE_INTEGER, 1e300, '253402300800000000'])('expires %s is not expired: valid', async (expires) => {
    const r = await hosted10({ expires });
    expect(check(r, 'validity'), JSON.stringify(r.checks)).toMatchObject({ outcome: 'pass' });
    expect(r.verdict).toBe('valid');
  });

  it('digits that, read as milliseconds, ended long ago stay unsettled; a past expiry is still expired', async () => {
    for (const expires of [253402300800, 1359217910000]) {
      const r = await hosted10({ expires });
      expect(check(r, 'validity'), String(expires)).toMatchObject({ outcome: 'indeterminate', code: 'ERR_DATE_INVALID' });
    }
    expect(check(await hosted10({ expires: 1500000000 }), 'validity')).toMatchObject({ outcome: 'fail', code: 'ERR_EXPIRED' });
  });
});
