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
