// @vitest-environment jsdom
/**
 * What an OB 3.0 award says beyond a grade, shown in the badge page's details: a result given as a
 * rubric level (§Result `achievedLevel`, named by its §RubricCriterionLevel) or as a status
 * (§ResultStatusType, in the reader's language), the credits earned and available
 * (§AchievementSubject `creditsEarned`, §Achievement `creditsAvailable`, as numbers in the reader's
 * locale), the field of study and specialization (§Achievement, the issuer's words, as hostile text).
 * 1EdTech's complete credential carries them all, signed (test/core/real-issuers-18.test.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import { metaOf } from '../../src/background/services/badge-record.ts';
import { badgeDetail } from '../../src/background/services/views.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import type { BadgeRecord } from '../../src/platform/records.ts';
import { BadgeFacts } from '../../src/popup/badge/BadgeFacts.tsx';
import { EnvContext } from '../../src/popup/env.ts';
import { detailForDisplay } from '../../src/popup/display.ts';
import { createTranslator, type Messages } from '../../src/popup/i18n.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { offlineFetch, REAL } from '../support/real-fixtures.ts';
import { now, renderWithEnv, t } from './render.tsx';

afterEach(cleanup);

const record = (meta: BadgeRecord['meta']): BadgeRecord =>
  ({ key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind: 'json' }, contentHash: 'h', format: 'ob3.0-data-integrity', verdict: 'valid', checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z', meta }) as BadgeRecord;
const detail = (meta: BadgeRecord['meta'], tr = t) => detailForDisplay(badgeDetail(record(meta), undefined, []), tr);
const page = (meta: BadgeRecord['meta']) => renderWithEnv(<BadgeFacts badge={detail(meta)} />);
const details = () => screen.getByRole('heading', { name: /details|détails/i }).parentElement as HTMLElement;
const valueOf = (term: string) => within(details()).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
const results = () => screen.getByRole('heading', { name: /^(results|résultats)$/i }).parentElement as HTMLElement;
const resultOf = (term: string) => within(results()).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

async function complete(): Promise<BadgeRecord['meta']> {
  const file = path.resolve(REAL, '../conformance/ob30/complete.json');
  const host = { prefix: 'https://1edtech.edu/', dir: path.resolve(REAL, '../conformance/hosts/1edtech.edu') };
  const r = await verify(readFileSync(file, 'utf8'), { fetch: offlineFetch([host]), now: new Date('2026-12-06T00:00:00Z'), identities: [] });
  expect(r.verdict).toBe('valid');
  return metaOf(r.badge);
}

describe('the badge page shows credits, levels, status, field of study and specialization', () => {
  it("1EdTech's complete credential: each, in English", async () => {
    page(await complete());
    const grades = within(results()).getAllByText('Final Project Grade', { selector: 'dt' }).map((dt) => dt.nextElementSibling?.textContent);
    expect(grades).toEqual(['A', `Mastery ${t('badgeResultPoints', '4')}`, t('resultCompleted')]);
    expect(valueOf(t('badgeCreditsEarned'))).toBe('42');
    expect(valueOf(t('badgeCreditsAvailable'))).toBe('36');
    expect(valueOf(t('badgeFieldOfStudy'))).toBe('Research');
    expect(valueOf(t('badgeSpecialization'))).toBe('Computer Science Research');
  });

  it('in French: the status and the terms in French, a fractional credit with a decimal comma', async () => {
    const tf = createTranslator(fr as Messages);
    const meta = { ...(await complete()), creditsEarned: 4.5 };
    render(<EnvContext.Provider value={{ actions: createMockActions(), t: tf, locale: 'fr', now }}><BadgeFacts badge={detail(meta, tf)} /></EnvContext.Provider>);
    expect(valueOf('Crédits obtenus')).toBe('4,5');
    expect(valueOf('Domaine d’études')).toBe('Research');
    expect(within(results()).getAllByText('Final Project Grade', { selector: 'dt' })[2]?.nextElementSibling?.textContent).toBe('Terminé');
  });

  it('a value, a level and a status together; hostile controls in the issuer words shown as markers', () => {
    page({ ...metaOf(null), name: 'Robotics', fieldOfStudy: 'Bio\u202elogy', specialization: '<img src=x onerror=alert(1)>', results: [{ name: 'Project', value: '8', level: 'Good\u202e', status: 'Provisional' }] });
    expect(resultOf('Project')).toBe(`8 · Good⟨RLO⟩ · ${t('resultProvisional')}`);
    expect(valueOf(t('badgeFieldOfStudy'))).toBe('Bio⟨RLO⟩logy');
    expect(valueOf(t('badgeSpecialization'))).toBe('<img src=x onerror=alert(1)>');
    expect(details().querySelector('img')).toBeNull();
  });

  it('none given: no row for them', () => {
    page({ ...metaOf(null), name: 'Plain' });
    for (const key of ['badgeCreditsEarned', 'badgeCreditsAvailable', 'badgeFieldOfStudy', 'badgeSpecialization'] as const) expect(within(details()).queryByText(t(key))).toBeNull();
  });
});
