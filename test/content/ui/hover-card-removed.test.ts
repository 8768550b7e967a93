// @vitest-environment jsdom
/**
 * A card whose host the page removed is not put back when its verdict is painted (src/content/ui/hover-card.ts,
 * attack29). The host appears PAUSE_MS after the dwell whatever the verdict, and the verdict is painted inside its
 * closed root no earlier than REVEAL_MS after, later when the background takes longer (issue 12 point 8): a page
 * that removed the host as it appeared saw it added again at that paint, so it learnt when the verdict came
 * (a cached one at once, a fresh one after its fetches).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hideCard, showCard } from '../../../src/content/ui/hover-card.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { hosts } from '../support/shadow.ts';

let rt: FakeRuntime | undefined;
afterEach(() => {
  hideCard();
  rt?.restore();
  document.body.replaceChildren();
  for (const el of document.documentElement.querySelectorAll('[data-lanyard]')) el.remove();
});

const anchor = () => document.body.appendChild(document.createElement('a'));
const READY = { kind: 'ready', verdict: { verdict: 'invalid', name: 'A badge', issuerName: 'An issuer', message: 'Revoked' } } as const;

describe('a card the page took away', () => {
  it('is not added again when its verdict is painted; the next hover’s card appears as before', () => {
    rt = installRuntime();
    const a = anchor();
    showCard(a, { kind: 'loading' });
    expect(hosts('hover-card')).toHaveLength(1);
    // Painted while still there: the same host (the test can fail).
    showCard(a, READY);
    expect(hosts('hover-card')).toHaveLength(1);
    hideCard();
    showCard(a, { kind: 'loading' });
    hosts('hover-card')[0]!.remove();
    expect(showCard(a, READY)).toBeNull();
    expect(hosts('hover-card')).toHaveLength(0);
    expect(document.querySelector('[data-lanyard]')).toBeNull();
    hideCard();
    showCard(a, { kind: 'loading' });
    expect(hosts('hover-card')).toHaveLength(1);
  });
});
