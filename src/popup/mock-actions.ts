/** Stand-in actions for tests and previews: canned replies, and a record of every call. */
import type { PingReply, Reply } from '../messaging/protocol.ts';
import type { PopupActions } from './actions.ts';

export interface MockActions extends PopupActions {
  calls: { name: keyof PopupActions; args: unknown[] }[];
}

export function createMockActions(overrides: Partial<{ ping: Reply<PingReply> }> = {}): MockActions {
  const calls: MockActions['calls'] = [];
  return {
    calls,
    async ping() {
      calls.push({ name: 'ping', args: [] });
      return overrides.ping ?? { ok: true, value: { pong: true, version: '0.0.0-mock' } };
    },
  };
}
