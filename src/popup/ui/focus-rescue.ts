/**
 * Focus that would fall to the page's body when the control holding it goes away (a signed-out
 * account's card, a removed address, "Clear filters" once no filter is on) lands on a chosen
 * target instead: keyboard and screen-reader users keep their place (WCAG 2.4.3 Focus Order).
 * `arm()` before the change; the first render after it that finds focus lost moves it.
 */
import { useEffect, useRef } from 'preact/hooks';

const lost = (): boolean => {
  const a = document.activeElement;
  return !a || a === document.body || !a.isConnected;
};

export function useFocusRescue(target: () => HTMLElement | null | undefined): () => void {
  const armed = useRef(false);
  const to = useRef(target);
  to.current = target;
  useEffect(() => {
    if (armed.current && lost()) {
      armed.current = false;
      to.current()?.focus();
    }
  });
  return () => {
    armed.current = true;
  };
}
