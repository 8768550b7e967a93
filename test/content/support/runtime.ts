/**
 * A fake background for content-script unit tests: `chrome.runtime.sendMessage` answers from
 * handlers, records every message, and can answer with raw (malformed) replies. `picker/ui`
 * does by default what the background's injection does (src/content/ui-*.ts run). `chrome.i18n`
 * answers from public/_locales (English unless another locale's messages are given).
 */
import type { ContentToBackground } from '../../../src/messaging/protocol.ts';
import { linkedinUi } from '../../../src/content/actions/linkedin.ts';
import { mailUi } from '../../../src/content/actions/mail.ts';
import { provideUi } from '../../../src/content/ui-api.ts';
import { formatMessage, type Messages } from '../../../src/popup/i18n.ts';
import en from '../../../public/_locales/en/messages.json' with { type: 'json' };

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

/** browser.i18n.getMessage over one locale's messages.json ('' for an unknown key, as the browser does). */
export function fakeI18n(messages: Messages = en as Messages) {
  return { getMessage: (key: string, subs: string[] = []) => (Object.hasOwn(messages, key) ? formatMessage(messages[key]!, subs.map(String)) : '') };
}

export function installRuntime(handlers: Handlers = {}, messages?: Messages): FakeRuntime {
  const handle: Handlers = { 'picker/ui': injectUi, ...handlers };
  const g = globalThis as { chrome?: unknown };
  const before = g.chrome;
  const fake: FakeRuntime = {
    sent: [],
    handle,
    restore: () => void (g.chrome = before),
  };
  g.chrome = {
    i18n: fakeI18n(messages),
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
