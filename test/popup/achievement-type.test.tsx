// @vitest-environment jsdom
/**
 * What kind of achievement a badge is (OB 3.0 §Achievement `achievementType`, core
 * Badge.achievementType), kept in its record and named in the badge page's details: the kinds the
 * specification lists in the reader's language, an `ext:` kind as the issuer wrote it, anything else
 * not at all. Real issuers give it (MIT Learn's "Course", CogniPilot's "ext:Role", 1EdTech's
 * "BachelorDegree"); the page did not show it.
 */
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { metaOf } from '../../src/background/services/badge-record.ts';
import { badgeDetail } from '../../src/background/services/views.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';
import { BadgeFacts } from '../../src/popup/badge/BadgeFacts.tsx';
import { detailForDisplay } from '../../src/popup/display.ts';
import { bytes, offlineFetch } from '../support/real-fixtures.ts';
import { renderWithEnv, t } from './render.tsx';

afterEach(cleanup);

const record = (meta: BadgeRecord['meta']): BadgeRecord =>
  ({ key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind: 'json' }, contentHash: 'h', format: 'ob3.0-data-integrity', verdict: 'valid', checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z', meta }) as BadgeRecord;
const page = (meta: BadgeRecord['meta']) => renderWithEnv(<BadgeFacts badge={detailForDisplay(badgeDetail(record(meta), undefined, []), t)} />);
const details = () => screen.getByRole('heading', { name: t('badgeDetails') }).parentElement as HTMLElement;
const kind = () => within(details()).queryByText(t('badgeKind'))?.nextElementSibling?.textContent;

describe('the badge page names what kind of achievement it is', () => {
  it("MIT Learn's course certificate: a Course, in the reader's words", async () => {
    const r = await verify(bytes('mit-learn-obv3-template/courseCertificate.json'), { fetch: offlineFetch(), now: new Date('2026-12-06T00:00:00Z'), identities: [] });
    page(metaOf(r.badge));
    expect(kind()).toBe(t('kindCourse'));
  });

  it.each([
    ['BachelorDegree', t('kindBachelorDegree')],
    ['ext:Role', 'Role'],
    ['ext:Rôle\u202e', 'Rôle⟨RLO⟩'],
    ['Program', undefined],
    ['toString', undefined],
    ['ext:', undefined],
  ])('%s is shown as %s', (type, shown) => {
    page({ ...metaOf(null), name: 'X', achievementType: type });
    expect(kind()).toBe(shown);
  });
});
