/**
 * Every error code the background can send the popup reads as what happened and what to do,
 * never as the developer's message it came with ('bad arguments for "badges/get"').
 */
import { describe, expect, it } from 'vitest';
import { errorText } from '../../src/popup/errors.ts';
import { t } from './render.tsx';

describe('errorText', () => {
  it.each([
    ['ERR_BAD_ARGS', 'bad arguments for "badges/get"'],
    ['ERR_BAD_MESSAGE', 'not a { type, args } message'],
    ['ERR_FORBIDDEN_SENDER', 'sender is not part of this extension'],
  ])('%s (a message Lanyard got wrong) says so and to try again, without the raw text', (code, message) => {
    const text = errorText(t, { code: code as never, message });
    expect(text).not.toContain(message);
    expect(text).toBe('Something went wrong inside Lanyard. Try again.');
  });

  it('ENDPOINT_MISMATCH says the provider sends sign-in elsewhere and that Lanyard refused it', () => {
    const text = errorText(t, { code: 'ENDPOINT_MISMATCH' as never, message: 'token endpoint https://evil.example/token is not on https://wallet.example' });
    expect(text).not.toContain('evil.example');
    expect(text).toMatch(/another site/);
    expect(text).toMatch(/refused/);
  });
});
