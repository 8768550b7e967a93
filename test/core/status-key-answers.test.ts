/**
 * A verdict is a promise: a server that answers a status list, a revocation list or a key document
 * with HTTP 200 and something that is not that document (an API gateway's `{"error": …}`, `{}`,
 * `[]`, `null`, a bare string, an HTML page) never makes a genuine badge `invalid`; the check that
 * needed the document is left unsettled. test/core/network-faults.test.ts tries these answers on the
 * documents the repository's real credentials fetch; the credentials below are built to fetch each
 * kind of document a verification may ask for, one kind per credential, so that none is left untried:
 * a did:web DID document (did:web §Read), a verification method's controller document (VC Data
 * Integrity 1.0 §4.6, CID 1.0 §Retrieve Verification Method), an issuer's document (binding), a JOSE
 * `kid` JWK Set (RFC 7517 §5), a Bitstring Status List credential (Bitstring Status List v1.0 §3.2),
 * a StatusList2021 credential, a 1EdTech Revocation List, an OB 2.0 CryptographicKey at
 * `verification.creator` (OB 2.0 §SignedBadge) and an OB 2.0 RevocationList (OB 2.0 §Profile
 * `revocationList`). Lanyard fetches no JSON-LD context (they are bundled: src/core/jsonld)
 * and no endorsement by URL (only embedded ones are verified), so neither is here.
 *
 * A document of the wrong kind that is a real mismatch keeps its verdict: a DID document for another
 * DID speaks for someone else (did:web §Read), a status list of another issuer is not the issuer's
 * word (Bitstring Status List v1.0 §3.2 leaves its issuer open: Lanyard trusts it only when the
 * credential's issuer's key signed it), and both leave the check unsettled, never failed.
 */
import { gzipSync } from 'node:zlib';
import { exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkRevocationList } from '../../src/core/formats/ob2-revocation-list.ts';
import { checkCredentialStatus } from '../../src/core/status/check.ts';
import type { VerifyResult } from '../../src/core/result.ts';
import { CheckList } from '../../src/core/verify/checks.ts';
import { createContext, type Fetch } from '../../src/core/verify/context.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { credential, generateSigner, signCredential, type Ed25519Signer } from './proofs/support.ts';
import { assertion, makeIssuer, signJws as signOb2 } from './formats/ob2-fixtures.ts';
import { credential as jwtCredential, sign as signJws, type TestKey } from './keys/jwt-fixtures.ts';

const NOW = new Date('2026-11-26T00:00:00Z');

const json = (body: string) => () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
/** The answers a gateway, a CDN or a maintenance page gives with HTTP 200 in place of the document. */
const ANSWERS: Record<string, () => Response> = {
  '{"error":"rate limited"}': json('{"error":"rate limited"}'),
  '{"message":"Internal error"}': json('{"message":"Internal error"}'),
  '{}': json('{}'),
  '[]': json('[]'),
  null: json('null'),
  '"maintenance"': json('"maintenance"'),
  'an HTML page': () => new Response('<!doctype html><html><body>Down for maintenance</body></html>', { status: 200, headers: { 'content-type': 'text/html' } }),
};

type Web = Record<string, unknown>;
interface Scenario {
  bytes: string;
  web: Web;
}

