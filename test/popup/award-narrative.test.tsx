// @vitest-environment jsdom
/**
 * An award's own narrative (OB 2.0 Assertion `narrative`, OB 3.0 AchievementSubject `narrative`: "a
 * narrative that connects multiple pieces of evidence"), read by the engine (core Badge.narrative),
 * kept in the badge's record and shown on its page with the evidence, as Markdown. GDG Alicante's
 * hosted badges say there what the earner did (test/core/real-issuers-16.test.ts); the page showed
 * the evidence and not it.
 */
import path from 'node:path';
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { metaOf } from '../../src/background/services/badge-record.ts';
import { badgeDetail } from '../../src/background/services/views.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';
import { BadgeFacts } from '../../src/popup/badge/BadgeFacts.tsx';
import { detailForDisplay } from '../../src/popup/display.ts';
import { offlineFetch, REAL } from '../support/real-fixtures.ts';
import { renderWithEnv, t } from './render.tsx';

afterEach(cleanup);

const SITE = { prefix: 'https://gdg-alicante.github.io/', dir: path.join(REAL, 'hosts/gdg-alicante.github.io') };
const DEVFEST = 'https://gdg-alicante.github.io/open-badges/badges/DevFest_2025/09393cf0-e6fc-43da-aa9e-ba29bb18be46.json';
const record = (meta: BadgeRecord['meta']): BadgeRecord =>
  ({ key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind: 'url' }, contentHash: 'h', format: 'ob2.0-hosted', verdict: 'valid', checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z', meta }) as BadgeRecord;
const page = (meta: BadgeRecord['meta']) => renderWithEnv(<BadgeFacts badge={detailForDisplay(badgeDetail(record(meta), undefined, []), t)} />);
const evidencePanel = () => screen.getByRole('heading', { name: t('badgeEvidence') }).parentElement as HTMLElement;

describe("the badge page shows the award's own narrative", () => {
  it('GDG Alicante\'s DevFest badge: what its earner did, above its video', async () => {
    const r = await verify(DEVFEST, { fetch: offlineFetch([SITE]), now: new Date('2026-12-06T00:00:00Z'), identities: [] });
    page(metaOf(r.badge));
    const panel = evidencePanel();
    expect(within(panel).getByText('Participó en todas las charlas de la jornada.')).toBeTruthy();
    expect(within(panel).getByRole('link', { name: 'https://www.youtube.com/watch?v=vYMYEFn7DmM' })).toBeTruthy();
  });

  it('a narrative without evidence still has its panel; Markdown rendered, no list', () => {
    page({ ...metaOf(null), name: 'Robotics', narrative: 'Led the **robotics** team' });
    const panel = evidencePanel();
    expect(within(panel).getByText('robotics').tagName).toBe('STRONG');
    expect(within(panel).queryByRole('list')).toBeNull();
  });

  it('neither narrative nor evidence: no panel', () => {
    page({ ...metaOf(null), name: 'Plain' });
    expect(screen.queryByRole('heading', { name: t('badgeEvidence') })).toBeNull();
  });
});
