/**
 * Hostile JSON shapes in a badge (already handled; these attacks had no test): every field of an
 * OB 2.0 assertion and an OB 3.0 credential replaced in turn by a number, a boolean, null, arrays,
 * objects, a `__proto__` object and a javascript: URL (type confusion), and unsigned `__proto__`
 * members added to a signed credential (prototype tricks). Verification never throws, what the
 * popup, picker and share builders receive is strings where strings are expected, and nothing in
 * a `__proto__` member is read as the badge's own data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { metaOf } from '../../src/background/services/badge-record.ts';
import { badgeCardHtml, badgeShareText, linkedInAddToProfileUrl } from '../../src/core/share/index.ts';
import { markdownToHtml } from '../../src/core/share/markdown-html.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { credential, generateSigner, signCredential, type Ed25519Signer } from './proofs/support.ts';

// The last but one: an object JSON can write that no String() or template can turn into text (its
// toString and valueOf are not functions: ECMAScript §7.1.1.1 OrdinaryToPrimitive throws a TypeError).
const JUNK: unknown[] = [42, true, null, [], ['a', 1], {}, { id: 5, name: ['x'] }, { '@value': 'v' }, JSON.parse('{"__proto__":{"polluted":1}}'), JSON.parse('{"toString":"x","valueOf":"y"}'), 'javascript:alert(1)'];

const OB2 = {
  '@context': 'https://w3id.org/openbadges/v2',
  type: 'Assertion',
  id: 'https://i.test/a/1',
  recipient: { type: 'email', hashed: false, identity: 'a@b.test' },
  badge: {
    type: 'BadgeClass', id: 'https://i.test/b/1', name: 'N', description: 'D', image: 'https://i.test/i.png', criteria: { narrative: 'C', id: 'https://i.test/c' }, tags: ['t'],
    alignment: [{ targetName: 'T', targetUrl: 'https://t.test', targetDescription: 'd', targetCode: 'c', targetFramework: 'f' }],
    issuer: { type: 'Profile', id: 'https://i.test/p', name: 'I', url: 'https://i.test', email: 'x@i.test' },
  },
  verification: { type: 'hosted' },
  issuedOn: '2024-01-01T00:00:00Z',
  expires: '2030-01-01T00:00:00Z',
  evidence: [{ id: 'https://i.test/e', narrative: 'n', name: 'e', description: 'd' }],
};
const OB3 = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  id: 'urn:uuid:1', name: 'CN', description: 'CD', image: { id: 'https://i.test/i.png', type: 'Image' },
  issuer: { id: 'https://i.test/p', type: ['Profile'], name: 'I', url: 'https://i.test', email: 'x@i.test' },
  validFrom: '2024-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: 'a@b.test' }],
    result: [{ type: ['Result'], value: 'A', resultDescription: 'urn:x' }],
    achievement: {
      id: 'https://i.test/ach', type: ['Achievement'], name: 'AN', description: 'AD', criteria: { narrative: 'C', id: 'https://i.test/c' }, tags: ['t'],
      alignment: [{ type: ['Alignment'], targetName: 'T', targetUrl: 'https://t.test', targetDescription: 'd', targetCode: 'c' }],
      resultDescription: [{ id: 'urn:x', type: ['ResultDescription'], name: 'R', resultType: 'LetterGrade' }],
    },
  },
  evidence: [{ id: 'https://i.test/e', type: ['Evidence'], narrative: 'n', name: 'e', description: 'd' }],
  endorsement: [{ type: ['VerifiableCredential', 'EndorsementCredential'], issuer: { id: 'https://e.test', name: 'E' }, credentialSubject: { id: 'https://i.test/p', type: ['EndorsementSubject'], endorsementComment: 'ok' } }],
};

/** OB 0.5 (no @context, a string recipient, an issuer with origin and org): upgraded by ob1.ts before it is read. */
const OB05 = {
  recipient: 'sha256$6b3a55e0261b0304143f805a24924d0c1c44524821305f31d9277843b8a10f4e',
  salt: 's',
  issued_on: '2024-01-01',
  expires: '2030-01-01',
  evidence: 'https://i.test/e',
  badge: {
    version: '0.5.0', name: 'N', image: 'https://i.test/i.png', description: 'D', criteria: 'https://i.test/c',
    issuer: { origin: 'https://i.test', name: 'I', org: 'O', contact: 'x@i.test' },
  },
};

