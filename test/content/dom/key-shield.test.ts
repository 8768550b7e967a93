// @vitest-environment jsdom
/**
 * The window's first listener for what is typed in the picker (src/content/dom/key-shield.ts). jsdom cannot make a
 * trusted event, so the listener `listenFirst` adds is called here with stand-ins for the user's; the browsers' own
 * events, the page's listeners and the picker are test/browser/picker-keys.test.ts and firefox-picker-keys.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { listenFirst, shield, SHIELDED, type Shield } from '../../../src/content/dom/key-shield.ts';

/** An event as the listener reads it, trusted or not, whose stopImmediatePropagation is counted. */
const typed = (isTrusted: boolean) => ({ type: 'keydown', isTrusted, stopImmediatePropagation: vi.fn() }) as unknown as Event & { stopImmediatePropagation: ReturnType<typeof vi.fn> };

/** A shield that holds an event while `focused` says so, and the events it was handed. */
function ui(focused: () => boolean): Shield & { got: Event[] } {
  const got: Event[] = [];
  return { got, holds: () => focused(), deliver: (e) => void got.push(e) };
}

// In this order: the world's global object keeps what listenFirst put there for the rest of the file.
describe('key shield', () => {
  it('without the document_start listener, shield() says so: the picker keeps its own listeners', () => {
    const life = new AbortController();
    expect(shield(ui(() => true), life.signal)).toBe(false);
    life.abort();
  });

  const added = vi.spyOn(window, 'addEventListener');
  let first: (e: Event) => void = () => {};

  it('listenFirst adds one capturing listener on the window per shielded event, once however often it is called', () => {
    listenFirst();
    listenFirst();
    const calls = added.mock.calls.filter(([type]) => (SHIELDED as readonly string[]).includes(type));
    expect(calls.map(([type]) => type)).toEqual([...SHIELDED]);
    expect(calls.every(([, , capture]) => capture === true)).toBe(true);
    expect(new Set(calls.map(([, listener]) => listener)).size).toBe(1);
    first = calls[0]![1] as (e: Event) => void;
    added.mockRestore();
  });

  it('stops a trusted event while the focus is in a shield and hands it to that shield alone', () => {
    const away = ui(() => false);
    const here = ui(() => true);
    const life = new AbortController();
    expect(shield(away, life.signal)).toBe(true);
    expect(shield(here, life.signal)).toBe(true);
    const e = typed(true);
    first(e);
    expect(e.stopImmediatePropagation).toHaveBeenCalledTimes(1);
    expect(here.got).toEqual([e]);
    expect(away.got).toEqual([]);
    life.abort();
  });

  it('lets through an untrusted event, one while the focus is elsewhere, and any after the shield’s signal aborted', () => {
    let focused = true;
    const picker = ui(() => focused);
    const life = new AbortController();
    shield(picker, life.signal);
    const made = typed(false);
    first(made);
    focused = false;
    const elsewhere = typed(true);
    first(elsewhere);
    focused = true;
    life.abort();
    const after = typed(true);
    first(after);
    for (const e of [made, elsewhere, after]) expect(e.stopImmediatePropagation).not.toHaveBeenCalled();
    expect(picker.got).toEqual([]);
  });
});
