// @vitest-environment jsdom
/**
 * Right-to-left issuer text (Arabic, Hebrew): each issuer-written value is isolated on its own,
 * with its direction from its own text (<bdi> or dir="auto": HTML §4.5.23, UAX #9 isolates), so an
 * Arabic badge name keeps its order and does not reorder the sentence or the list around it. Found
 * by the accessibility review: the share screen's title, LinkedIn's line about the issuer, the
 * names of badges waiting on an address (Addresses, Can't find a badge?), tags, skills and evidence
 * were set in the popup's left-to-right direction.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { BadgeDetail, BadgeView } from '../../src/messaging/views.ts';
import AccountsScreen from '../../src/popup/accounts/AccountsScreen.tsx';
import { AddressItem } from '../../src/popup/addresses/AddressItem.tsx';
import BadgeScreen from '../../src/popup/badge/BadgeScreen.tsx';
import { GuideAccount } from '../../src/popup/guide/GuideAccount.tsx';
import { EMPTY_QUERY, facetsOf } from '../../src/popup/list/filter.ts';
import { FilterPanel } from '../../src/popup/list/FilterPanel.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { mockAccounts, mockSettings, MOCK_NOW } from '../../src/popup/mock-data.ts';
import { ImportPanel } from '../../src/popup/welcome/ImportPanel.tsx';
import ShareScreen from '../../src/popup/share/ShareScreen.tsx';
import { renderWithEnv } from './render.tsx';
import { across } from '../support/across.ts';

afterEach(cleanup);

const KEY = 'badgr-us:aB3dE5fG7h';
const noop = () => {};
const NAME = 'شارة الوصول للويب';
const ISSUER = 'جامعة الشمال';
const TAG = 'إمكانية الوصول';
const SKILL = 'تصميم شامل';
const PROOF = 'تدقيق موقع المكتبة';

const ADDRESS = 'أحمد@مثال.مصر';
const HOST = 'شارات.مثال.مصر';

function actionsWithArabic(more: Partial<BadgeDetail> = {}) {
  const actions = createMockActions();
  const getBadge = actions.getBadge.bind(actions);
  actions.getBadge = async (key) => {
    const r = await getBadge(key);
    if (!r.ok) return r;
    const d: BadgeDetail = { ...r.value, name: NAME, issuerName: ISSUER, tags: [TAG], alignments: [{ targetName: SKILL, targetFramework: ISSUER, targetDescription: SKILL }], evidence: [{ name: PROOF, description: PROOF }], ...more };
    return { ok: true, value: d };
  };
  return actions;
}

/**
 * Every text node holding `value` sits in an element that isolates exactly that value, with its
 * direction from its text: a <bdi>, or an element with dir="auto", whose text is the value alone.
 */
function isolated(value: string): string[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent?.includes(value)) continue;
    const box = n.parentElement?.closest('bdi, [dir="auto"]');
    const ok = !!box && (box.tagName === 'BDI' ? !box.hasAttribute('dir') || box.getAttribute('dir') === 'auto' : true) && box.textContent === value;
    found.push(`${ok ? 'isolated' : 'NOT isolated'}: ${n.parentElement?.outerHTML.slice(0, 80)}`);
  }
  // An address is in several text nodes, its break points between them (ui/Address.tsx): the isolating element holds it whole.
  for (const box of document.querySelectorAll('bdi, [dir="auto"]')) {
    if (box.textContent === value && ![...box.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent === value)) found.push(`isolated in parts: ${box.outerHTML.slice(0, 80)}`);
  }
  return found;
}
const allIsolated = (value: string) => {
  const found = isolated(value);
  expect(found.length).toBeGreaterThan(0);
  expect(found.filter((f) => f.startsWith('NOT'))).toEqual([]);
};

describe('right-to-left issuer text is isolated, value by value', () => {
  it('the badge page: tags, skills and evidence', async () => {
    renderWithEnv(<BadgeScreen badgeKey={KEY} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actionsWithArabic());
    await screen.findByRole('heading', { level: 2 });
    for (const v of [NAME, TAG, SKILL, PROOF]) allIsolated(v);
  });

  it("the share screen's title and LinkedIn's line about the issuer", async () => {
    renderWithEnv(<ShareScreen badgeKey={KEY} settings={mockSettings()} onEditOrgIds={noop} />, actionsWithArabic());
    const title = await screen.findByRole('heading', { level: 2 });
    expect(title.textContent).toBe(`Share “${NAME}”`);
    allIsolated(NAME);
    allIsolated(ISSUER);
  });

  const waiting = (name: string): BadgeView => ({ key: `k-${name}`, accountId: 'badgr-us', name, issuerName: ISSUER, verdict: 'unverified', pending: true, recipient: 'ada@new.example', tags: [], format: 'ob2.0-hosted' }) as unknown as BadgeView;

  it('the badges waiting on an unconfirmed address, on Addresses', () => {
    const email = { id: 'e1', email: 'ada@new.example', verified: false, primary: false, badgeCount: 2 };
    renderWithEnv(<ul><AddressItem email={email} provider="Canvas Credentials" pending={[waiting(NAME), waiting(SKILL)]} only={false} onResend={noop} onPrimary={noop} onRemove={noop} onSync={noop} /></ul>);
    allIsolated(NAME);
    allIsolated(SKILL);
  });

  it("the badges waiting on an address, on Can't find a badge?", async () => {
    const [account] = mockAccounts();
    renderWithEnv(<GuideAccount account={account!} badges={[waiting(NAME)]} onSync={noop} />);
    await screen.findByText(across(/was sent to ada@new\.example/));
    allIsolated(NAME);
  });
});

