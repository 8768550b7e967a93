/**
 * When a click or a key may act in the picker (clickjacking). The picker is in the page's document,
 * so the page decides how it is drawn: it can make it see-through or tiny (opacity, a filter,
 * clip-path or a mask on an ancestor, a scale transform on the modal it is mounted in), lay its own
 * picture over it with `pointer-events: none` (the clicks go through to the picker), or move it
 * under a pointer that is about to click something else. A person then "clicks the page" and picks
 * a badge, which goes into the page. An action counts only when the picker has been shown,
 * unmoved, for ARM_MS (the first click of a double click, or one that meets a panel that has just
 * appeared or moved, does nothing; Chromium protects its own prompts the same way), and when it is
 * drawn as Lanyard drew it: opaque, unfiltered, unclipped, at its size, inside the viewport, and,
 * where the browser can tell (Chromium's IntersectionObserver v2 `trackVisibility`,
 * https://w3c.github.io/IntersectionObserver/v2/), with nothing over it. Every action is checked
 * again. Safe actions (close, "Choose another", typing a search) are never held back.
 */
import { flatParent, openRoot } from '../dom/flat.ts';
import { hostsShadow } from '../dom/own-click.ts';

/** How long the picker must be shown, unmoved and visible, before a pick (ms). */
export const ARM_MS = 500;
/** IntersectionObserver v2's least delay between reports (ms). */
const V2_DELAY_MS = 100;
const MIN_OPACITY = 0.9;
/** The panel drawn smaller than this share of its own size (a scale transform): not what the user reads. */
const MIN_SCALE = 0.9;
/** Less than this share of the panel inside the viewport and its ancestors' clips. */
const MIN_SHOWN = 0.5;

/** What the page did to how the panel is drawn (each a reason the pick is refused). */
export type Refusal = 'too-soon' | 'moved' | 'transparent' | 'filtered' | 'clipped' | 'shrunk' | 'covered' | 'off-screen';

/** One box in the chain from the panel up to the document's root (its computed style). */
export interface Layer {
  opacity: string;
  filter: string;
  clipPath: string;
  mask: string;
  mixBlendMode: string;
  /** CSS zoom (Chromium, and CSS Viewport's `zoom`): it scales the laid-out size too, so the box sizes cannot show it. */
  zoom?: string;
  /** Slotted into a closed shadow root: the boxes it is drawn in there (around its slot) cannot be read. */
  unseen?: boolean;
}

export interface Drawn {
  /** The panel and every ancestor, across shadow roots, up to the root element. */
  layers: readonly Layer[];
  /** Its box as drawn (getBoundingClientRect) and as laid out (offsetWidth/offsetHeight, before transforms). */
  width: number;
  height: number;
  layoutWidth: number;
  layoutHeight: number;
}

/** How the panel is drawn, judged: null when as Lanyard drew it. */
export function drawnRefusal(d: Drawn): Refusal | null {
  let opacity = 1;
  let zoom = 1;
  for (const l of d.layers) {
    const o = Number.parseFloat(l.opacity);
    if (Number.isFinite(o)) opacity *= o;
    const z = Number.parseFloat(l.zoom ?? '');
    if (Number.isFinite(z) && z > 0) zoom *= z;
    if (l.filter && l.filter !== 'none') return 'filtered';
    if ((l.clipPath && l.clipPath !== 'none') || (l.mask && l.mask !== 'none')) return 'clipped';
    if (l.mixBlendMode && l.mixBlendMode !== 'normal') return 'filtered';
    if (l.unseen) return 'clipped';
  }
  if (opacity < MIN_OPACITY) return 'transparent';
  if (zoom < MIN_SCALE) return 'shrunk';
  // Not laid out at all (no rendering, or a document without layout): nothing a person could click.
  if (d.layoutWidth > 0 && d.layoutHeight > 0 && (d.width < d.layoutWidth * MIN_SCALE || d.height < d.layoutHeight * MIN_SCALE)) return 'shrunk';
  return null;
}

export interface Seen {
  /** When what the action is in last appeared or changed (the panel, its rows, the warning). */
  shownAt: number;
  /** When the panel was last found at another place or size. */
  movedAt: number;
  /** IntersectionObserver v2: since when the browser says nothing covers it; null: it says something does; undefined: it cannot tell. */
  visibleSince: number | null | undefined;
  /** IntersectionObserver: the share of the panel shown (viewport and ancestors' clips); undefined before the first report. */
  shownRatio: number | undefined;
  drawn: Refusal | null;
}

/** Whether an action may act now: null, or why not. */
export function refusal(s: Seen, now: number): Refusal | null {
  if (s.drawn) return s.drawn;
  if (s.shownRatio !== undefined && s.shownRatio < MIN_SHOWN) return 'off-screen';
  if (s.visibleSince === null) return 'covered';
  if (now - s.movedAt < ARM_MS) return 'moved';
  if (now - s.shownAt < ARM_MS || (s.visibleSince !== undefined && now - s.visibleSince < ARM_MS)) return 'too-soon';
  return null;
}

/** The clock the guard reads (a seam for tests, as linkedin.ts `navigate`). */
export const clock = { now: (): number => performance.now() };

/**
 * The panel's computed styles up the flat tree, the boxes it is drawn in (CSS Scoping 1 §2.2): shadow roots to
 * their hosts, and a host the page moved into its own component's light DOM through the slot it is assigned to
 * (the root's `opacity: 0.01` around the slot faded it, while its light parents showed nothing: attack29). Parents
 * through the prototypes' getters (a page's <form> cannot skip one: dom/flat.ts). A closed root's slot cannot be
 * seen: slotted there, the panel is `unseen`.
 */
