/**
 * A realistic in-memory collection for tests and the preview: three accounts, addresses verified
 * and not, badges valid, invalid (expired, revoked), indeterminate (issuer not confirmed), pending,
 * one last checked six weeks ago, and one hostile badge whose every field tries to inject markup. `generateBadges(n)` adds
 * deterministic filler for the 1,000-badge list.
 */
import type { Check } from '../core/result.ts';
import type { AccountView, BadgeDetail, BadgeView, EmailView, Settings } from '../messaging/views.ts';

/** The preview's and tests' clock: the dataset's dates are relative to it. */
export const MOCK_NOW = Date.parse('2026-11-26T12:00:00Z');
export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

const minutesAgo = (m: number) => new Date(MOCK_NOW - m * 60_000).toISOString();

export function badgeImage(hue: number): string {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 64'><circle cx='32' cy='32' r='30' fill='hsl(${hue} 62% 46%)'/><circle cx='32' cy='32' r='22' fill='none' stroke='white' stroke-opacity='.5' stroke-width='2'/><path d='M21 33l8 8 15-17' stroke='white' stroke-width='5' fill='none' stroke-linecap='round' stroke-linejoin='round'/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function mockAccounts(): AccountView[] {
  return [
    { id: 'badgr-us', kind: 'badgr', providerName: 'Canvas Credentials (US)', baseUrl: 'https://api.badgr.io', user: 'ada@example.org', needsSignIn: false, sync: { status: 'idle', done: 0, total: 0, lastSyncedAt: minutesAgo(5) }, trustAddresses: false, verifiedAddresses: ['ada@example.org', 'ada.lovelace@work.example'] },
    { id: 'ob3-academy', kind: 'ob3', providerName: 'Open Climate Academy wallet', baseUrl: 'https://wallet.climate-academy.example', user: 'Ada Lovelace', needsSignIn: false, sync: { status: 'error', done: 3, total: 9, lastSyncedAt: minutesAgo(60 * 26), error: { code: 'UNREACHABLE', message: 'wallet.climate-academy.example could not be reached' }, retryAt: minutesAgo(-15) } },
    { id: 'local', kind: 'local', providerName: 'This browser', baseUrl: '', user: '', needsSignIn: false, sync: { status: 'idle', done: 0, total: 0 } },
  ];
}

export function mockEmails(): Record<string, EmailView[]> {
  return {
    'badgr-us': [
      { id: '11', email: 'ada@example.org', verified: true, primary: true, badgeCount: 0 },
      { id: '12', email: 'ada.lovelace@work.example', verified: true, primary: false, badgeCount: 0 },
      { id: '13', email: 'ada@old-school.example', verified: false, primary: false, badgeCount: 0 },
    ],
  };
}

export const mockSettings = (): Settings => ({ hoverVerify: false, syncIntervalMinutes: 60, linkedInOrgIds: { 'https://northwind.example.edu/issuer': '1035' } });

type Extra = Partial<Omit<BadgeDetail, keyof BadgeView>>;
interface Seed extends Omit<BadgeView, 'tags' | 'pending'> {
  tags?: string[];
  pending?: boolean;
  extra?: Extra;
}

