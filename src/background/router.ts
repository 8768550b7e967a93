/**
 * The background's router: sender first, then the message's shape, then a one-line handler.
 * Which map a message is checked against follows from who sent it, never from the message:
 * extension pages (the popup, even when opened in a tab) speak PopupToBackground; content
 * scripts, which always come with a tab, speak ContentToBackground, and only the picker sites
 * may use its `picker/*` messages (content-access.ts), each one while the site is still granted and
 * at a person's pace (`contentGate`, services/picker-gate.ts). Anything else is dropped with an error reply.
 * What goes back to a content script must be exactly its reply's shape (validate.ts), or it is not sent.
 */
import { fail, ok, type Direction, type DirectionMaps, type ProtocolMap, type Reply } from '../messaging/protocol.ts';
import { guards, parseMessage } from '../messaging/validate.ts';
import type { Sender } from '../platform/runtime.ts';
import { contentMaySend } from './content-access.ts';

export interface HandlerContext {
  sender: Sender;
  direction: Direction;
}

export type Handlers<M extends ProtocolMap> = {
  [K in keyof M]: (args: M[K]['args'], ctx: HandlerContext) => M[K]['reply'] | Promise<M[K]['reply']>;
};

export interface RouterOptions {
  /** runtime.id */
  extensionId: string;
  /** runtime.getURL(''): the origin of this extension's pages, with a trailing slash. */
  extensionOrigin: string;
  handlers: { [D in Direction]: Handlers<DirectionMaps[D]> };
  /** Runs before a content script's handler (services/picker-gate.ts); what it throws is the reply. */
  contentGate?: (type: string, sender: Sender) => Promise<void>;
}

export type Router = (message: unknown, sender: Sender) => Promise<Reply<unknown>>;

/** Who may send what, from the sender alone; undefined for anyone else. */
export function directionOf(sender: Sender, extensionId: string, extensionOrigin: string): Direction | undefined {
  if (sender.id !== extensionId) return undefined;
  if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)) return 'popup';
  if (sender.tab !== undefined) return 'content';
  return undefined;
}

export function createRouter({ extensionId, extensionOrigin, handlers, contentGate }: RouterOptions): Router {
  return async (raw, sender) => {
    const direction = directionOf(sender, extensionId, extensionOrigin);
    if (!direction) return fail('ERR_FORBIDDEN_SENDER', 'sender is not part of this extension');
    const parsed = parseMessage(direction, raw);
    if (!parsed.ok) return parsed;
    const { type, args } = parsed.message;
    if (direction === 'content' && !contentMaySend(type, sender)) return fail('ERR_FORBIDDEN_SENDER', `"${type}" is not available on this site`);
    // parseMessage checked `args` against this type's guard: the table may be erased to `never`.
    const table: Record<string, (args: never, ctx: HandlerContext) => unknown> = handlers[direction];
    const handler = Object.hasOwn(table, type) ? table[type] : undefined;
    if (!handler) return fail('ERR_UNKNOWN_MESSAGE', `no handler for "${type}"`);
    try {
      if (direction === 'content') await contentGate?.(type, sender);
      const value = await handler(args as never, { sender, direction });
      // A content script's side runs in the page's renderer: only here can "nothing extra rides along" hold (exact shapes, validate.ts).
      if (direction === 'content' && !(guards.content.reply as Record<string, (v: unknown) => boolean>)[type]!(value)) {
        console.error(`[lanyard] a "${type}" reply for a content script was not its exact shape: not sent`);
        return fail('ERR_BAD_REPLY', `"${type}" could not be answered`);
      }
      return ok(value);
    } catch (e) {
      // Handlers throw errors with stable codes (src/core/errors.ts, services/errors.ts, backpack/errors.ts): keep the code, and the wait a throttle names.
      const { code, retryAfterSeconds: wait, reason, said, detail } = (e ?? {}) as { code?: unknown; retryAfterSeconds?: unknown; reason?: unknown; said?: unknown; detail?: unknown };
      const reply = fail(typeof code === 'string' ? code : 'ERR_INTERNAL', e instanceof Error ? e.message : String(e));
      if (typeof wait === 'number' && Number.isSafeInteger(wait) && wait >= 0 && !reply.ok) reply.error.retryAfterSeconds = wait;
      // The engine's code for what it found, and a server's own words (a BackpackError's `detail`): the popup says each as such.
      if (typeof reason === 'string' && /^ERR_[A-Z_]{1,60}$/.test(reason) && !reply.ok) reply.error.reason = reason;
      const words = typeof said === 'string' ? said : e instanceof Error && e.name === 'BackpackError' && typeof detail === 'string' ? detail : undefined;
      if (words && !reply.ok) reply.error.said = words.slice(0, 400);
      return reply;
    }
  };
}
