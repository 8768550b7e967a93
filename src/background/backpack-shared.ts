/**
 * The modules backpack.js takes from the worker instead of carrying its own copy: the error classes,
 * and the pure code both would otherwise carry twice (the HTTP-date reader).
 * A BackpackError thrown by a client in backpack.js is checked with `instanceof` in background.js
 * (errors.ts explain, tokens.ts, retry.ts, sync-failure.ts…), and a ServiceError the same way
 * (library.ts): with a second copy of each class those checks would all be false, and a refused
 * token would read as an unknown failure. vite.config.ts builds backpack.js with these modules
 * external, read from the global below; ./backpack-loader.ts fills it before backpack.js runs.
 * Data only (vite.config.ts reads it).
 */
export const SHARED_GLOBAL = '__lanyardShared';

/** Name on the shared global → the module, from the repository's root. */
export const SHARED_WITH_BACKPACK = {
  backpackErrors: 'src/backpack/errors.ts',
  serviceErrors: 'src/background/services/errors.ts',
  /** The engine's (core/input/json.ts, which the providers read credentials with, throws its ParseError). */
  coreErrors: 'src/core/errors.ts',
  /** Not a class, but code both scripts would carry: the worker reads dates with it (document-cache.ts), backpack.js too (paged.ts, retry-after.ts). */
  httpDate: 'src/core/http-date.ts',
} as const;
