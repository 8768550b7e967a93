/**
 * Puts a fixed panel next to an anchor: below it when there is room, else above; inside the
 * viewport. A panel mounted inside a transformed ancestor (some modals) has that ancestor as its
 * containing block: the position is measured again and corrected.
 */
export function place(panel: HTMLElement, anchor: Element, width: number, maxHeight?: number): void {
  const r = anchor.getBoundingClientRect();
  const vw = window.innerWidth || 1024;
  const vh = window.innerHeight || 768;
  const height = maxHeight ?? (panel.offsetHeight || 200);
  const below = vh - r.bottom >= height + 12 || r.top < vh / 2;
  const left = Math.max(8, Math.min(r.left, vw - width - 8));
  const top = Math.max(8, below ? Math.min(r.bottom + 6, vh - height - 8) : r.top - 6 - height);
  panel.style.left = `${left}px`;
  panel.style.top = `${top}px`;
  const got = panel.getBoundingClientRect();
  if (got.width && (got.left !== left || got.top !== top)) {
    panel.style.left = `${2 * left - got.left}px`;
    panel.style.top = `${2 * top - got.top}px`;
  }
}
