/** Tests run the backpack clients from their sources, as backpack.js carries them (src/background/services/backpack-kit.ts). */
import { requestPasswordReset } from '../../src/backpack/badgr-password.ts';
import type { BackpackKit, LoadBackpack } from '../../src/background/services/backpack-kit.ts';
import { clientFor } from '../../src/background/services/oauth-client.ts';
import { badgrClient, badgrProvider, profileAddresses } from '../../src/background/services/providers/badgr.ts';
import { createProviders } from '../../src/background/services/providers/index.ts';
import { oauthApi, profileEmail } from '../../src/background/services/providers/oauth-provider.ts';

export const backpackKit: BackpackKit = { createProviders, badgrClient, badgrProvider, profileAddresses, oauthApi, profileEmail, requestPasswordReset, clientFor };
export const loadBackpack: LoadBackpack = async () => backpackKit;
