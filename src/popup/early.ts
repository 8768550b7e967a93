/**
 * The replies to the popup's first messages, sent by public/popup/boot.js before the bundle
 * loaded: a transport that hands each one out once, to the first request with the same message
 * (by its exact JSON), and sends anything else (and anything asked again) as usual. The reply goes
 * through the same checks as any other (messaging/send.ts createSend).
 */
import type { Transport } from '../messaging/send.ts';

declare global {
  // eslint-disable-next-line no-var
  /** Set by boot.js; `false` once the popup has started (boot.js, if it runs after that, sends nothing). */
  var lanyardEarly: Map<string, Promise<unknown>> | false | undefined;
}

/** The early replies boot.js left, if any; from now on boot.js sends nothing. */
export function takeEarly(): Map<string, Promise<unknown>> | undefined {
  const early = globalThis.lanyardEarly;
  globalThis.lanyardEarly = false;
  return early || undefined;
}

export function earlyTransport(transport: Transport, early: Map<string, Promise<unknown>> | undefined): Transport {
  return (message) => {
    const key = JSON.stringify(message);
    const reply = early?.get(key);
    if (!reply) return transport(message);
    early?.delete(key);
    return reply;
  };
}

/**
 * Resolves once every early reply has settled, or after `ms`, whichever comes first (at once
 * without early replies). main.tsx renders the popup then: when the worker answers within `ms` of
 * the bundle's start (a running worker: 15-40 ms), the first render already has the rows or the
 * empty state, and the page never lays out and paints a loading skeleton that the next frame
 * throws away (issue 14: that frame, ~5 ms of style, layout and paint, and the frame slot it took
 * before the rows'). A stopped worker takes longer (0.3-0.5 s): the skeleton shows after `ms`.
 */
export function repliesOrTimeout(early: Map<string, Promise<unknown>> | undefined, ms: number): Promise<void> {
  if (!early?.size) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    void Promise.allSettled(early.values()).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
