/**
 * A fake background for content-script unit tests: `chrome.runtime.sendMessage` answers from
 * handlers, records every message, and can answer with raw (malformed) replies. `picker/ui`
 * does by default what the background's injection does (src/content/ui-*.ts run).
 */
import type { ContentToBackground } from '../../../src/messaging/protocol.ts';
import { linkedinUi } from '../../../src/content/actions/linkedin.ts';
import { mailUi } from '../../../src/content/actions/mail.ts';
import { provideUi } from '../../../src/content/ui-api.ts';

type Handlers = {
  [K in keyof ContentToBackground]?: (args: ContentToBackground[K]['args']) => unknown;
};

export interface FakeRuntime {
  sent: { type: string; args: unknown }[];
  /** Sets a handler; its return value is sent back as `{ ok: true, value }` unless it is `raw(...)`. */
  handle: Handlers;
  restore(): void;
}

const RAW = Symbol('raw');
export const raw = (reply: unknown) => ({ [RAW]: reply });

/** What the injected on-demand files do when they run. */
export function injectUi(): { loaded: true } {
  provideUi('linkedin', linkedinUi);
  provideUi('mail', mailUi);
  return { loaded: true };
}

export function installRuntime(handlers: Handlers = {}): FakeRuntime {
  const handle: Handlers = { 'picker/ui': injectUi, ...handlers };
  const g = globalThis as { chrome?: unknown };
  const before = g.chrome;
  const fake: FakeRuntime = {
    sent: [],
    handle,
    restore: () => void (g.chrome = before),
  };
  g.chrome = {
    runtime: {
      async sendMessage(message: { type: keyof ContentToBackground; args: never }) {
        fake.sent.push(message);
        const h = fake.handle[message.type] as ((a: unknown) => unknown) | undefined;
        if (!h) return { ok: false, error: { code: 'ERR_UNKNOWN_MESSAGE', message: `no handler for ${message.type}` } };
        const value = await h(message.args);
        if (value && typeof value === 'object' && RAW in value) return (value as Record<symbol, unknown>)[RAW];
        return { ok: true, value };
      },
    },
  };
  return fake;
}