function layersOf(panel: Element): Layer[] {
  const layers: Layer[] = [];
  for (let n: Element | null = panel; n; ) {
    const s = getComputedStyle(n);
    const up = flatParent(n);
    const unseen = up !== null && hostsShadow(up) && !openRoot(up) && Node.prototype.getRootNode.call(n) === Node.prototype.getRootNode.call(up);
    layers.push({ opacity: s.opacity, filter: s.filter, clipPath: s.clipPath, mask: s.maskImage || s.getPropertyValue('-webkit-mask-image'), mixBlendMode: s.mixBlendMode, zoom: s.zoom, unseen });
    n = up;
  }
  return layers;
}

function measure(panel: HTMLElement): Drawn {
  const r = panel.getBoundingClientRect();
  return { layers: layersOf(panel), width: r.width, height: r.height, layoutWidth: panel.offsetWidth, layoutHeight: panel.offsetHeight };
}

/** Where the panel is drawn, and how much it is scaled (its box as drawn over its box as laid out). */
export interface Place {
  left: number;
  top: number;
  scaleX: number;
  scaleY: number;
}

/** Half a pixel, 2 %: the layout's rounding (offsetHeight is a whole number, the drawn box is not) is no move. */
const near = (a: number, b: number, by: number): boolean => a === b || (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= by;

/** Whether the panel moved or was scaled between two measures. */
export function movedBetween(a: Place, b: Place): boolean {
  return !(near(a.left, b.left, 0.5) && near(a.top, b.top, 0.5) && near(a.scaleX, b.scaleX, 0.02) && near(a.scaleY, b.scaleY, 0.02));
}

export interface Guard {
  /** What the action is in changed (the rows, the warning): actions wait ARM_MS again. */
  changed(): void;
  /** null when an action may act now (measured again now), else why not. */
  check(): Refusal | null;
  stop(): void;
}

/**
 * Watches `panel` from now until `stop()`; `onArmed(true|false)` says whether it would accept an
 * action (the panel's `data-armed`: its look, and what tests wait for). Its place is measured at
 * each of the user's pointer moves and presses and at each action: a move found at an action
 * counts as made just then (it happened after the pointer's last move, while the pointer was
 * still), so no timer has to poll it.
 */
export function guard(panel: HTMLElement, isTrusted: (e: Event) => boolean, onArmed?: (armed: boolean) => void): Guard {
  const seen: Seen = { shownAt: clock.now(), movedAt: -Infinity, visibleSince: undefined, shownRatio: undefined, drawn: null };
  const life = new AbortController();
  let place: Place | undefined;
  let armed: boolean | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Measures the panel's place and scale; true when either changed since the last time. Its size
   * as laid out is its own (its rows, the warning, a status line), so only how much it is scaled
   * counts: an upscaled panel moves its rows under the pointer as surely as a moved one.
   */
  const sample = (): boolean => {
    const r = panel.getBoundingClientRect();
    const at: Place = { left: r.left, top: r.top, scaleX: r.width / panel.offsetWidth, scaleY: r.height / panel.offsetHeight };
    const moved = place !== undefined && movedBetween(place, at);
    if (moved) seen.movedAt = clock.now();
    place = at;
    return moved;
  };
  const report = () => {
    clearTimeout(timer);
    // A panel taken out of the document (by the page, or its tab closing) has nothing to measure.
    if (life.signal.aborted || !panel.isConnected) return;
    seen.drawn = drawnRefusal(measure(panel));
    const now = clock.now();
    const why = refusal(seen, now);
    if ((why === null) !== armed) onArmed?.((armed = why === null));
    // Only time is missing: look again when it has passed.
    if (why === 'too-soon' || why === 'moved') timer = setTimeout(report, Math.max(seen.shownAt, seen.movedAt, seen.visibleSince ?? -Infinity) + ARM_MS - now + 1);
  };
  sample();
  for (const type of ['pointermove', 'pointerdown']) {
    document.addEventListener(type, (e) => {
      if (isTrusted(e) && sample()) report();
    }, { capture: true, passive: true, signal: life.signal });
  }
  const io = observe(panel, seen, report);
  report();
  return {
    changed() {
      seen.shownAt = clock.now();
      report();
    },
    check() {
      sample();
      report();
      return refusal(seen, clock.now());
    },
    stop() {
      life.abort();
      clearTimeout(timer);
      io?.disconnect();
    },
  };
}

type EntryV2 = IntersectionObserverEntry & { isVisible?: boolean };

/** IntersectionObserver (v2 where the browser has it) on the panel, filling `seen`; undefined where there is none. */
function observe(panel: HTMLElement, seen: Seen, changed: () => void): IntersectionObserver | undefined {
  const IO = (globalThis as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
  if (typeof IO !== 'function') return undefined;
  const io = new IO((entries) => {
    for (const e of entries as EntryV2[]) {
      seen.shownRatio = e.intersectionRatio;
      if (typeof e.isVisible === 'boolean') seen.visibleSince = e.isVisible ? (seen.visibleSince ?? clock.now()) : null;
    }
    changed();
  }, { threshold: [0, 0.25, 0.5, 0.75, 1], trackVisibility: true, delay: V2_DELAY_MS } as IntersectionObserverInit);
  // Chromium has the v2 attribute; elsewhere the browser cannot tell what covers the panel.
  if ((io as { trackVisibility?: boolean }).trackVisibility === true) seen.visibleSince = null;
  io.observe(panel);
  return io;
}
