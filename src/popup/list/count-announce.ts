/**
 * The list's count, said to screen readers once it stops changing (WCAG 4.1.3 Status Messages):
 * the count above the list changes on every key typed in the search box, and as a live region it
 * was read on each. What shows when the list opens is on screen, not announced; after a change of
 * the query or the count, the count is said once neither has changed for COUNT_PAUSE_MS (typing
 * has paused: a key that leaves the count as it was still waits). The text goes into a live region
 * that is always there (ListScreen.tsx).
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export const COUNT_PAUSE_MS = 500;

/** '' until `text` or `query` first changes, then `text` once neither has changed for `ms`. */
export function useCountAnnouncement(text: string, query: string, ms = COUNT_PAUSE_MS): string {
  const [said, setSaid] = useState('');
  const opened = useRef(false);
  useEffect(() => {
    if (!opened.current) {
      opened.current = true;
      return;
    }
    const timer = setTimeout(() => setSaid(text), ms);
    return () => clearTimeout(timer);
  }, [text, query, ms]);
  return said;
}
