/**
 * Every error code the background can send the popup reads as what happened and what to do,
 * never as the developer's message it came with ('bad arguments for "badges/get"').
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { waitText } from '../../src/background/services/errors.ts';
import { changeErrorText, errorText, signInErrorText } from '../../src/popup/errors.ts';
import { createTranslator, type Messages } from '../../src/popup/i18n.ts';
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

describe("a backpack's words in an error (SECURITY.md: a hostile backpack writes them)", () => {
  // A REJECTED or THROTTLED message carries the server's own words (an error_description, a status text).
  it.each([
    ['REJECTED', 'The token endpoint refused the request: paid to \u202Egnp.exe'],
    ['THROTTLED', 'Too many attempts: \u202Ewait'],
    ['SOME_NEW_CODE', 'Badge Connect: \u2067hidden\u2069'],
  ])('%s: bidi controls show as markers instead of reordering the text', (code, message) => {
    const text = errorText(t, { code: code as never, message });
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(text).toMatch(/⟨(RLO|RLI|PDI)⟩/);
  });

  it('a huge message is cut', () => {
    const text = errorText(t, { code: 'REJECTED' as never, message: `no: ${'x'.repeat(100_000)}` });
    expect(text.length).toBeLessThan(1000);
  });
});

describe('a wait in words', () => {
  const throttled = (retryAfterSeconds: number) => ({ code: 'THROTTLED' as never, message: 'slow down', retryAfterSeconds });

  it('one second left is one second, in English and in French ("1 secondes" was possible)', async () => {
    expect(errorText(t, throttled(1))).toBe('Too many sign-in attempts. Try again in a second.');
    expect(errorText(t, throttled(0.4))).toBe('Too many sign-in attempts. Try again in a second.');
    expect(errorText(t, throttled(5))).toBe('Too many sign-in attempts. Try again in 5 seconds.');
    const fr = createTranslator(JSON.parse(readFileSync(new URL('../../public/_locales/fr/messages.json', import.meta.url), 'utf8')) as Messages);
    expect(errorText(fr, throttled(1))).toBe('Trop de tentatives de connexion. Réessayez dans une seconde.');
  });

  it('an address change Badgr holds back (a re-send within five minutes, the add\'s backoff) is no sign-in: the backpack asks to wait', () => {
    expect(changeErrorText(t, throttled(2))).toBe('The backpack asks Lanyard to wait: try again in 2 seconds.');
    expect(changeErrorText(t, throttled(1))).toBe('The backpack asks Lanyard to wait: try again in a second.');
    expect(changeErrorText(t, throttled(299))).toBe('The backpack asks Lanyard to wait: try again in 5 minutes.');
    expect(changeErrorText(t, { code: 'THROTTLED' as never, message: 'Too many login attempts. Please wait and try again.' })).toBe('The backpack asks Lanyard to wait: try again a little later.');
    expect(changeErrorText(t, { code: 'REJECTED' as never, message: 'Could not register email address.' })).toBe(errorText(t, { code: 'REJECTED' as never, message: 'Could not register email address.' }));
    const fr = createTranslator(JSON.parse(readFileSync(new URL('../../public/_locales/fr/messages.json', import.meta.url), 'utf8')) as Messages);
    expect(changeErrorText(fr, throttled(1))).toBe('Le sac à badges demande à Lanyard d’attendre\u00a0: réessayez dans une seconde.');
  });

  it('the background\'s own sentence says "1 second", not "1 seconds"', () => {
    expect(waitText(1)).toBe('1 second');
    expect(waitText(0.2)).toBe('1 second');
    expect(waitText(12)).toBe('12 seconds');
  });
});

describe('signInErrorText', () => {
  it("a scope written with commas (PROTOCOL, said 'scope') is not said as an address that is not a backpack", () => {
    const e = { code: 'PROTOCOL' as never, message: 'The token answer lists the scopes it granted separated by commas', said: 'scope' };
    expect(signInErrorText(t, e, 'provider')).not.toBe(t('errorNotAProvider'));
    expect(signInErrorText(t, e, 'provider')).toBe(t('errorProtocol'));
    // Any other protocol answer at sign-in still says to check the address.
    expect(signInErrorText(t, { code: 'PROTOCOL' as never, message: 'not JSON' }, 'provider')).toBe(t('errorNotAProvider'));
  });
});
