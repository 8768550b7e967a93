/**
 * A small wrapper over browser.runtime: what the messaging layer and the background need, and
 * nothing more, so that tests can hand a fake in its place.
 */
import browser from './browser.ts';

/** What the background knows of a message's sender (runtime.MessageSender, narrowed). */
export interface Sender {
  id?: string;
  url?: string;
  /** Present for content scripts, and for extension pages opened in a tab. */
  tab?: { id?: number; url?: string };
  frameId?: number;
  /** Chromium only: the sending document (scripting.executeScript can target it). */
  documentId?: string;
}

export type MessageListener = (message: unknown, sender: Sender) => Promise<unknown>;

export interface PlatformRuntime {
  /** This extension's id. */
  readonly id: string;
  /** The origin of this extension's own pages: `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  readonly origin: string;
  readonly version: string;
  sendMessage(message: unknown): Promise<unknown>;
  /** Every message gets the listener's reply; the listener is removed when the signal aborts. */
  onMessage(listener: MessageListener, signal?: AbortSignal): void;
  /** Installed or updated (an unpacked extension: at every launch), and the browser started. */
  onInstalled(listener: () => void): void;
  onStartup(listener: () => void): void;
}

export function createRuntime(): PlatformRuntime {
  const { runtime } = browser;
  return {
    id: runtime.id,
    origin: runtime.getURL(''),
    version: runtime.getManifest().version,
    sendMessage: (message) => runtime.sendMessage(message),
    onMessage(listener, signal) {
      // The polyfill sends back whatever the returned promise resolves to.
      const wrapped = (message: unknown, sender: Sender) => listener(message, sender);
      runtime.onMessage.addListener(wrapped);
      signal?.addEventListener('abort', () => runtime.onMessage.removeListener(wrapped), { once: true });
    },
    onInstalled: (listener) => runtime.onInstalled.addListener(() => listener()),
    onStartup: (listener) => runtime.onStartup.addListener(() => listener()),
  };
}