/**
 * Issuer-written words inside Lanyard's other sentences (found by the accessibility review, left
 * after the first round): the import's "Added “<name>”.", "Issued to <address>", the hosts a check
 * could not reach, the provider named in the sign-out notes; and the filters' options, where no
 * <bdi> can go, isolated with FSI…PDI (UAX #9 §2.7).
 */
describe("issuer's words inside Lanyard's sentences are isolated too", () => {
  it('"Added “<name>”." after an import', async () => {
    const actions = createMockActions();
    const importBadge = actions.importBadge.bind(actions);
    actions.importBadge = async (source) => {
      const r = await importBadge(source);
      return r.ok ? { ok: true, value: { ...r.value, name: NAME } } : r;
    };
    renderWithEnv(<ImportPanel onImported={noop} />, actions);
    fireEvent.input(screen.getByLabelText(/Or paste/), { target: { value: 'https://badges.example.org/assertions/1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add badge' }));
    await waitFor(() => expect(document.getElementById('import-answer')?.textContent).toBe(`Added “${NAME}”.`));
    allIsolated(NAME);
  });

  it('"Issued to": the address, alone or in a sentence', async () => {
    renderWithEnv(<BadgeScreen badgeKey={KEY} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actionsWithArabic({ recipient: ADDRESS, pending: true }));
    await screen.findByText(/\(not confirmed yet\)/);
    allIsolated(ADDRESS);
    cleanup();
    renderWithEnv(<BadgeScreen badgeKey={KEY} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actionsWithArabic({ recipient: ADDRESS, pending: false }));
    await screen.findByRole('heading', { level: 2 });
    allIsolated(ADDRESS);
    cleanup();
    const claimed = { recipient: null, claimedRecipients: [{ type: 'email', identity: ADDRESS, hashed: false }] };
    renderWithEnv(<BadgeScreen badgeKey={KEY} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actionsWithArabic(claimed));
    await screen.findByText(/\(not (one of your confirmed addresses|checked against your addresses this time)\)/);
    allIsolated(ADDRESS);
  });

  it('the hosts a check could not reach, each on its own', async () => {
    const unreachable = { at: new Date(MOCK_NOW - 60_000).toISOString(), hosts: [HOST, 'badges.example.org'] };
    renderWithEnv(<BadgeScreen badgeKey={KEY} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actionsWithArabic({ unreachable }));
    const note = await screen.findByText(/The latest check could not reach/);
    expect(note.closest('p')?.textContent).toContain(`could not reach ${HOST}, badges.example.org at`);
    allIsolated(HOST);
    allIsolated('badges.example.org');
  });

  it('"Check again" that could not reach the issuer names its hosts isolated', async () => {
    const actions = actionsWithArabic();
    const getBadge = actions.getBadge.bind(actions);
    let checked = false;
    actions.verify = async () => ((checked = true), { ok: true, value: { verified: 1 } });
    actions.getBadge = async (key) => {
      const r = await getBadge(key);
      return r.ok && checked ? { ok: true, value: { ...r.value, unreachable: { at: new Date(MOCK_NOW).toISOString(), hosts: [HOST] } } } : r;
    };
    renderWithEnv(<BadgeScreen badgeKey={KEY} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actions);
    fireEvent.click(await screen.findByRole('button', { name: 'Check again' }));
    await screen.findByText(/so the badge keeps the result of its last complete check/);
    for (const f of isolated(HOST)) expect(f).toMatch(/^isolated/);
    expect(isolated(HOST).length).toBe(2);
  });

  it('the provider, each time a sign-out note names it', async () => {
    const actions = createMockActions();
    actions.signOut = async () => ({ ok: true, value: { signedOut: true, revoked: 'not-offered', kept: 0 } });
    const [account] = mockAccounts();
    renderWithEnv(<AccountsScreen accounts={[{ ...account!, providerName: ISSUER }]} onAdd={noop} onAddresses={noop} onSignInAgain={noop} onChanged={noop} />, actions);
    const card = screen.getByRole('heading', { name: ISSUER }).closest('li') as HTMLElement;
    fireEvent.click(within(card).getByRole('button', { name: /^Sign out for/ }));
    fireEvent.click(within(card).getByRole('button', { name: /^Sign out for/ }));
    const note = await screen.findByText(/offers apps no way to end a sign-in/);
    // Named three times, isolated each time (the card's heading is the name alone).
    const words = [...note.querySelectorAll('bdi')];
    expect(words.map((w) => [w.textContent, w.getAttribute('dir')])).toEqual([[ISSUER, 'auto'], [ISSUER, 'auto'], [ISSUER, 'auto']]);
    expect(note.textContent?.split(ISSUER)).toHaveLength(4);
  });

  it('the filters: an <option> cannot hold <bdi>, so the issuer, its site, tags and addresses are between FSI and PDI', () => {
    const badge = { key: 'k', accountId: 'local', name: NAME, issuerName: ISSUER, issuerId: 'https://issuer.example/profile', verdict: 'valid', recipient: ADDRESS, tags: [TAG], format: 'ob2.0-hosted' } as unknown as BadgeView;
    renderWithEnv(<FilterPanel query={EMPTY_QUERY} onQuery={noop} facets={facetsOf([badge], 'en')} accounts={[]} />);
    const texts = (label: string) => within(screen.getByLabelText(label)).getAllByRole('option').map((o) => o.textContent);
    expect(texts('Issuer')).toContain(`\u2068${ISSUER}\u2069 (\u2068issuer.example\u2069)`);
    expect(texts('Tag')).toContain(`\u2068${TAG}\u2069`);
    expect(texts('Issued to')).toContain(`\u2068${ADDRESS}\u2069`);
    // Our own words are not wrapped.
    expect(texts('Issuer')[0]).toBe('Any');
  });
});
