/**
 * A fetch that holds the first request to `pathname` (a revocation, a profile) until `release()` or its
 * own signal aborts; every other request goes through. For the tests of what runs while a backpack has
 * not answered yet (sign-in-during-sign-out, sign-in-cancelled-revokes).
 */
export function holdFirst(pathname: string) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let holding = false;
  const aborted = (signal: AbortSignal | null | undefined) => new Promise<never>((_, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }));
  return {
    fetch: async (url: string, init?: RequestInit): Promise<Response> => {
      if (new URL(url).pathname === pathname && !holding) {
        holding = true;
        await Promise.race([held, aborted(init?.signal)]);
      }
      return fetch(url, init);
    },
    /** Whether the request has come (and is held until released). */
    holding: () => holding,
    release: () => release(),
  };
}
