// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { ask } from '../../src/content/messages.ts';
import { installRuntime, raw, type FakeRuntime } from './support/runtime.ts';

let rt: FakeRuntime | undefined;
afterEach(() => rt?.restore());

const badge = { key: 'k1', name: 'A', verdict: 'valid' };

describe('content sender', () => {
  it('sends { type, args } and passes a well-formed reply', async () => {
    rt = installRuntime({ 'picker/list': () => [badge] });
    await expect(ask('picker/list', { query: 'a' })).resolves.toEqual({ ok: true, value: [badge] });
    expect(rt.sent).toEqual([{ type: 'picker/list', args: { query: 'a' } }]);
  });

  it.each([
    ['picker/list', [{ ...badge, verdict: 'great' }]],
    ['picker/list', [{ ...badge, image: 42 }]],
    ['picker/list', { badges: [] }],
    ['picker/card', { html: '<b>x</b>' }],
    ['picker/card', { html: 1, text: 't' }],
    ['picker/linkedin-url', { href: 'https://www.linkedin.com/profile/add' }],
    ['hover/verify', { verdict: 'valid', name: 'A', message: 1 }],
    ['hover/verify', { verdict: 'unverified', name: 'A', message: '' }],
  ] as const)('refuses a malformed %s reply', async (type, value) => {
    rt = installRuntime({ [type]: () => value });
    const r = await ask(type, type === 'picker/list' ? { query: '' } : type === 'hover/verify' ? { url: 'https://a.example/' } : { key: 'k' });
    expect(r).toMatchObject({ ok: false, error: { code: 'ERR_BAD_REPLY' } });
  });

  it('passes error replies through, and turns transport failures and garbage into errors', async () => {
    rt = installRuntime({
      'picker/list': () => raw({ ok: false, error: { code: 'ERR_LOCKED', message: 'Locked' } }),
      'picker/card': () => raw('garbage'),
      'picker/linkedin-url': () => {
        throw new Error('Extension context invalidated.');
      },
    });
    await expect(ask('picker/list', { query: '' })).resolves.toEqual({ ok: false, error: { code: 'ERR_LOCKED', message: 'Locked' } });
    await expect(ask('picker/card', { key: 'k' })).resolves.toMatchObject({ ok: false, error: { code: 'ERR_BAD_REPLY' } });
    await expect(ask('picker/linkedin-url', { key: 'k' })).resolves.toMatchObject({ ok: false, error: { code: 'ERR_TRANSPORT', message: 'Extension context invalidated.' } });
  });

  it('fails cleanly outside an extension', async () => {
    await expect(ask('ping', {})).resolves.toMatchObject({ ok: false, error: { code: 'ERR_TRANSPORT' } });
  });
});