const SEEDS: Seed[] = [
  { key: 'badgr-us:aB3dE5fG7h', accountId: 'badgr-us', name: 'Web Accessibility Fundamentals', description: 'Awarded to people who can audit a web page against **WCAG 2.2** and fix what they find.', image: badgeImage(212), issuerName: 'Northwind University', issuerUrl: 'https://northwind.example.edu/', issuedOn: '2025-09-14T10:00:00Z', tags: ['accessibility', 'web', 'wcag'], format: 'ob2.0-hosted', verdict: 'valid', recipient: 'ada@example.org', publicUrl: 'https://api.badgr.io/public/assertions/aB3dE5fG7h', verifiedAt: minutesAgo(5),
    issuerId: 'https://northwind.example.edu/issuer', extra: { criteria: { url: 'https://northwind.example.edu/badges/a11y/criteria', narrative: '## To earn this badge\n\n1. Audit a **public website** with a screen reader and a keyboard.\n2. Write up *each* barrier you find, with the WCAG criterion it fails.\n3. Fix at least three of them.\n\nSee [the course page](https://northwind.example.edu/courses/a11y) for details.' }, evidence: [{ id: 'https://portfolio.example.org/ada/a11y-audit', name: 'Audit of the city library website', description: 'A 12-page report with before/after screenshots.' }], alignments: [{ targetName: 'WCAG 2.2 Understanding Docs', targetUrl: 'https://www.w3.org/WAI/WCAG22/Understanding/', targetFramework: 'W3C WAI', targetCode: 'WCAG22' }, { targetName: 'Inclusive design', targetFramework: 'Northwind skills framework' }] } },
  { key: 'badgr-us:Hx0st1le00', accountId: 'badgr-us', name: HOSTILE_NAME, description: '<b onmouseover=alert(4)>bold</b> <script>alert(5)</script>', image: 'javascript:alert(9)', issuerName: '"><script>alert(2)</script>', issuerUrl: 'javascript:alert(3)', issuedOn: '2026-03-02T09:00:00Z', tags: ['<svg onload=alert(8)>'], format: 'ob3.0-jwt', verdict: 'indeterminate', recipient: 'ada.lovelace@work.example', publicUrl: 'https://badges.example.com/a/1?x="><script>alert(10)</script>', verifiedAt: minutesAgo(5),
    issuerId: 'urn:uuid:5e5b2f7c-7d54-4bbf-9f1b-0d0e7f3a0001', extra: { narrative: '[x](javascript:alert(20)) <img src=x onerror=alert(21)>', achievementType: '<b>ext:Role</b>', results: [{ name: '<script>alert(22)</script>', value: '<img src=x onerror=alert(23)>', level: '<img src=x onerror=alert(24)>', points: '<b>alert(30)</b>', valueMax: '<i>alert(31)</i>' }], fieldOfStudy: '<img src=x onerror=alert(25)>', specialization: '<svg onload=alert(26)>', issuerAddress: { streetAddress: '<img src=x onerror=alert(27)>', addressCountry: 'javascript:alert(28)' }, issuerIds: [{ identifierType: '<script>alert(29)</script>', identifier: 'https://evil.example/\u202e' }], issuerEmail: '"><img src=x onerror=alert(11)>@example.com', criteria: { narrative: '[Click me](javascript:alert(12)) <script>alert(13)</script> <img src=x onerror=alert(14)> [data](data:text/html,<script>alert(15)</script>)' }, evidence: [{ id: 'javascript:alert(16)', name: '<img src=x onerror=alert(17)>' }], alignments: [{ targetName: '<a href=javascript:alert(18)>x</a>', targetUrl: 'javascript:alert(19)' }] } },
  { key: 'badgr-us:Fa1d2021xx', accountId: 'badgr-us', name: 'First Aid at Work', description: 'Three-day first aid course with practical assessment.', image: badgeImage(0), issuerName: 'Red Cross Training Centre', issuerUrl: 'https://training.redcross.example/', issuedOn: '2021-05-20T08:00:00Z', expires: '2024-05-20T08:00:00Z', tags: ['first aid', 'safety'], format: 'ob2.0-hosted', verdict: 'invalid', recipient: 'ada@example.org', publicUrl: 'https://api.badgr.io/public/assertions/Fa1d2021xx', verifiedAt: minutesAgo(5) },
  { key: 'badgr-us:Dp0revoked', accountId: 'badgr-us', name: 'Data Protection Officer', description: 'Certified knowledge of GDPR duties for data protection officers.', image: badgeImage(280), issuerName: 'Privacy Institute', issuerUrl: 'https://privacy-institute.example/', issuedOn: '2024-01-10T08:00:00Z', tags: ['privacy', 'gdpr'], format: 'ob2.0-signed', verdict: 'invalid', recipient: 'ada.lovelace@work.example', publicUrl: 'https://api.badgr.io/public/assertions/Dp0revoked', verifiedAt: minutesAgo(5) },
  { key: 'badgr-us:Py7pending', accountId: 'badgr-us', name: 'Introduction to Python', description: 'Wrote and tested five small Python programs.', image: badgeImage(140), issuerName: 'Code Club', issuerUrl: 'https://codeclub.example/', issuedOn: '2019-06-30T08:00:00Z', tags: ['programming', 'python'], format: 'ob2.0-hosted', verdict: 'unverified', recipient: 'ada@old-school.example', pending: true },
  { key: 'ob3-academy:urn-c1', accountId: 'ob3-academy', name: 'Climate Science Literacy', description: 'Explains the greenhouse effect, carbon budgets and climate feedbacks.', image: badgeImage(160), issuerName: 'Open Climate Academy', issuerUrl: 'https://climate-academy.example/', issuedOn: '2026-02-01T00:00:00Z', expires: '2029-02-01T00:00:00Z', tags: ['climate', 'science'], format: 'ob3.0-data-integrity', verdict: 'valid', recipient: 'ada@example.org', publicUrl: 'https://climate-academy.example/credentials/c1', verifiedAt: minutesAgo(90), extra: { achievementType: 'Certificate', results: [{ name: 'Final assessment', value: '92', valueMin: '0', valueMax: '100' }, { name: 'Field project', level: 'Mastery', points: '4', status: 'Completed' }], issuerAddress: { streetAddress: '12 Harbour Road', addressLocality: 'Galway', addressCountry: 'Ireland' }, issuerIds: [{ identifierType: 'sourcedId', identifier: 'OCA-0042' }], creditsEarned: 4.5, creditsAvailable: 5, fieldOfStudy: 'Earth sciences', specialization: 'Climate policy', narrative: 'Ada wrote a **carbon budget** for her town and presented it to the council.', evidence: [{ id: 'https://climate-academy.example/evidence/ada-budget', name: 'Town carbon budget', genre: 'Report', audience: 'Town council' }] } },
  { key: 'ob3-academy:urn-c2', accountId: 'ob3-academy', name: 'Team Leadership', description: 'Led a team of five through a semester-long project.', image: badgeImage(30), issuerName: 'Guild of Makers', issuerUrl: 'https://guild-of-makers.example/', issuedOn: '2025-11-03T00:00:00Z', tags: ['leadership'], format: 'ob3.0-jwt', verdict: 'indeterminate', recipient: 'ada@example.org', publicUrl: 'https://guild-of-makers.example/c/2', verifiedAt: minutesAgo(90) },
  { key: 'local:9f2c1e', accountId: 'local', name: 'Open Source Contributor', description: 'Merged contributions to an open-source project.', image: badgeImage(330), issuerName: 'Lanyard Community', issuerUrl: 'https://lanyard.example/', issuedOn: '2026-08-08T00:00:00Z', tags: ['open source', 'web'], format: 'ob2.0-signed', verdict: 'valid', recipient: 'ada@example.org', verifiedAt: minutesAgo(2), extra: { originalKind: 'png', bakedImage: 'kept' } },
  { key: 'local:7a1b3c', accountId: 'local', name: 'Kayaking Level 1', image: badgeImage(190), issuerName: 'River Club', issuerId: 'https://riverclub.example/issuer', issuedOn: '2016-07-14T00:00:00Z', tags: ['sport'], format: 'ob1.1-hosted', verdict: 'valid', recipient: null, publicUrl: 'https://riverclub.example/badges/kayak-1.json', verifiedAt: minutesAgo(60 * 24 * 40), extra: { originalKind: 'json' } },
];

