// @vitest-environment jsdom
/**
 * Hostile badges in the popup (issue 12 points 11 and 12): a bad %-escape, thousands of
 * alignments and evidence items, bidi overrides, a screen that throws.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import BadgeScreen from '../../src/popup/badge/BadgeScreen.tsx';
import { MAX_LIST_ITEMS } from '../../src/popup/badge/BadgeFacts.tsx';
import type { BadgeDetail } from '../../src/messaging/views.ts';
import { mockSettings } from '../../src/popup/mock-data.ts';
import { createMockActions } from '../../src/popup/mock-actions.ts';
import ShareScreen from '../../src/popup/share/ShareScreen.tsx';
import { ScreenBoundary } from '../../src/popup/ui/ScreenBoundary.tsx';
import { renderApp, renderWithEnv } from './render.tsx';

afterEach(cleanup);
const KEY = 'badgr-us:aB3dE5fG7h';
const noop = () => {};

/** The mock actions, with the badge's detail changed as a hostile issuer would. */
function actionsWith(change: (d: BadgeDetail) => BadgeDetail) {
  const actions = createMockActions();
  const getBadge = actions.getBadge.bind(actions);
  actions.getBadge = async (key) => {
    const r = await getBadge(key);
    return r.ok ? { ok: true, value: change(r.value) } : r;
  };
  return actions;
}

describe('a bad %-escape in the public URL', () => {
  it('does not blank the Share screen: LinkedIn still gets the badge, the id as written', async () => {
    const actions = actionsWith((d) => ({ ...d, publicUrl: 'https://api.badgr.io/public/assertions/%E0%A4%A' }));
    renderWithEnv(<ShareScreen badgeKey={KEY} settings={mockSettings()} onEditOrgIds={noop} />, actions);
    const add = await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    expect(new URL(add.getAttribute('href') ?? '').searchParams.get('certId')).toBe('%E0%A4%A');
  });

  it('an override spelled %E2%80%AE in the public URL reaches LinkedIn as ⟨RLO⟩, not as the control it decodes to', async () => {
    const actions = actionsWith((d) => ({ ...d, publicUrl: 'https://api.badgr.io/public/assertions/%E2%80%AEelif.exe' }));
    renderWithEnv(<ShareScreen badgeKey={KEY} settings={mockSettings()} onEditOrgIds={noop} />, actions);
    const add = await screen.findByRole('link', { name: 'Add to LinkedIn profile' });
    expect(new URL(add.getAttribute('href') ?? '').searchParams.get('certId')).toBe('⟨RLO⟩elif.exe');
  });
});

describe('long lists', () => {
  it(`shows ${MAX_LIST_ITEMS} alignments and evidence items of 5000, then "and N more"`, async () => {
    const actions = actionsWith((d) => ({
      ...d,
      alignments: Array.from({ length: 5000 }, (_, i) => ({ targetName: `Skill ${i}` })),
      evidence: Array.from({ length: 5000 }, (_, i) => ({ name: `Proof ${i}` })),
    }));
    renderWithEnv(<BadgeScreen badgeKey={KEY} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actions);
    await screen.findByText('Skill 0');
    expect(screen.queryByText(`Skill ${MAX_LIST_ITEMS}`)).toBeNull();
    expect(screen.queryByText(`Proof ${MAX_LIST_ITEMS}`)).toBeNull();
    expect(screen.getAllByText(`and ${5000 - MAX_LIST_ITEMS} more`)).toHaveLength(2);
    expect(document.querySelectorAll('.plain-list li').length).toBe(2 * (MAX_LIST_ITEMS + 1));
  });

  it('a record that keeps the first items says "and N more" from the count it kept (background/services/shown-lists.ts)', async () => {
    const actions = actionsWith((d) => ({
      ...d,
      alignments: Array.from({ length: MAX_LIST_ITEMS }, (_, i) => ({ targetName: `Skill ${i}` })),
      alignmentsTotal: 5000,
      evidence: Array.from({ length: MAX_LIST_ITEMS }, (_, i) => ({ name: `Proof ${i}` })),
      evidenceTotal: 300,
    }));
    renderWithEnv(<BadgeScreen badgeKey={KEY} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actions);
    await screen.findByText('Skill 0');
    expect(screen.getByText(`and ${5000 - MAX_LIST_ITEMS} more`)).toBeTruthy();
    expect(screen.getByText(`and ${300 - MAX_LIST_ITEMS} more`)).toBeTruthy();
  });
});

describe('bidirectional overrides', () => {
  it('a name "\\u202Eelif.exe" shows its override as ⟨RLO⟩, isolated, on the badge page and in the list', async () => {
    const actions = actionsWith((d) => ({ ...d, name: '\u202Eelif.exe', issuerName: 'Trusted \u202Bytisrevinu\u202C U.', alignments: [{ targetName: 'a\u2066b' }] }));
    renderWithEnv(<BadgeScreen badgeKey={KEY} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actions);
    const title = await screen.findByRole('heading', { level: 2 });
    expect(title.textContent).toBe('⟨RLO⟩elif.exe');
    expect(title.getAttribute('dir')).toBe('auto');
    expect(document.body.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(screen.getByText('Trusted ⟨RLE⟩ytisrevinu⟨PDF⟩ U.')).toBeTruthy();
    expect(screen.getByText('a⟨LRI⟩b')).toBeTruthy();
  });
});

describe('every screen sits behind an error boundary', () => {
  it('a screen that throws says what failed, and Back and Try again work', async () => {
    let fail = true;
    const Boom = () => {
      if (fail) throw new TypeError('badge.alignments is not iterable');
      return <p>fine now</p>;
    };
    const onBack = vi.fn();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    renderWithEnv(
      <ScreenBoundary screen="badge" onBack={onBack}>
        <Boom />
      </ScreenBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('This screen could not be shown');
    expect(screen.getByRole('alert').textContent).toContain('showing the badge screen: TypeError: badge.alignments is not iterable');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onBack).toHaveBeenCalledOnce();
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('fine now')).toBeTruthy();
    spy.mockRestore();
  });

  it('a detail that cannot be read for display is an error with a retry, not a blank page', async () => {
    const actions = createMockActions();
    actions.getBadge = async () => ({ ok: true, value: { key: KEY, get name(): string { throw new Error('hostile getter'); } } as unknown as BadgeDetail });
    renderWithEnv(<BadgeScreen badgeKey={KEY} onShare={noop} onAddresses={noop} onChanged={noop} onRemoved={noop} />, actions);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('This badge could not be opened'));
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});
