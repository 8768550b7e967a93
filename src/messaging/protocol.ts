/**
 * The one protocol between the extension's parts: a map per direction from message type to
 * its arguments and its reply value. `send` is typed from these maps, the background routes by
 * them, and validate.ts checks each message's shape at run time. To add a message: an entry here,
 * its validators in validate.ts, and a one-line handler in src/background/handlers.ts.
 */

/** Arguments of a message that takes none. */
export type NoArgs = Record<string, never>;

export interface PingReply {
  pong: true;
  /** The extension's version, from its manifest. */
  version: string;
}

/** Messages that extension pages (the popup) send to the background. */
export type PopupToBackground = {
  ping: { args: NoArgs; reply: PingReply };
};

/** Messages that content scripts send to the background. Content scripts never receive tokens. */
export type ContentToBackground = {
  ping: { args: NoArgs; reply: PingReply };
};

/** The shape every direction's map has (the maps are `type`s, not interfaces, so that they fit it). */
export type ProtocolMap = Record<string, { args: object; reply: unknown }>;

/** Who sent a message, as the background establishes it from the sender (never from the message). */
export type Direction = 'popup' | 'content';

export interface DirectionMaps {
  popup: PopupToBackground;
  content: ContentToBackground;
}

/** What goes over runtime.sendMessage. */
export interface Envelope<M extends ProtocolMap = ProtocolMap, K extends keyof M & string = keyof M & string> {
  type: K;
  args: M[K]['args'];
}

/** Stable error codes a reply may carry (besides those of src/core/errors.ts raised by handlers). */
export type MessagingErrorCode =
  | 'ERR_FORBIDDEN_SENDER'
  | 'ERR_BAD_MESSAGE'
  | 'ERR_UNKNOWN_MESSAGE'
  | 'ERR_BAD_ARGS'
  | 'ERR_BAD_REPLY'
  | 'ERR_TRANSPORT'
  | 'ERR_INTERNAL';

export interface ReplyError {
  code: string;
  message: string;
}

/** Replies are plain data: an Error does not survive messaging. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ReplyError };

export function ok<T>(value: T): Reply<T> {
  return { ok: true, value };
}

export function fail(code: string, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