export function seedBadges(): { views: BadgeView[]; extras: Map<string, Extra> } {
  const extras = new Map<string, Extra>();
  const views = SEEDS.map(({ extra, tags, pending, ...v }) => {
    if (extra) extras.set(v.key, extra);
    return { ...v, tags: tags ?? [], pending: pending ?? false };
  });
  return { views, extras };
}

const SUBJECTS = ['Algebra', 'Astronomy', 'Biology', 'Carpentry', 'Chemistry', 'Cybersecurity', 'Data Analysis', 'Design Thinking', 'Ecology', 'Electronics', 'French', 'Geography', 'Git', 'Leadership', 'Marketing', 'Music Theory', 'Nursing', 'Photography', 'Public Speaking', 'Robotics', 'Spanish', 'Statistics', 'Teamwork', 'Welding'];
const LEVELS = ['Foundations', 'Practitioner', 'Advanced', 'Expert', 'Mentor'];
const ISSUERS = ['Northwind University', 'Code Club', 'Open Climate Academy', 'Guild of Makers', 'City College', 'Skills Hub', 'Maker Space Lyon', 'Harbour Institute', 'Digital Academy', 'Riverside School', 'Museum of Science', 'Volunteer Network'];
const ADDRESSES = ['ada@example.org', 'ada.lovelace@work.example', 'ada@example.org', null];

