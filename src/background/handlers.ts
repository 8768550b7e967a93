/**
 * One line per message: each handler hands its arguments to a service and returns its result.
 * Services hold the logic and their state lives in storage, not here: the worker may be killed
 * at any moment.
 */
import type { ContentToBackground, PopupToBackground } from '../messaging/protocol.ts';
import type { Handlers } from './router.ts';

export interface Services {
  /** The extension's version, from its manifest. */
  version: string;
}

export function popupHandlers(s: Services): Handlers<PopupToBackground> {
  return {
    ping: () => ({ pong: true, version: s.version }),
  };
}

export function contentHandlers(s: Services): Handlers<ContentToBackground> {
  return {
    ping: () => ({ pong: true, version: s.version }),
  };
}