function* leaves(v: unknown, p: (string | number)[] = []): Generator<(string | number)[]> {
  if (p.length) yield p;
  if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) yield* leaves(c, [...p, Array.isArray(v) ? Number(k) : k]);
}
function replaced(doc: unknown, p: (string | number)[], value: unknown): string {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let at = copy;
  for (const k of p.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[p[p.length - 1]!] = value;
  return JSON.stringify(copy);
}

const offline = async (): Promise<Response> => {
  throw new TypeError('offline');
};

describe('type confusion in every field', () => {
  it.each([['OB 2.0', OB2, 300], ['OB 3.0', OB3, 300], ['OB 0.5', OB05, 150]] as const)('%s: each field as junk never throws and gives the views strings', async (_, doc, least) => {
    const problems: string[] = [];
    let cases = 0;
    for (const p of leaves(doc)) {
      for (const junk of JUNK) {
        cases++;
        const where = `${p.join('.')}=${JSON.stringify(junk)}`;
        try {
          const r = await verify(replaced(doc, p, junk), { now: new Date('2025-01-01T00:00:00Z'), fetch: offline, identities: ['a@b.test'] });
          const m = metaOf(r.badge ?? null);
          const strings: [string, unknown][] = [
            ...Object.entries(m).filter(([k]) => !['tags', 'evidence', 'alignments', 'claimedRecipients', 'criteria', 'results'].includes(k)),
            ...m.tags.map((t): [string, unknown] => ['tag', t]),
            ...m.evidence.flatMap((e) => Object.entries(e)),
            ...m.alignments.flatMap((a) => Object.entries(a)),
            ...(m.results ?? []).flatMap((x) => Object.entries(x)),
            ...Object.entries(m.criteria ?? {}),
            ...m.claimedRecipients.flatMap((c): [string, unknown][] => [['identity', c.identity], ['type', c.type]]),
          ];
          for (const [k, v] of strings) if (v !== undefined && typeof v !== 'string') problems.push(`${where}: ${k} is ${typeof v}`);
          badgeCardHtml({ name: m.name, issuerName: m.issuerName, image: m.image, publicUrl: m.publicUrl, issuerUrl: m.issuerUrl, issuedOn: m.issuedOn, expires: m.expires });
          badgeShareText({ name: m.name, issuerName: m.issuerName, publicUrl: m.publicUrl });
          linkedInAddToProfileUrl({ name: m.name, organizationName: m.issuerName, certUrl: m.publicUrl, certId: m.credentialId, issuedOn: m.issuedOn, expires: m.expires });
          for (const md of [m.description, m.criteria?.narrative]) if (md) markdownToHtml(md);
        } catch (e) {
          problems.push(`${where}: threw ${e instanceof Error ? e.message : String(e)}`);
        }
        if ((Object.prototype as Record<string, unknown>).polluted !== undefined) problems.push(`${where}: Object.prototype polluted`);
      }
    }
    expect(cases).toBeGreaterThan(least);
    expect(problems).toEqual([]);
  });
});

describe('__proto__ members', () => {
  let alice: Ed25519Signer;
  beforeAll(async () => {
    alice = await generateSigner();
  });

  it('unsigned __proto__ members added to a signed credential supply nothing the badge shows', async () => {
    const c = credential(alice.did);
    delete (c.issuer as Record<string, unknown>).name;
    const signed = JSON.stringify(await signCredential(c, alice));
    // JSON.parse makes these own members named "__proto__"; a copy by assignment would make them prototypes.
    const text = signed
      .replace('"@context"', '"__proto__":{"name":"Doctor of Medicine","validUntil":"2000-01-01T00:00:00Z"},"@context"')
      .replace(`{"id":"${alice.did}"`, `{"__proto__":{"name":"Harvard University"},"id":"${alice.did}"`);
    expect(text).toContain('Harvard University');
    const r = await verify(text, { now: new Date('2026-01-01T00:00:00Z') });
    // JSON-LD drops a __proto__ member when signing and verifying alike, so the signed data is intact...
    expect(r.checks.find((x) => x.id === 'signature')?.outcome).toBe('pass');
    // ...and the badge shows only the signed data: its own name, no issuer name, the signed dates.
    expect(r.badge?.name).toBe('Teamwork');
    expect(r.badge?.issuer.name).toBeUndefined();
    expect(r.checks.find((x) => x.id === 'validity')?.outcome).toBe('pass');
    const m = metaOf(r.badge ?? null);
    expect(m.name).toBe('Teamwork');
    expect(m.issuerName).toBeUndefined();
    expect(({} as Record<string, unknown>).name).toBeUndefined();
  });
});
