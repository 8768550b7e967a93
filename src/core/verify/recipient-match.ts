/**
 * The recipient check run alone: which of `addresses` a badge's recipients name, or null (OB 2.0
 * §IdentityHash, OB 3.0 verification.md step 5, as ./recipient.ts compares them). The background asks
 * it of addresses a verification did not count (unverified, another backpack's, typed ones:
 * background/services/badge-record.ts assess) through the engine (./engine.ts), so the comparison and
 * its hashes (md5, the written-out SHA-256) live in engine.js only, not in background.js too.
 */
import type { BadgeFormat, RecipientIdentity } from '../model.ts';
import { CheckList } from './checks.ts';
import { toUserIdentity } from './context.ts';
import { checkRecipient } from './recipient.ts';

export type MatchRecipient = (recipients: readonly RecipientIdentity[], addresses: readonly string[], format: BadgeFormat | undefined) => Promise<string | null>;

export const matchRecipient: MatchRecipient = (recipients, addresses, format) => checkRecipient(new CheckList(), recipients, addresses.map(toUserIdentity), format);
