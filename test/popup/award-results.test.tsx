// @vitest-environment jsdom
/**
 * An award's results (OB 3.0 §Result `value`, named by the achievement's §ResultDescription `name`),
 * read by the engine (core Badge.results), kept in the badge's record and shown in the badge page's
 * details: SURF Edubadges' model credentials and 1EdTech's complete example carry a grade there
 * (test/core/real-issuers-17.test.ts), which the page did not show. Both words are the issuer's.
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
const results = () => screen.getByRole('heading', { name: t('badgeResults') }).parentElement as HTMLElement;

describe("the badge page shows the award's results", () => {
  it("SURF's microcredential: its grade, named by its description, with its scale (valueMin, valueMax)", async () => {
    const r = await verify(bytes('surf-educredentials/data_credentials_uvh_at_microcredential_full_1.json'), { fetch: offlineFetch(), now: new Date('2026-12-06T00:00:00Z'), identities: [] });
    page(metaOf(r.badge));
    const term = within(results()).getByText('Final Project Grade');
    expect(term.tagName).toBe('DT');
    expect(term.nextElementSibling?.textContent).toBe(`8.5 ${t('badgeResultRange', '1', '10')}`);
  });

  it('a result whose description has no name is called a result; hostile controls in it are shown as markers', () => {
    page({ ...metaOf(null), name: 'Robotics', results: [{ value: 'A\u202e+' }, { name: 'Score', value: '97/100' }] });
    const term = within(results()).getByText(t('badgeResult'));
    expect(term.nextElementSibling?.textContent).toBe('A⟨RLO⟩+');
    expect(within(results()).getByText('Score').nextElementSibling?.textContent).toBe('97/100');
  });

  it('no results: no result row, nor their heading', () => {
    page({ ...metaOf(null), name: 'Plain' });
    expect(screen.queryByRole('heading', { name: t('badgeResults') })).toBeNull();
    expect(within(details()).queryByText(t('badgeResult'))).toBeNull();
  });

  it("a result the issuer names like one of Lanyard's details sits under the results' heading, not among the details", () => {
    page({ ...metaOf(null), name: 'Robotics', expires: '2027-01-01T00:00:00Z', results: [{ name: t('badgeExpires'), value: 'Never' }] });
    expect(within(results()).getByText(t('badgeExpires')).nextElementSibling?.textContent).toBe('Never');
    const terms = within(details()).getAllByText(t('badgeExpires'), { selector: 'dt' });
    expect(terms.map((dt) => dt.nextElementSibling?.textContent)).not.toContain('Never');
    expect(within(details()).queryByText('Never')).toBeNull();
  });
});
