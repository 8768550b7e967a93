// @vitest-environment jsdom
/**
 * The picker moved into a page's web component (src/content/ui/armed.ts, attack29). The page can move Lanyard's
 * picker host anywhere in its document, into the light DOM of its own element too: a shadow root slots it, and
 * the picker is drawn inside that root's tree (the flat tree, CSS Scoping 1 §2.2) under the root's own
 * `opacity: 0.01` or filter. The guard walked the host's parents in the light DOM (the component, then the
 * body), never the slot's ancestors: it saw nothing to refuse, and where the browser has no IntersectionObserver
 * v2 (Firefox) a click on the page's drawing over an invisible picker picked a badge into the page. Now the
 * guard walks the flat tree through open roots, and a host slotted into a closed one (whose slot cannot be
 * seen) is refused.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPicker } from '../../../src/content/ui/picker.ts';
import type { PickerBadge } from '../../../src/messaging/views.ts';
import { installRuntime, type FakeRuntime } from '../support/runtime.ts';
import { flush, hosts, pickerRoot } from '../support/shadow.ts';
import { pressAfterPause } from '../support/armed.ts';

// jsdom cannot make trusted events: the tests' clicks stand for the user's (user-events.test.ts shows a page's do nothing).
vi.mock('../../../src/content/ui/user.ts', () => ({ fromUser: () => true }));

const BADGES: PickerBadge[] = [{ key: 'a', name: 'Analytical Engine Programmer', verdict: 'valid' }];
const g = globalThis as { chrome?: { dom?: unknown } };
let rt: FakeRuntime;
beforeEach(() => {
  document.body.innerHTML = '<div id="modal"><button id="anchor">open</button></div><x-comp id="comp"></x-comp>';
  rt = installRuntime({ 'picker/list': () => BADGES });
});
afterEach(() => {
  rt.restore();
  if (g.chrome) delete g.chrome.dom;
  document.documentElement.querySelectorAll('[data-lanyard]').forEach((e) => e.remove());
});

const options = () => [...pickerRoot().querySelectorAll<HTMLElement>('li[role=option]')];
async function open(): Promise<string[]> {
  const picked: string[] = [];
  openPicker({ anchor: document.getElementById('anchor')!, title: 't', onPick: async (b) => void picked.push(b.key) });
  await flush();
  return picked;
}

describe('the picker slotted into a page’s component', () => {
  it('drawn see-through by the open root around its slot: picks nothing; slotted where nothing fades it, it picks', async () => {
    const root = document.getElementById('comp')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div style="opacity: 0.01"><slot></slot></div>';
    const picked = await open();
    document.getElementById('comp')!.append(hosts('picker')[0]!);
    pressAfterPause(options()[0]);
    await flush();
    expect(picked).toEqual([]);
    // Another component that slots it with nothing faded (the test can fail): the pick goes through. (A new one:
    // jsdom's computed style inside a shadow root does not follow a change to its style attribute.)
    const plain = document.body.appendChild(document.createElement('x-plain'));
    plain.attachShadow({ mode: 'open' }).innerHTML = '<div><slot></slot></div>';
    plain.append(hosts('picker')[0]!);
    pressAfterPause(options()[0]);
    await flush();
    expect(picked).toEqual(['a']);
  });

  it('slotted into a closed root (what is around its slot cannot be seen): picks nothing', async () => {
    const closed = document.getElementById('comp')!.attachShadow({ mode: 'closed' });
    closed.innerHTML = '<div style="opacity: 0.01"><slot></slot></div>';
    g.chrome = { ...(g.chrome ?? {}), dom: { openOrClosedShadowRoot: (e: Element) => (e.id === 'comp' ? closed : null) } };
    const picked = await open();
    document.getElementById('comp')!.append(hosts('picker')[0]!);
    pressAfterPause(options()[0]);
    await flush();
    expect(picked).toEqual([]);
  });
});