/** Serves `web`, with `answer` in place of the document at `swap`. */
function fetchOf(web: Web, swap?: string, answer?: () => Response): Fetch {
  return async (url) => {
    const u = url.replace(/#.*$/, '');
    if (u === swap && answer) return answer();
    if (!Object.hasOwn(web, u)) throw new TypeError(`fetch failed: ${u} is unreachable`);
    return new Response(JSON.stringify(web[u]), { status: 200, headers: { 'content-type': 'application/ld+json' } });
  };
}

const run = (s: Scenario, swap?: string, answer?: () => Response): Promise<VerifyResult> => verify(s.bytes, { fetch: fetchOf(s.web, swap, answer), now: NOW });
const outcome = (r: VerifyResult, id: string) => r.checks.find((c) => c.id === id)?.outcome;
const show = (r: VerifyResult) => JSON.stringify(r.checks.filter((c) => c.outcome !== 'pass'), null, 1);

const DID = 'did:web:issuer.example';
const DID_DOC = 'https://issuer.example/.well-known/did.json';
const LIST = 'https://lists.example/status/1';
const RL = 'https://lists.example/revocations';
let issuer: Ed25519Signer;
let other: Ed25519Signer;
let jwtKey: TestKey;
const scenarios: Record<string, Scenario> = {};

const didDocument = (id = DID) => {
  const vm = { id: `${id}#key-1`, type: 'Multikey', controller: id, publicKeyMultibase: issuer.multibase };
  return { '@context': ['https://www.w3.org/ns/did/v1'], id, verificationMethod: [vm], assertionMethod: [vm.id] };
};

function encoded(multibase: boolean, set: number[] = []): string {
  const bits = new Uint8Array(16 * 1024);
  for (const i of set) bits[i >> 3]! |= 0x80 >> (i & 7);
  const b = gzipSync(bits).toString('base64url');
  return multibase ? `u${b}` : b;
}

function statusList(kind: 'Bitstring' | 'StatusList2021', by: Ed25519Signer, issuerId: string, vm: string, set: number[] = []) {
  const bitstring = kind === 'Bitstring';
  return signCredential({
    '@context': bitstring ? ['https://www.w3.org/ns/credentials/v2'] : ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1', 'https://w3id.org/security/data-integrity/v2'],
    id: LIST,
    type: ['VerifiableCredential', bitstring ? 'BitstringStatusListCredential' : 'StatusList2021Credential'],
    issuer: issuerId,
    ...(bitstring ? { validFrom: '2024-01-01T00:00:00Z' } : { issuanceDate: '2024-01-01T00:00:00Z' }),
    credentialSubject: { id: `${LIST}#list`, type: bitstring ? 'BitstringStatusList' : 'StatusList2021', statusPurpose: 'revocation', encodedList: encoded(bitstring, set) },
  }, by, { verificationMethod: vm });
}

beforeAll(async () => {
  [issuer, other] = await Promise.all([generateSigner(), generateSigner()]);
  const vm = `${DID}#key-1`;
  const withStatus = async (credentialStatus: unknown, contexts: string[] = []) => {
    const c = credential(DID, credentialStatus === undefined ? {} : { credentialStatus });
    c['@context'] = [...(c['@context'] as string[]), ...contexts];
    return JSON.stringify(await signCredential(c, issuer, { verificationMethod: vm }));
  };
  const entry = (type: string) => ({ id: `${LIST}#7`, type, statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: LIST });

  scenarios['a did:web DID document'] = { bytes: await withStatus(undefined), web: { [DID_DOC]: didDocument() } };
  scenarios['a Bitstring Status List credential'] = { bytes: await withStatus(entry('BitstringStatusListEntry')), web: { [DID_DOC]: didDocument(), [LIST]: await statusList('Bitstring', issuer, DID, vm) } };
  scenarios['a StatusList2021 credential'] = { bytes: await withStatus(entry('StatusList2021Entry'), ['https://w3id.org/vc/status-list/2021/v1']), web: { [DID_DOC]: didDocument(), [LIST]: await statusList('StatusList2021', issuer, DID, vm) } };

  // A verification method at an https URL (its controller document) and an https issuer that lists it.
  const ISSUER = 'https://issuer.example/profile';
  const KEYS = 'https://keys.example/controller';
  const method = { id: `${KEYS}#key-1`, type: 'Multikey', controller: ISSUER, publicKeyMultibase: issuer.multibase };
  scenarios['a verification method\'s controller document and the issuer\'s document'] = {
    bytes: JSON.stringify(await signCredential(credential(ISSUER), issuer, { verificationMethod: method.id })),
    web: { [KEYS]: { '@context': ['https://www.w3.org/ns/cid/v1'], id: KEYS, verificationMethod: [method] }, [ISSUER]: { id: ISSUER, verificationMethod: [method], assertionMethod: [method.id] } },
  };

  // A VC-JWT whose kid is a key in a JWK Set, its issuer's document listing the same key.
  const pair = await generateKeyPair('EdDSA', { extractable: true });
  jwtKey = { ...pair, jwk: await exportJWK(pair.publicKey), alg: 'EdDSA' };
  const JWKS = 'https://issuer.example/jwks';
  const kid = `${JWKS}#k1`;
  const jwk = { ...jwtKey.jwk, kid: 'k1' };
  const vc = jwtCredential({ id: ISSUER, type: ['Profile'], name: 'Example Issuer' });
  scenarios['a JOSE kid\'s JWK Set and the issuer\'s document'] = {
    bytes: await signJws({ vc, iss: ISSUER, jti: vc.id, nbf: Date.parse('2025-01-01T00:00:00Z') / 1000, sub: 'did:example:learner-1' }, jwtKey, { kid, typ: 'JWT' }),
    web: { [JWKS]: { keys: [jwk] }, [ISSUER]: { id: ISSUER, verificationMethod: [{ id: kid, type: 'JsonWebKey', controller: ISSUER, publicKeyJwk: publicJwk(jwtKey) }], assertionMethod: [kid] } },
  };

  // An OB 2.0 signed badge: its CryptographicKey at verification.creator (OB 2.0 §SignedBadge), its
  // badge class, its issuer's profile and the RevocationList the profile names.
  const ob2 = await makeIssuer({ revocationList: true });
  const pages = [...ob2.web.pages].map(([url, page]) => [url, 'json' in page ? page.json : undefined]);
  scenarios['an OB 2.0 CryptographicKey and RevocationList'] = { bytes: await signOb2(await assertion(), ob2.privateKey), web: Object.fromEntries(pages) };
});

function publicJwk(k: TestKey) {
  const { kty, crv, x } = k.jwk;
  return { kty, crv, x };
}

describe('a 200 answer that is not the status list, revocation list or key document asked for', () => {
  const NAMES = ['a did:web DID document', 'a Bitstring Status List credential', 'a StatusList2021 credential', 'a verification method\'s controller document and the issuer\'s document', 'a JOSE kid\'s JWK Set and the issuer\'s document', 'an OB 2.0 CryptographicKey and RevocationList'];
  for (const name of NAMES) {
    it(`${name}: every answer in place of every fetched document leaves the badge indeterminate`, async () => {
      const s = scenarios[name]!;
      const base = await run(s);
      expect(base.verdict, show(base)).toBe('valid');
      const wrong: string[] = [];
      for (const url of Object.keys(s.web)) {
        for (const [said, answer] of Object.entries(ANSWERS)) {
          const r = await run(s, url, answer);
          if (r.verdict !== 'indeterminate') wrong.push(`${said} at ${url}: ${r.verdict} ${show(r)}`);
        }
      }
      expect(wrong.join('\n')).toBe('');
    });
  }

  it('a did:web DID document for another DID: the key is not confirmed, nor called forged', async () => {
    const s = scenarios['a did:web DID document']!;
    const r = await run({ ...s, web: { [DID_DOC]: didDocument('did:web:other.example') } });
    expect(r.verdict, show(r)).toBe('indeterminate');
  });

  it('a status list credential of another issuer settles nothing; one of the issuer\'s with the bit set still revokes', async () => {
    const s = scenarios['a Bitstring Status List credential']!;
    const foreign = await run({ ...s, web: { ...s.web, [LIST]: await statusList('Bitstring', other, other.did, other.didMethod) } });
    expect(outcome(foreign, 'revocation'), show(foreign)).toBe('indeterminate');
    expect(foreign.verdict).toBe('indeterminate');
    const revoked = await run({ ...s, web: { ...s.web, [LIST]: await statusList('Bitstring', issuer, DID, `${DID}#key-1`, [7]) } });
    expect(revoked.checks.find((c) => c.id === 'revocation')?.code, show(revoked)).toBe('ERR_REVOKED');
    expect(revoked.verdict).toBe('invalid');
  });

});

/** The OB 3.0 context defines no 1EdTechRevocationList term, so no credential signed here can name one: the check is called as check.ts calls it. */
describe('a 1EdTech Revocation List answered with something that is no revocation list', () => {
  const vc = credential(DID, { credentialStatus: { id: RL, type: '1EdTechRevocationList' } });
  const status = (answer: () => Response) => checkCredentialStatus(vc, createContext({ fetch: async () => answer(), now: NOW }));

  it.each(Object.keys(ANSWERS))('%s: the revocation is unsettled', async (said) => {
    const r = await status(ANSWERS[said]!);
    expect(r.outcome, r.message).toBe('indeterminate');
  });

  it('a status list credential in its place settles nothing; a genuine list naming the credential still revokes', async () => {
    const other = await statusList('Bitstring', issuer, DID, `${DID}#key-1`);
    expect((await status(json(JSON.stringify(other)))).outcome).toBe('indeterminate');
    expect((await status(json(JSON.stringify({ revokedCredential: [{ id: vc.id, revoked: true }] })))).outcome).toBe('fail');
    expect((await status(json(JSON.stringify({ revokedCredential: [{ id: 'urn:uuid:someone-else', revoked: true }] })))).outcome).toBe('pass');
  });
});

describe('an OB 2.0 issuer\'s revocationList answered with something that is no revocation list', () => {
  const LIST_URL = 'https://issuer.example/revoked.json';
  const assertion = { id: 'https://issuer.example/assertions/1', uid: 'abc-1' };
  const issuerProfile = { '@context': 'https://w3id.org/openbadges/v2', id: 'https://issuer.example/issuer', type: 'Issuer', name: 'Example', revocationList: LIST_URL };
  async function revocation(answer: () => Response): Promise<{ outcome?: string; message?: string }> {
    const checks = new CheckList();
    const ctx = createContext({ fetch: async () => answer(), now: NOW });
    await checkRevocationList(checks, assertion, issuerProfile, ctx);
    return { outcome: checks.outcome('revocation'), message: checks.get('revocation')?.message };
  }

  it.each(Object.keys(ANSWERS))('%s: the revocation is unsettled', async (said) => {
    const r = await revocation(ANSWERS[said]!);
    expect(r.outcome, r.message).toBe('indeterminate');
  });

  it('an issuer profile or a badge class in place of the list: unsettled', async () => {
    for (const doc of [issuerProfile, { '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: 'https://issuer.example/badge', name: 'B' }]) {
      expect((await revocation(json(JSON.stringify(doc)))).outcome).toBe('indeterminate');
    }
  });

  it('a genuine list still decides: listed is revoked, an empty RevocationList revokes nothing', async () => {
    const list = (revokedAssertions: unknown[]) => json(JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', id: LIST_URL, type: 'RevocationList', revokedAssertions }));
    expect((await revocation(list([{ id: assertion.id, revocationReason: 'Misconduct' }]))).outcome).toBe('fail');
    expect((await revocation(list(['urn:other']))).outcome).toBe('pass');
    expect((await revocation(list([]))).outcome).toBe('pass');
    // An OB 1.1 list, a map of uid to reason, still decides as well.
    expect((await revocation(json(JSON.stringify({ [assertion.uid]: 'Issued in error', 'other-2': 'x' })))).outcome).toBe('fail');
    expect((await revocation(json(JSON.stringify({ 'other-2': 'Issued in error' })))).outcome).toBe('pass');
  });
});
