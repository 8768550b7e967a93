/**
 * What the popup can ask for. Components receive an implementation as a prop and never call
 * browser.* themselves: main.tsx passes the real one (over messaging), tests and previews a mock.
 */
import type { PingReply, PopupToBackground, Reply } from '../messaging/protocol.ts';
import type { Send } from '../messaging/send.ts';

export interface PopupActions {
  /** Asks the background whether it is up, and its version. */
  ping(): Promise<Reply<PingReply>>;
}

/** The real actions, over a `send` bound to runtime messaging. */
export function createActions(send: Send<PopupToBackground>): PopupActions {
  return {
    ping: () => send('ping', {}),
  };
}
