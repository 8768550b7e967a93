/**
 * backpack.js: the backpack clients as a classic script of their own (vite.config.ts builds it as
 * an IIFE). Evaluating it leaves the kit on the global scope under BACKPACK_GLOBAL, once; the
 * background finds it there (./backpack-loader.ts). See ./services/backpack-kit.ts. The modules
 * both scripts need whole, the error classes, are the worker's (./backpack-shared.ts).
 */
import { requestPasswordReset } from '../backpack/badgr-password.ts';
import { BACKPACK_GLOBAL, type BackpackKit } from './services/backpack-kit.ts';
import { clientFor } from './services/oauth-client.ts';
import { badgrClient, badgrProvider, profileAddresses } from './services/providers/badgr.ts';
import { createProviders } from './services/providers/index.ts';
import { oauthApi, profileEmail } from './services/providers/oauth-provider.ts';

const kit: BackpackKit = { createProviders, badgrClient, badgrProvider, profileAddresses, oauthApi, profileEmail, requestPasswordReset, clientFor };
const scope = globalThis as unknown as Record<string, BackpackKit | undefined>;
scope[BACKPACK_GLOBAL] ??= Object.freeze(kit);
