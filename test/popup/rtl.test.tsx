// @vitest-environment jsdom
/**
 * Right-to-left issuer text (Arabic, Hebrew): each issuer-written value is isolated on its own,
 * with its direction from its own text (<bdi> or dir="auto": HTML §4.5.23, UAX #9 isolates), so an
 * Arabic badge name keeps its order and does not reorder the sentence or the list around it. Found
 * by the accessibility review: the share screen's title, LinkedIn's line about the issuer, the
 * names of badges waiting on an address (Addresses, Can't find a badge?), tags, skills and evidence
 * were set in the popup's left-to-right direction.
 */
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { BadgeDetail, BadgeView } from '../../src/messaging/views.ts';
import { AddressItem } from '../../src/popup/addresses/AddressItem.tsx';
import BadgeScreen from '../../src/popup/badge/BadgeScreen.tsx';
import { GuideAccount } from '../../src/popup/guide/GuideAccount.tsx';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import { mockAccounts, mockSettings } from '../../src/popup/mock-data.ts';
import ShareScreen from '../../src/popup/share/ShareScreen.tsx';
import { renderWithEnv } from './render.tsx';

afterEach(cleanup);

const KEY = 'badgr-us:aB3dE5fG7h';
const noop = () => {};
const NAME = 'شارة الوصول للويب';
const ISSUER = 'جامعة الشمال';
const TAG = 'إمكانية الوصول';
const SKILL = 'تصميم شامل';
const PROOF = 'تدقيق موقع المكتبة';

function actionsWithArabic() {
  const actions = createMockActions();
  const getBadge = actions.getBadge.bind(actions);
  actions.getBadge = async (key) => {
    const r = await getBadge(key);
    if (!r.ok) return r;
    const d: BadgeDetail = { ...r.value, name: NAME, issuerName: ISSUER, tags: [TAG], alignments: [{ targetName: SKILL, targetFramework: ISSUER, targetDescription: SKILL }], evidence: [{ name: PROOF, description: PROOF }] };
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
    await screen.findByText(/was sent to ada@new\.example/);
    allIsolated(NAME);
  });
});
