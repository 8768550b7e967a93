// @vitest-environment jsdom
/** Loading the picker on demand (src/content/on-demand.ts): once, on the first press, again after a failure. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailUi } from '../../src/content/ui-api.ts';
import { installRuntime, raw, type FakeRuntime } from './support/runtime.ts';

// jsdom cannot make trusted events: here the tests' clicks and keys stand for the user's (src/content/ui/user.ts;
// test/content/ui/user-events.test.ts shows that a page's made-up ones do nothing).
vi.mock('../../src/content/ui/user.ts', () => ({ fromUser: () => true }));

let rt: FakeRuntime;
let od: typeof import('../../src/content/on-demand.ts');
let api: typeof import('../../src/content/ui-api.ts');
const opened: string[] = [];
const fakeMail: MailUi = { insertCard: (o) => void opened.push(o.anchor.id) };

beforeEach(async () => {
  vi.resetModules();
  delete (globalThis as Record<string, unknown>).__lanyardUi;
  od = await import('../../src/content/on-demand.ts');
  api = await import('../../src/content/ui-api.ts');
  opened.length = 0;
});
afterEach(() => {
  rt.restore();
  vi.restoreAllMocks();
});

const anchor = (id: string) => Object.assign(document.createElement('span'), { id });
const use = (id: string, signal = new AbortController().signal) =>
  od.withUi('mail', signal, (ui) => ui.insertCard({ anchor: anchor(id), signal, editor: document.body, range: null }));

describe('on-demand UI', () => {
  it('asks the background once (a mousedown and the click that follows share the load), then uses what the file provided', async () => {
    rt = installRuntime({ 'picker/ui': () => (api.provideUi('mail', fakeMail), { loaded: true }) });
    const pressed = od.preloadUi();
    await use('a');
    await use('b');
    await pressed;
    expect(rt.sent).toEqual([{ type: 'picker/ui', args: {} }]);
    expect(opened).toEqual(['a', 'b']);
  });

  it('opens nothing when the load is refused, logs why, and asks again at the next press', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    rt = installRuntime({ 'picker/ui': () => raw({ ok: false, error: { code: 'ERR_FORBIDDEN_SENDER', message: 'not here' } }) });
    await use('a');
    expect(opened).toEqual([]);
    expect(error).toHaveBeenCalledWith('[lanyard] could not load the picker: not here');
    rt.handle['picker/ui'] = () => (api.provideUi('mail', fakeMail), { loaded: true });
    await use('b');
    expect(opened).toEqual(['b']);
    expect(rt.sent.map((m) => m.type)).toEqual(['picker/ui', 'picker/ui']);
  });

  it('treats a reply without the file having run as a failure (and asks again)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    rt = installRuntime({ 'picker/ui': () => ({ loaded: true }) });
    await use('a');
    await use('b');
    expect(opened).toEqual([]);
    expect(rt.sent).toHaveLength(2);
  });

  it('starts loading when the pointer or the focus reaches a button, before the click', async () => {
    rt = installRuntime({ 'picker/ui': () => (api.provideUi('mail', fakeMail), { loaded: true }) });
    const { makeButton, onButton } = await import('../../src/content/ui/button.ts');
    const stop = new AbortController();
    const host = makeButton('insert-badge', 'Insert badge');
    const other = document.createElement('button');
    document.body.append(host, other);
    let clicks = 0;
    onButton('insert-badge', () => clicks++, stop.signal);
    other.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    expect(rt.sent).toEqual([]);
    host.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
    host.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    host.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(rt.sent).toEqual([{ type: 'picker/ui', args: {} }]);
    expect(clicks).toBe(0);
    host.click();
    expect(clicks).toBe(1);
    stop.abort();
    host.remove();
    other.remove();
  });

  it('does not open the picker for a feature that stopped while loading (the page changed)', async () => {
    let release!: () => void;
    rt = installRuntime({ 'picker/ui': () => new Promise((r) => (release = () => r((api.provideUi('mail', fakeMail), { loaded: true })))) });
    const stop = new AbortController();
    const pending = use('a', stop.signal);
    await Promise.resolve();
    stop.abort();
    release();
    await pending;
    expect(opened).toEqual([]);
  });
});
