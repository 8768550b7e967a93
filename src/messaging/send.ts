/**
 * Typed requests to the background: `send('ping', {})` from the popup, `sendFromContent(...)`
 * from content scripts. Never throws: transport failures and malformed replies come back as
 * `{ ok: false, error }` like any other error reply.
 */
import { sendPageMessage } from '../platform/page-api.ts';
import type { ContentToBackground, PopupToBackground, ProtocolMap, Reply } from './protocol.ts';
import { guards, isReply, type MessageGuards } from './validate.ts';

export type Transport = (message: unknown) => Promise<unknown>;

export type Send<M extends ProtocolMap> = <K extends keyof M & string>(
  type: K,
  args: M[K]['args'],
) => Promise<Reply<M[K]['reply']>>;

export function createSend<M extends ProtocolMap>(transport: Transport, checks: MessageGuards<M>): Send<M> {
  return async (type, args) => {
    let raw: unknown;
    try {
      raw = await transport({ type, args });
    } catch (e) {
      return { ok: false, error: { code: 'ERR_TRANSPORT', message: e instanceof Error ? e.message : String(e) } };
    }
    if (!isReply(raw, checks.reply[type])) {
      return { ok: false, error: { code: 'ERR_BAD_REPLY', message: `malformed reply to "${type}"` } };
    }
    return raw;
  };
}

/** From extension pages (the popup). */
export const send: Send<PopupToBackground> = createSend(sendPageMessage, guards.popup);

/** From content scripts. */
export const sendFromContent: Send<ContentToBackground> = createSend(sendPageMessage, guards.content);
