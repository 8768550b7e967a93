/** `send` over a stubbed extension namespace (platform/page-api.ts), and createSend's handling of bad transports and replies. */
import { describe, expect, it, vi } from 'vitest';
import { createSend, send } from '../../src/messaging/send.ts';
import { guards } from '../../src/messaging/validate.ts';

const mock = vi.hoisted(() => ({ sendMessage: vi.fn() }));
vi.stubGlobal('browser', { runtime: { id: 'lanyard-test', sendMessage: mock.sendMessage } });

describe('send', () => {
  it('sends a { type, args } envelope over runtime.sendMessage and returns the checked reply', async () => {
    mock.sendMessage.mockResolvedValueOnce({ ok: true, value: { pong: true, version: '0.1.0' } });
    await expect(send('ping', {})).resolves.toEqual({ ok: true, value: { pong: true, version: '0.1.0' } });
    expect(mock.sendMessage).toHaveBeenCalledWith({ type: 'ping', args: {} });
  });

  it('returns ERR_TRANSPORT when nobody answers, instead of throwing', async () => {
    mock.sendMessage.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(send('ping', {})).resolves.toMatchObject({ ok: false, error: { code: 'ERR_TRANSPORT' } });
  });
});

describe('createSend', () => {
  it.each([[undefined], [{ ok: true, value: { pong: 'yes' } }], [{ ok: false, error: 'x' }]])(
    'returns ERR_BAD_REPLY for %j',
    async (reply) => {
      const s = createSend(async () => reply, guards.popup);
      await expect(s('ping', {})).resolves.toMatchObject({ ok: false, error: { code: 'ERR_BAD_REPLY' } });
    },
  );

  it('passes error replies through unchanged', async () => {
    const error = { code: 'ERR_FORBIDDEN_SENDER', message: 'no' };
    const s = createSend(async () => ({ ok: false, error }), guards.content);
    await expect(s('ping', {})).resolves.toEqual({ ok: false, error });
  });
});