/** Deterministic filler: the same n always gives the same badges. */
export function generateBadges(n: number, start = 0): BadgeView[] {
  const out: BadgeView[] = [];
  for (let i = start; i < start + n; i++) {
    const r = (i * 2654435761) >>> 0;
    const subject = SUBJECTS[r % SUBJECTS.length] as string;
    const issuer = ISSUERS[(r >>> 5) % ISSUERS.length] as string;
    const roll = (r >>> 9) % 100;
    const issued = MOCK_NOW - ((r >>> 3) % 4000) * 86_400_000;
    const expires = roll % 7 === 0 ? issued + 3 * 365 * 86_400_000 : undefined;
    // An expired badge fails its validity check, so it is never "valid".
    const verdict = expires !== undefined && expires <= MOCK_NOW ? 'invalid' : roll < 80 ? 'valid' : roll < 88 ? 'indeterminate' : roll < 95 ? 'invalid' : 'unverified';
    const accountId = i % 3 === 2 ? 'ob3-academy' : 'badgr-us';
    out.push({
      key: `${accountId}:gen-${i}`, accountId, name: `${subject} ${LEVELS[(r >>> 7) % LEVELS.length]}`, description: `Shows ${subject.toLowerCase()} skills at this level.`,
      image: badgeImage((r >>> 11) % 360), issuerName: issuer, issuerUrl: `https://${issuer.toLowerCase().replace(/[^a-z]+/g, '-')}.example/`,
      issuedOn: new Date(issued).toISOString(), expires: expires === undefined ? undefined : new Date(expires).toISOString(),
      tags: [subject.toLowerCase()], format: accountId === 'badgr-us' ? 'ob2.0-hosted' : 'ob3.0-jwt', verdict, recipient: ADDRESSES[i % ADDRESSES.length] ?? null,
      publicUrl: `https://api.badgr.io/public/assertions/gen${i}`, pending: false, verifiedAt: minutesAgo(5),
    });
  }
  return out;
}

/** The checks a badge's verdict implies, worded as the engine words them. */
export function checksFor(b: BadgeView & { typedTo?: string }): Check[] {
  const c = (id: Check['id'], outcome: Check['outcome'], message: string, code?: Check['code']): Check => (code ? { id, outcome, message, code } : { id, outcome, message });
  const signed = !b.format.endsWith('hosted');
  const expired = b.expires !== undefined && Date.parse(b.expires) <= MOCK_NOW;
  const revoked = b.verdict === 'invalid' && !expired;
  const unsure = b.verdict === 'indeterminate';
  return [
    c('parse', 'pass', `read as ${b.format}`),
    c('structure', 'pass', 'all required fields present'),
    signed ? c('signature', 'pass', 'signature verified with the issuer key (EdDSA)') : c('signature', 'skipped', 'hosted badge: no signature to check'),
    signed ? (unsure && b.name === HOSTILE_NAME ? c('issuer-key', 'indeterminate', 'the key is only asserted by the credential (jwk header); urn:uuid issuer cannot be resolved', 'ERR_ISSUER_UNRESOLVED') : c('issuer-key', 'pass', 'key listed by the issuer profile')) : c('issuer-key', 'skipped', 'hosted badge'),
    signed ? c('hosted', 'skipped', 'signed badge') : c('hosted', 'pass', 'hosted copy fetched from the issuer domain'),
    expired ? c('validity', 'fail', `expired on ${b.expires}`, 'ERR_EXPIRED') : c('validity', 'pass', 'within its validity dates'),
    revoked ? c('revocation', 'fail', 'revoked by the issuer: "issued in error"', 'ERR_REVOKED') : unsure && b.name !== HOSTILE_NAME ? c('revocation', 'indeterminate', 'https://guild-of-makers.example/status/1 could not be fetched: Lanyard may not read https://guild-of-makers.example yet', 'ERR_FETCH_FAILED') : c('revocation', 'pass', 'not revoked'),
    // As src/background/services/badge-record.ts words a badge issued to an address typed for this browser.
    b.recipient ? c('recipient', 'pass', `issued to ${b.recipient}`) : b.typedTo ? c('recipient', 'skipped', `Issued to ${b.typedTo}, an address you typed; no backpack has verified it`, 'ERR_RECIPIENT_TYPED') : c('recipient', 'skipped', 'no comparable identity'),
  ];
}
