// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { runFeatures, startFeatures, type Feature } from '../../src/content/loader.ts';
import { onDomChange, THROTTLE_MS } from '../../src/content/observer.ts';

const feature = (id: string, path: RegExp, log: string[]): Feature => ({
  id,
  matches: (u) => path.test(u.pathname),
  init(signal) {
    log.push(`start ${id}`);
    signal.addEventListener('abort', () => log.push(`stop ${id}`));
  },
});

describe('loader', () => {
  it('starts the features whose predicate matches; a failing one does not stop the others', () => {
    const log: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken: Feature = { id: 'broken', matches: () => true, init: () => { throw new Error('boom'); } };
    const started = startFeatures([feature('a', /^\/a/, log), broken, feature('b', /^\/b/, log)], new URL('https://x.example/a'), new AbortController().signal);
    expect(started).toEqual(['a', 'broken']);
    expect(log).toEqual(['start a']);
    expect(error).toHaveBeenCalledOnce();
    error.mockRestore();
  });

  it('picks again when a single-page app changes the path, not the hash', async () => {
    const log: string[] = [];
    history.replaceState(null, '', '/a');
    const controller = new AbortController();
    runFeatures([feature('a', /^\/a/, log), feature('b', /^\/b/, log)], controller.signal);
    history.replaceState(null, '', '/a#inbox');
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, THROTTLE_MS + 20));
    expect(log).toEqual(['start a']);
    history.replaceState(null, '', '/b');
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, THROTTLE_MS + 20));
    expect(log).toEqual(['start a', 'stop a', 'start b']);
    controller.abort();
    expect(log.at(-1)).toBe('stop b');
  });
});

describe('shared observer', () => {
  it('runs each subscriber once at start and once per burst of mutations, until aborted', async () => {
    const controller = new AbortController();
    let a = 0;
    let b = 0;
    onDomChange(() => a++, controller.signal);
    onDomChange(() => b++, controller.signal);
    await Promise.resolve();
    expect([a, b]).toEqual([1, 1]);
    for (let i = 0; i < 50; i++) document.body.append(document.createElement('span'));
    await new Promise((r) => setTimeout(r, THROTTLE_MS + 20));
    expect([a, b]).toEqual([2, 2]);
    controller.abort();
    document.body.append(document.createElement('span'));
    await new Promise((r) => setTimeout(r, THROTTLE_MS + 20));
    expect([a, b]).toEqual([2, 2]);
  });

  // The loader's scan aborts the page's features on a route change, in the same pass as theirs.
  it('does not run a subscriber that an earlier one stopped in the same pass', async () => {
    const first = new AbortController();
    const second = new AbortController();
    let stopped = 0;
    await Promise.resolve();
    onDomChange(() => void (stopped > 0 && second.abort()), first.signal);
    onDomChange(() => stopped++, second.signal);
    await Promise.resolve();
    expect(stopped).toBe(1);
    document.body.append(document.createElement('span'));
    await new Promise((r) => setTimeout(r, THROTTLE_MS + 20));
    expect([second.signal.aborted, stopped]).toEqual([true, 1]);
    first.abort();
  });
});
