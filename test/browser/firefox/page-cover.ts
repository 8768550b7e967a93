/**
 * A clickjacking page's cover for the Firefox tests (run in the page through `ff.run`, so self-contained): a
 * popover over the whole viewport, opaque and letting the pointer through (`pointer-events: none`), with the
 * page's own words at its foot (away from where Lanyard's card and picker are drawn), shown in the document or in a
 * closed shadow root of its own. `everyFrame`: hidden and shown again at every frame (the last in the top layer).
 * `unheard`: the page's capturing listener stops every `beforetoggle` before Lanyard's can hear it (on the root for
 * one in a shadow root; on the window, which runs before the document, for one in the document: attack34), and
 * the popover's own too. `window.stopCover()` ends it (a site's notice closing).
 */
export const COVER = (words: string, { everyFrame = false, unheard = false, inDocument = false } = {}) => {
  const o = document.createElement('div');
  o.setAttribute('popover', 'manual');
  o.textContent = words;
  o.style.cssText = 'position:fixed;inset:0;width:auto;height:auto;margin:0;border:0;padding:560px 0 0;pointer-events:none;background:#fff;font:40px sans-serif';
  const box = document.createElement('div');
  document.body.append(box);
  const root = inDocument ? box : box.attachShadow({ mode: 'closed' });
  if (unheard) {
    (inDocument ? window : root).addEventListener('beforetoggle', (e) => e.stopImmediatePropagation(), true);
    o.addEventListener('beforetoggle', (e) => e.stopImmediatePropagation());
  }
  root.append(o);
  o.showPopover();
  let on = true;
  const again = () => on && (o.hidePopover(), o.showPopover(), requestAnimationFrame(again));
  if (everyFrame) requestAnimationFrame(again);
  (window as unknown as { stopCover: () => void }).stopCover = () => ((on = false), o.hidePopover());
};
