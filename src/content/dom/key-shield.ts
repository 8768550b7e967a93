/**
 * Keys typed into Lanyard's picker kept from the page (attack36). Keyboard, composition, input and clipboard
 * events are composed (UI Events §3, Input Events 2 §4, Clipboard API §5.1): they leave the picker's closed shadow
 * root, retargeted to its host, and start at the page's window. The panel's own `stopPropagation` came too late for
 * the page's capturing listeners on the window and document, which read each `key`, the `data` of every
 * `beforeinput`/`input`/composition and the clipboard's text: what the user searched for in their badge list.
 *
 * A listener runs in the order it was added to its target (DOM §2.9 "inner invoke"), the window's capturing ones
 * first of all (DOM §2.9 "dispatch": the path's capture phase starts at the window). `listenFirst()` is called by a
 * content script the manifest runs at `document_start`, before any of the page's scripts: its capturing listener on
 * the window is the first of all, in both browsers (their isolated world and sandbox add to the page's own window's
 * list). For a trusted event a picker holds (`Shield.holds`: the focus is in it, or a drag is at it), it stops the
 * event there (`stopImmediatePropagation`: no other listener, the page's included, hears it; what the key does,
 * typing into the search, is its default action and still happens) and hands it to the picker itself (`shield`), which acts on it as its own listeners would.
 * Kept on the world's global object (the picker is injected later, by another script of the same world:
 * top-layer.ts's hosts are shared the same way), never where the page can reach.
 *
 * Drag events are composed too (HTML §6.11.5 "fire a DND event"), and carry the drag data store: a page's `drop`
 * listener read the text the user dropped into the search ("read-only mode", HTML §6.11.2), its `dragstart` listener
 * the search's text the user dragged, and could put its own words in that drag ("read/write mode") (attack37). They
 * are stopped the same way, while they are the picker's: at its host, where the focus need not be, and only there (`holds`).
 * What a drop does, inserting its text into the search, is its default action and still happens.
 */

/**
 * The events that carry what the user types, pastes or drags, composed (they leave a shadow root). One string: this
 * script is in every picker site's first load (bench content_js_gz_kb), and the drag events cost it nothing more.
 */
export const SHIELDED = 'keydown keypress keyup beforeinput input textInput compositionstart compositionupdate compositionend paste copy cut dragstart drag dragend dragenter dragover dragleave drop'.split(' ');

export interface Shield {
  /**
   * Whether the event is this UI's: at its host, or, but for a drag event (at the pointer: a drop on the page's own
   * drop zone is the page's), while the focus is inside it (its closed root's own `activeElement`).
   */
  holds(e: Event): boolean;
  /** Acts on an event the page will not hear. */
  deliver(e: Event): void;
}

const KEY = Symbol.for('lanyard.key-shield');
/**
 * What the first listener asks of each shield: whether the event is that UI's, which, when it is, stops it and acts
 * on it (`shield` makes it). Kept on the world's global object once that listener is there.
 */
type Take = (e: Event) => boolean;
const world = globalThis as unknown as Record<symbol, Set<Take> | undefined>;

/**
 * At document_start, before the page's scripts: the window's first capturing listener for each shielded event, once
 * per world (the shields' set is made with it: `shield` finds no set where this did not run).
 */
export function listenFirst(): void {
  if (world[KEY]) return;
  const all = (world[KEY] = new Set());
  const first = (e: Event) => {
    if (!e.isTrusted) return;
    for (const take of all) if (take(e)) return;
  };
  for (const type of SHIELDED) window.addEventListener(type, first, true); // capturing
}

/**
 * Hands `shield` the events the first listener stops, until `signal` aborts. Where that listener is not there (the
 * manifest's script did not run at document_start) the events reach the panel, and the page, as before: the UI keeps
 * its own listeners either way.
 */
export function shield(sh: Shield, signal: AbortSignal): boolean {
  const all = world[KEY];
  if (!all) return false;
  // Stopped first (no other listener, the page's included, hears it), then handed on. Here, not in the first
  // listener: this file's `shield` is in the picker's on-demand script, not in every picker site's first load.
  const take: Take = (e) => sh.holds(e) && (e.stopImmediatePropagation(), sh.deliver(e), true);
  all.add(take);
  signal.addEventListener('abort', () => all.delete(take));
  return true;
}
