/** The engine over a given fetch, with the verification's network log as the worker wires it (verifier.ts): for hover tests. */
import type { Fetch } from '../../src/core/verify/context.ts';
import { loggingFetch } from '../../src/background/services/network-log.ts';
import type { Verifier } from '../../src/background/services/verifier.ts';
import { verify } from '../../src/core/verify/pipeline.ts';
import { matchRecipient } from '../../src/core/verify/recipient-match.ts';

export function loggedEngine(fetch: Fetch): Verifier {
  return {
    matchRecipient,
    verify: async (input, identities, options) => {
      const logged = options?.log ? loggingFetch(fetch, options.log, () => new Date()) : undefined;
      try {
        return await verify(input, { fetch: logged?.fetch ?? fetch, identities, now: new Date('2026-06-01T00:00:00Z') });
      } finally {
        logged?.settle();
      }
    },
  };
}
