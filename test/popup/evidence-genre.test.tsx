// @vitest-environment jsdom
/**
 * An evidence item's `genre` (OB 2.0 and OB 3.0 Evidence: "a description of the type of evidence,
 * such as Poetry, Prose, Film"), read by the engine (core Evidence.genre) but dropped from the badge's
 * record, is kept and shown beside the item's name: SURF's vocational credential calls its video a
 * "Demonstration" (test/core/real-issuers-17.test.ts). The word is the issuer's.
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
  ({ key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind: 'json' }, contentHash: 'h', format: 'ob3.0-unsigned', verdict: 'invalid', checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z', meta }) as BadgeRecord;
const page = (meta: BadgeRecord['meta']) => renderWithEnv(<BadgeFacts badge={detailForDisplay(badgeDetail(record(meta), undefined, []), t)} />);
const evidencePanel = () => screen.getByRole('heading', { name: t('badgeEvidence') }).parentElement as HTMLElement;

describe("the badge page shows each evidence item's genre", () => {
  it("SURF's vocational credential: its video, a Demonstration", async () => {
    const r = await verify(bytes('surf-educredentials/data_credentials_mbob_zw_ssb_microcredential_full.json'), { fetch: offlineFetch(), now: new Date('2026-12-06T00:00:00Z'), identities: [] });
    page(metaOf(r.badge));
    const item = within(evidencePanel()).getByRole('link', { name: 'Video van dekbed opschudden' }).closest('li') as HTMLElement;
    expect(within(item).getByText('Demonstration').tagName).toBe('BDI');
  });

  it('a hostile genre shows its controls as markers', () => {
    page({ ...metaOf(null), name: 'X', evidence: [{ name: 'Essay', genre: 'Prose\u202e' }] });
    expect(within(evidencePanel()).getByText('Prose⟨RLO⟩')).toBeTruthy();
  });

  /** Evidence `audience` (OB 2.0 / OB 3.0): for whom the issuer says the item is meant, its words isolated in Lanyard's sentence. */
  it("SURF's video names its audience, a future employer", async () => {
    const r = await verify(bytes('surf-educredentials/data_credentials_mbob_zw_ssb_microcredential_full.json'), { fetch: offlineFetch(), now: new Date('2026-12-06T00:00:00Z'), identities: [] });
    page(metaOf(r.badge));
    const item = within(evidencePanel()).getByRole('link', { name: 'Video van dekbed opschudden' }).closest('li') as HTMLElement;
    expect(item.textContent).toContain(t('badgeEvidenceAudience', 'Verifier (toekomstige werkgever)'));
  });

  it('a hostile audience stays text, its controls as markers', () => {
    page({ ...metaOf(null), name: 'X', evidence: [{ name: 'Essay', audience: '<img src=x onerror=alert(1)>\u202e' }] });
    expect(evidencePanel().textContent).toContain('<img src=x onerror=alert(1)>⟨RLO⟩');
    expect(evidencePanel().querySelector('img')).toBeNull();
  });
});
