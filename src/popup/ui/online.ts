/**
 * Whether the browser says it is online (navigator.onLine, updated on the window's online and
 * offline events: HTML §8.10 "Offline Web applications"). False means surely offline; true only
 * means a network is there, not that a server answers.
 */
import { useEffect, useState } from 'preact/hooks';

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine !== false);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine !== false);
    addEventListener('online', update);
    addEventListener('offline', update);
    return () => {
      removeEventListener('online', update);
      removeEventListener('offline', update);
    };
  }, []);
  return online;
}

/** At the moment of asking (a handler's check, not a render's): surely offline. */
export const isOffline = (): boolean => typeof navigator !== 'undefined' && navigator.onLine === false;
