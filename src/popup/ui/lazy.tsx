/**
 * Screens other than the list load on first use (dynamic import), which keeps the popup's first
 * script small. preact/compat's lazy() would do, but compat is more code than this.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from './Loading.tsx';

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return function Lazy(props: P) {
    const [C, setC] = useState<ComponentType<P> | undefined>(() => loaded);
    useEffect(() => {
      if (C) return;
      let live = true;
      void load().then((c) => {
        loaded = c;
        if (live) setC(() => c);
      });
      return () => {
        live = false;
      };
    }, [C]);
    return C ? <C {...props} /> : <Loading />;
  };
}
