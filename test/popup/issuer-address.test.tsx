// @vitest-environment jsdom
/**
 * What the badge page shows of where and who the issuer is and of a result's scale: the issuer
 * Profile's postal address (OB 3.0 §Profile `address`, §Address) and other identifiers
 * (§Profile `otherIdentifier`, §IdentifierEntry), a value's bounds (§ResultDescription
 * `valueMin`/`valueMax`) and a rubric level's points (§RubricCriterionLevel `points`). Every one is
 * the issuer's text: shown as text, isolated, never a link. Real credentials carry them
 * (test/core/real-issuers-19.test.ts): 1EdTech's complete credential, signed; SURF's Universiteit
 * van Harderwijk model micro-credential, published unsigned.
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
import { bytes, offlineFetch, REAL } from '../support/real-fixtures.ts';
import { now, renderWithEnv, t } from './render.tsx';

afterEach(cleanup);

const record = (meta: BadgeRecord['meta']): BadgeRecord =>
  ({ key: 'local|x', accountId: 'local', sourceId: 'x', original: { kind: 'json' }, contentHash: 'h', format: 'ob3.0-data-integrity', verdict: 'valid', checks: [], recipient: null, recipientKey: '', pending: false, identitiesHash: 'i', addedAt: '2026-01-01T00:00:00Z', meta }) as BadgeRecord;
const detail = (meta: BadgeRecord['meta'], tr = t) => detailForDisplay(badgeDetail(record(meta), undefined, []), tr);
const details = () => screen.getByRole('heading', { name: /details|détails/i }).parentElement as HTMLElement;
const valueOf = (term: string) => within(details()).getByText(term, { selector: 'dt' }).nextElementSibling as HTMLElement;
const results = () => screen.getByRole('heading', { name: /^(results|résultats)$/i }).parentElement as HTMLElement;
const NOW = new Date('2026-12-06T00:00:00Z');

async function complete(): Promise<BadgeRecord['meta']> {
  const file = path.resolve(REAL, '../conformance/ob30/complete.json');
  const host = { prefix: 'https://1edtech.edu/', dir: path.resolve(REAL, '../conformance/hosts/1edtech.edu') };
  const r = await verify(readFileSync(file, 'utf8'), { fetch: offlineFetch([host]), now: NOW, identities: [] });
  expect(r.verdict).toBe('valid');
  return metaOf(r.badge);
}

describe("the badge page shows the issuer's address and identifiers, a value's bounds and a level's points", () => {
  it("1EdTech's complete credential: its address line by line, its two identifiers, its level's points", async () => {
    renderWithEnv(<BadgeFacts badge={detail(await complete())} />);
    const address = valueOf(t('badgeIssuerAddress'));
    expect(address.innerHTML.split('<br>').map((l) => l.replace(/<[^>]+>/g, ''))).toEqual(['123 First St', '1', 'Austin', 'TX', '12345', 'USA']);
    expect(valueOf(t('badgeIssuerIds')).innerHTML.split('<br>').map((l) => l.replace(/<[^>]+>/g, ''))).toEqual([t('badgeIssuerId', 'sourcedId', '12345'), t('badgeIssuerId', 'nationalIdentityNumber', '67890')]);
    expect(within(results()).getAllByText('Final Project Grade', { selector: 'dt' })[1]?.nextElementSibling?.textContent).toBe(`Mastery ${t('badgeResultPoints', '4')}`);
  });

  it("SURF's Harderwijk micro-credential, in French: its grade out of 1 to 10, its BRIN number", async () => {
    const r = await verify(bytes('surf-educredentials/data_credentials_uvh_at_microcredential_full_1.json'), { fetch: offlineFetch(), now: NOW, identities: [] });
    const tf = createTranslator(fr as Messages);
    render(<EnvContext.Provider value={{ actions: createMockActions(), t: tf, locale: 'fr', now }}><BadgeFacts badge={detail(metaOf(r.badge), tf)} /></EnvContext.Provider>);
    expect(within(results()).getByText('Final Project Grade', { selector: 'dt' }).nextElementSibling?.textContent).toBe('8.5 (de 1 à 10)');
    expect(valueOf('Identifiants de l’émetteur').textContent).toBe('ext:BRIN\u00a0: UN1VHname\u00a0: uvh.example.com');
    expect(valueOf('Adresse postale de l’émetteur').textContent).toBe('Kerkplein 42Harderwijk1314 ACThe Netherlands');
  });

  it('only one bound: "out of" or "at least"', () => {
    renderWithEnv(<BadgeFacts badge={detail({ ...metaOf(null), name: 'Quiz', results: [{ name: 'Score', value: '87', valueMax: '100' }, { name: 'Time', value: '12', valueMin: '5' }] })} />);
    expect(within(results()).getByText('Score', { selector: 'dt' }).nextElementSibling?.textContent).toBe(`87 ${t('badgeResultMax', '100')}`);
    expect(within(results()).getByText('Time', { selector: 'dt' }).nextElementSibling?.textContent).toBe(`12 ${t('badgeResultMin', '5')}`);
  });

  it('hostile words: markup stays text, controls are shown as markers, a URL is not a link', () => {
    const meta = {
      ...metaOf(null), name: 'Hostile',
      issuerAddress: { streetAddress: '<img src=x onerror=alert(1)>', addressCountry: 'Neder\u202eland' },
      issuerIds: [{ identifierType: '<script>alert(2)</script>', identifier: 'https://evil.example/' }],
      results: [{ name: 'Grade', value: '9', valueMin: '<b>0</b>', valueMax: 'javascript:alert(3)', level: 'Top', points: '<svg onload=alert(4)>' }],
    };
    renderWithEnv(<BadgeFacts badge={detail(meta)} />);
    expect(valueOf(t('badgeIssuerAddress')).textContent).toBe('<img src=x onerror=alert(1)>Neder⟨RLO⟩land');
    expect(valueOf(t('badgeIssuerIds')).textContent).toBe(t('badgeIssuerId', '<script>alert(2)</script>', 'https://evil.example/'));
    expect(within(results()).getByText('Grade', { selector: 'dt' }).nextElementSibling?.textContent).toBe(`9 ${t('badgeResultRange', '<b>0</b>', 'javascript:alert(3)')} · Top ${t('badgeResultPoints', '<svg onload=alert(4)>')}`);
    for (const root of [details(), results()]) expect(root.querySelector('img, script, svg, b, a[href^="javascript"], a[href*="evil"]')).toBeNull();
  });

  it('none given: no row for them', () => {
    renderWithEnv(<BadgeFacts badge={detail({ ...metaOf(null), name: 'Plain' })} />);
    for (const key of ['badgeIssuerAddress', 'badgeIssuerIds'] as const) expect(within(details()).queryByText(t(key))).toBeNull();
  });
});
