// @vitest-environment jsdom
/**
 * The Learner Credential Wallet's mock OB 3.0 badge with alignments (test/core/real-issuers-19.test.ts):
 * four alignments, one with no URL and one whose URL is "not-a-valid-url". The wallet filters both
 * out; Lanyard shows every alignment the issuer wrote, and links only the http(s) ones
 * (core/share/escape.ts safeHttpUrl): the other two are the issuer's words, never a link.
 */
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, expect, it } from 'vitest';
import { metaOf } from '../../src/background/services/badge-record.ts';
import { badgeDetail } from '../../src/background/services/views.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';
import { BadgeFacts } from '../../src/popup/badge/BadgeFacts.tsx';
import { detailForDisplay } from '../../src/popup/display.ts';
import { bytes, offlineFetch } from '../support/real-fixtures.ts';
import { renderWithEnv, t } from './render.tsx';

afterEach(cleanup);

it("the wallet's mock: four skills shown, only the two with an http(s) URL as links", async () => {
  const r = await verify(bytes('owf-lcw/openBadgeWithAlignments.json'), { fetch: offlineFetch(), now: new Date('2026-12-06T00:00:00Z'), identities: [] });
  const record = { key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind: 'json' }, contentHash: 'h', format: r.format, verdict: r.verdict, checks: r.checks, recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z', meta: metaOf(r.badge) } as BadgeRecord;
  renderWithEnv(<BadgeFacts badge={detailForDisplay(badgeDetail(record, undefined, []), t)} />);
  const skills = screen.getByRole('heading', { name: t('badgeSkills') }).parentElement as HTMLElement;
  expect(within(skills).getAllByRole('listitem').map((li) => li.querySelector('a, strong')?.textContent)).toEqual(['Requirements Analysis', 'Requirements Analysis with Description', 'Invalid - No URL', 'Invalid URL']);
  expect([...skills.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://credentialfinder.org/credential/20229/Requirements_Analysis', 'https://credentialfinder.org/credential/20229/Requirements_Analysis']);
});
