/**
 * Run-time checks of every message's shape, per direction: the background trusts nothing that
 * arrives over runtime messaging until it passes these. Each message has a check for its
 * arguments (used by the background) and for its reply value (used by `send`).
 */
import type { DirectionMaps, Direction, Envelope, ProtocolMap, Reply } from './protocol.ts';

export type Guard<T> = (value: unknown) => value is T;

export interface MessageGuards<M extends ProtocolMap> {
  args: { [K in keyof M]: Guard<M[K]['args']> };
  reply: { [K in keyof M]: Guard<M[K]['reply']> };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain object with exactly these keys (no extras), each passing its check. */
export function shape<T>(fields: { [K in keyof T]: Guard<T[K]> }): Guard<T> {
  const keys = Object.keys(fields) as (keyof T & string)[];
  return (value: unknown): value is T =>
    isRecord(value) &&
    Object.keys(value).every((k) => Object.hasOwn(fields, k)) &&
    keys.every((k) => fields[k](value[k]));
}

export const isString: Guard<string> = (v): v is string => typeof v === 'string';
export const isTrue: Guard<true> = (v): v is true => v === true;
const noArgs = shape<Record<string, never>>({});
const pingReply = shape({ pong: isTrue, version: isString });

export const guards: { [D in Direction]: MessageGuards<DirectionMaps[D]> } = {
  popup: {
    args: { ping: noArgs },
    reply: { ping: pingReply },
  },
  content: {
    args: { ping: noArgs },
    reply: { ping: pingReply },
  },
};

export type Parsed<M extends ProtocolMap> = { ok: true; message: Envelope<M> } | Extract<Reply<never>, { ok: false }>;

/** Checks an incoming message against one direction's map: envelope, known type, then arguments. */
export function parseMessage<D extends Direction>(direction: D, raw: unknown): Parsed<DirectionMaps[D]> {
  const bad = (code: string, message: string) => ({ ok: false as const, error: { code, message } });
  if (!shape({ type: isString, args: isRecord })(raw)) return bad('ERR_BAD_MESSAGE', 'not a { type, args } message');
  const table: Record<string, Guard<unknown>> = guards[direction].args;
  const check = Object.hasOwn(table, raw.type) ? table[raw.type] : undefined;
  if (!check) return bad('ERR_UNKNOWN_MESSAGE', `unknown ${direction} message "${raw.type.slice(0, 64)}"`);
  if (!check(raw.args)) return bad('ERR_BAD_ARGS', `bad arguments for "${raw.type}"`);
  return { ok: true, message: raw as Envelope<DirectionMaps[D]> };
}

/** Checks a reply envelope, and its value with the message's reply guard. */
export function isReply<T>(value: unknown, guard: Guard<T>): value is Reply<T> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return guard(value.value);
  return value.ok === false && shape({ code: isString, message: isString })(value.error);
}
