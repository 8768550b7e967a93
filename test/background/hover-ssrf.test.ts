/**
 * SSRF through the second hop of a hover verification: the page links to a public badge, and the
 * badge (which its issuer writes) names private addresses for its badge class, issuer profile,
 * DID document (its verification key) and status list. The user granted every one of
 * those hosts (so only the private-network rule stands in the way): none of them is fetched, and the
 * verdict is indeterminate, never valid. Existing tests covered the first hop (the link itself).
 */
import { describe, expect, it } from 'vitest';
import { base58btcEncode } from '../../src/core/proofs/sign.ts';
import { harness } from './harness.ts';

const FROM = { id: 'pakfgahhhefpnaajfclapgchhifablpl', url: 'https://blog.example/2026/my-badges', tab: { id: 7 }, frameId: 0 };
const PRIVATE = ['http://10.0.0.5/', 'http://localhost:8080/', 'http://[::ffff:7f00:1]/', 'https://192.168.1.1.nip.io/', 'http://intranet.corp/'];

const json = (v: unknown) => new Response(JSON.stringify(v), { headers: { 'content-type': 'application/ld+json' } });

/** A public OB 2.0 assertion whose other documents are on private hosts, and an OB 3.0 VC whose issuer is a did:web on one. */
const DOCS: Record<string, unknown> = {
  'https://issuer.example/a/ob2.json': {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: 'https://issuer.example/a/ob2.json',
    recipient: { type: 'email', hashed: false, identity: 'ada@example.org' },
    badge: 'http://10.0.0.5/badge.json',
    verification: { type: 'hosted' },
    issuedOn: '2024-01-01T00:00:00Z',
  },
  'https://issuer.example/a/ob2-hosted.json': {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: 'https://issuer.example/a/ob2-hosted.json',
    recipient: { type: 'email', hashed: false, identity: 'ada@example.org' },
    badge: { type: 'BadgeClass', id: 'https://issuer.example/b', name: 'B', description: 'd', image: 'https://issuer.example/i.png', criteria: { narrative: 'n' }, issuer: 'http://localhost:8080/issuer' },
    verification: { type: 'hosted' },
    issuedOn: '2024-01-01T00:00:00Z',
  },
  'https://issuer.example/a/ob3.json': {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'https://issuer.example/a/ob3.json',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:web:192.168.1.1.nip.io', type: ['Profile'], name: 'I' },
    validFrom: '2024-01-01T00:00:00Z',
    name: 'B',
    credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'https://issuer.example/ach', type: ['Achievement'], name: 'B', description: 'd', criteria: { narrative: 'n' } } },
    credentialStatus: { id: 'http://intranet.corp/status#1', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '1', statusListCredential: 'http://[::ffff:7f00:1]/status' },
    proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: 'did:web:192.168.1.1.nip.io#key-1', created: '2024-01-01T00:00:00Z', proofValue: `z${base58btcEncode(new Uint8Array(64).fill(7))}` },
  },
};

describe('hover verification: the badge’s own links to private networks', () => {
  it('fetches the public badge only, never the private hosts it names, and says indeterminate', async () => {
    const fetched: string[] = [];
    const h = await harness({
      fetch: async (url: string) => {
        fetched.push(url);
        const doc = DOCS[url];
        return doc ? json(doc) : new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    for (const origin of ['https://issuer.example', ...PRIVATE]) h.granted.add(`${new URL(origin).protocol}//${new URL(origin).hostname}/*`);
    await h.app.settings.set({ hoverVerify: true });
    await h.app.hoverSites.add('https://blog.example/*', true);
    h.granted.add('https://blog.example/*');
    for (const url of Object.keys(DOCS)) {
      const v = await h.app.content.hoverVerify(url, FROM);
      expect(v.verdict, url).not.toBe('valid');
    }
    expect(fetched.length).toBeGreaterThanOrEqual(3);
    const reached = fetched.filter((u) => !u.startsWith('https://issuer.example/'));
    expect(reached).toEqual([]);
    // The control: the user's own import of the same badges does follow those links (the user chose
    // the badge), so the hover run above did reach the second hop and refused it there.
    fetched.length = 0;
    for (const url of Object.keys(DOCS)) await h.app.library.import({ kind: 'text', text: url }).catch(() => undefined);
    expect(fetched.filter((u) => !u.startsWith('https://issuer.example/'))).toEqual(
      expect.arrayContaining(['http://10.0.0.5/badge.json', 'http://localhost:8080/issuer', 'https://192.168.1.1.nip.io/.well-known/did.json', 'http://[::ffff:7f00:1]/status']),
    );
  });
});

/** Addresses that are no web documents: a page's badge that names them makes hover read nothing there. */
const OTHER_SCHEMES = [
  'file:///etc/passwd',
  'chrome-extension://pakfgahhhefpnaajfclapgchhifablpl/manifest.json',
  'moz-extension://0f4c1f5e-2f2e-4a3a-9c6e-3d7e1a2b4c5d/manifest.json',
  'blob:https://blog.example/0f4c1f5e-2f2e-4a3a-9c6e-3d7e1a2b4c5d',
  'filesystem:https://blog.example/temporary/badge.json',
  'ftp://files.example/badge.json',
  'javascript:fetch(%22https://evil.example/%22)',
  'ws://issuer.example/badge',
];

describe('hover verification: the badge’s own links to other schemes', () => {
  it('fetches only http(s): a badge class, issuer or status list at file:, an extension page, blob:, ftp: or javascript: is never requested', async () => {
    const fetched: string[] = [];
    const docs = new Map<string, unknown>();
    OTHER_SCHEMES.forEach((to, i) => {
      const at = `https://issuer.example/s/${i}.json`;
      docs.set(at, {
        '@context': 'https://w3id.org/openbadges/v2',
        type: 'Assertion',
        id: at,
        recipient: { type: 'email', hashed: false, identity: 'ada@example.org' },
        badge: i % 2 ? to : { type: 'BadgeClass', id: `https://issuer.example/b${i}`, name: 'B', description: 'd', image: 'https://issuer.example/i.png', criteria: { narrative: 'n' }, issuer: to },
        verification: { type: 'hosted' },
        issuedOn: '2024-01-01T00:00:00Z',
      });
    });
    const h = await harness({
      fetch: async (url: string) => {
        fetched.push(url);
        const doc = docs.get(url);
        return doc ? json(doc) : new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
      },
    });
    // Granted as far as a grant can go: only the scheme stands in the way.
    h.granted.add('https://issuer.example/*');
    for (const to of OTHER_SCHEMES) if (URL.canParse(to) && new URL(to).hostname) h.granted.add(`${new URL(to).protocol}//${new URL(to).hostname}/*`);
    await h.app.settings.set({ hoverVerify: true });
    await h.app.hoverSites.add('https://blog.example/*', true);
    h.granted.add('https://blog.example/*');
    // One tab each: the rate per tab (3 a second) is not what this test is about.
    for (const [i, url] of [...docs.keys()].entries()) {
      const v = await h.app.content.hoverVerify(url, { ...FROM, tab: { id: 100 + i } });
      expect(v.verdict, url).not.toBe('valid');
    }
    expect(fetched.filter((u) => u.startsWith('https://issuer.example/s/'))).toHaveLength(OTHER_SCHEMES.length);
    expect(fetched.filter((u) => !/^https:\/\/issuer\.example\//.test(u))).toEqual([]);
  });
});
