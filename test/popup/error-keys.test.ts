/**
 * Every error code the background can send the popup has a message key in both locales: one
 * without (ERR_BUSY, when an import kept meeting another write) was shown as the generic "Something
 * went wrong:" and the background's English. The codes are enumerated from their registries
 * (src/background/services/errors.ts, src/backpack/errors.ts), from the engine errors src/core
 * throws (an import ends with them) and from the codes the router and messaging write themselves.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import en from '../../public/_locales/en/messages.json' with { type: 'json' };
import fr from '../../public/_locales/fr/messages.json' with { type: 'json' };
import { ServiceErrorCodes } from '../../src/background/services/errors.ts';
import { BackpackErrorCodes } from '../../src/backpack/errors.ts';
import { ErrorCodes } from '../../src/core/errors.ts';
import { errorText, messageKeyOf } from '../../src/popup/errors.ts';
import { createTranslator, type Messages } from '../../src/popup/i18n.ts';

const root = new URL('../../src/', import.meta.url).pathname;
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
  });
}
const all = (re: RegExp, texts: string[]): string[] => texts.flatMap((text) => [...text.matchAll(re)].map((m) => m[1]!));

/** Engine errors thrown (not check results): `new ParseError(ErrorCodes.PARSE_JSON, …)` and the like. */
const thrownByCore = all(/new (?:ParseError|FetchError|LanyardError|VerificationError|IndeterminateError)\(\s*ErrorCodes\.([A-Z_]+)/g, sources(join(root, 'core')))
  .map((k) => ErrorCodes[k as keyof typeof ErrorCodes]);
/** What the router, the services and messaging write as a code of their own: fail('ERR_…'), new ServiceError('…'), code: 'ERR_…'. */
const written = all(/(?:fail\(|new ServiceError\(|code: )'([A-Z_]+)'/g, [...sources(join(root, 'background')), ...sources(join(root, 'messaging'))]);

const codes = [...new Set([
  ...Object.values(ServiceErrorCodes),
  ...Object.values(BackpackErrorCodes),
  ErrorCodes.UNSUPPORTED, // UnsupportedCredentialError
  'ERR_INTERNAL', // an error without a code of its own (router.ts, sync-failure.ts failureOf)
  ...thrownByCore,
  ...written,
])].sort();

describe('the error codes the popup may be sent', () => {
  it('are found (the enumeration reads the sources it should)', () => {
    expect(codes).toEqual(expect.arrayContaining(['ERR_BUSY', 'ERR_INTERNAL', 'ERR_UNKNOWN_MESSAGE', 'ERR_TRANSPORT', 'ERR_PARSE_JSON', 'ERR_FETCH_FAILED', 'PROTOCOL', 'UNAUTHORIZED', 'ERR_INTERRUPTED']));
    expect(thrownByCore.length).toBeGreaterThan(5);
  });

  it.each(codes)('%s has a message key in en and fr, and is not said as the generic error', (code) => {
    const key = messageKeyOf(code);
    expect(key).toBeDefined();
    expect(en).toHaveProperty([key!, 'message']);
    expect(fr).toHaveProperty([key!, 'message']);
    for (const messages of [en, fr]) {
      const t = createTranslator(messages as Messages);
      expect(errorText(t, { code: code as never, message: 'the background said this in English' })).not.toBe(t('errorGeneric', 'the background said this in English'));
    }
  });

  it('a code that is a name on every object (toString) is no key', () => {
    expect(messageKeyOf('toString')).toBeUndefined();
    expect(messageKeyOf('constructor')).toBeUndefined();
  });
});
