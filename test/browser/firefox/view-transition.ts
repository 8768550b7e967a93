/**
 * A page's view transition drawing its own look-alike above Lanyard's card or picker (run in the page through `ff.run`
 * or Playwright's `evaluate`, so self-contained; attack35). A view transition's pseudo-elements are painted above the
 * whole document, its top layer included (CSS View Transitions 1 §3.2 "the view transition layer"), and an element the
 * page names (`view-transition-name`) is drawn there live, in its own group: the page's "✓ Verified" box, named, is
 * painted over Lanyard's top-layer card while the transition lasts, which a long animation makes an hour
 * (`animation: none` would end it at once). `window.endTransition()` skips it.
 */
export const LOOK_ALIKE_TRANSITION = (words: string, at: { x: number; y: number; w: number; h: number }) => {
  const st = document.createElement('style');
  st.textContent = '@keyframes lanyard-test-hold { from { opacity: 1 } to { opacity: 1 } }' +
    '::view-transition { pointer-events: none }' +
    '::view-transition-group(*), ::view-transition-old(*), ::view-transition-new(*) { animation: lanyard-test-hold 3600s linear }';
  document.head.append(st);
  const f = document.createElement('div');
  f.style.cssText = `position:fixed;left:${at.x}px;top:${at.y}px;width:${at.w}px;height:${at.h}px;box-sizing:border-box;background:#fff;` +
    'border:1px solid #c4c9d0;border-radius:10px;font:700 15px sans-serif;color:#137333;padding:10px;view-transition-name:lanyard-test-fake';
  f.textContent = words;
  const vt = (document as Document & { startViewTransition(update: () => void): { skipTransition(): void } }).startViewTransition(() => void document.body.append(f));
  (window as unknown as { endTransition: () => void }).endTransition = () => (vt.skipTransition(), f.remove());
};
