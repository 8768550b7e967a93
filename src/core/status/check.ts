/**
 * The `revocation` check of an OB 3.0 credential (OB 3.0 verification.md step 4; DESIGN.md check
 * table): every `credentialStatus` entry is checked. No entry → pass; any entry revoked or
 * suspended → fail; otherwise any entry that cannot be settled (list unreachable or untrusted,
 * an unknown status type) → indeterminate.
 *
 * Entry point: `checkCredentialStatus(credential, ctx)` → StatusOutcome; the lead sets it with
 * `checks.set('revocation', r.outcome, r.message, r.code)`.
 */
import { ErrorCodes } from '../errors.ts';
import { shorten } from '../display.ts';
import { arr, idOf, isObj, str, types } from '../formats/json-util.ts';
import type { VerifyContext } from '../verify/context.ts';
import { checkRevocationList } from './revocation-list.ts';
import { checkStatusListEntry, isStatusListEntry, type Serial } from './status-list.ts';
import type { StatusOutcome } from './types.ts';

export type { StatusOutcome } from './types.ts';

async function checkEntry(entry: unknown, credential: Record<string, unknown>, ctx: VerifyContext, serial: Serial): Promise<StatusOutcome> {
  if (!isObj(entry)) return { outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE, message: 'A credentialStatus entry is not an object' };
  const t = types(entry.type);
  if (t.includes('1EdTechRevocationList')) return checkRevocationList(entry, str(credential.id), ctx, idOf(credential.issuer));
  const kind = t.find(isStatusListEntry);
  if (kind) return checkStatusListEntry(entry, kind, idOf(credential.issuer), ctx, serial);
  return { outcome: 'indeterminate', code: ErrorCodes.UNSUPPORTED, message: `The status type ${shorten(JSON.stringify(entry.type ?? null), 60)} is not one Lanyard checks` };
}

/** The most status entries one credential has checked (each may mean a list fetched and expanded). */
const MAX_ENTRIES = 16;

export async function checkCredentialStatus(credential: Record<string, unknown>, ctx: VerifyContext): Promise<StatusOutcome> {
  const entries = arr(credential.credentialStatus);
  if (entries.length === 0) return { outcome: 'pass', message: 'Not revoked: the credential names no status' };
  // The entries are fetched and checked together, but their lists are expanded one at a time: 16
  // entries naming a 22 KB list that gunzips to 16 MB (its cap, bitstring.ts) held 16 expansions at
  // once, about 480 MB, from one small credential.
  let last: Promise<unknown> = Promise.resolve();
  const serial: Serial = (task) => {
    const run = last.then(task);
    last = run.catch(() => undefined);
    return run;
  };
  const results = await Promise.all(entries.slice(0, MAX_ENTRIES).map((e) => checkEntry(e, credential, ctx, serial)));
  const failed = results.find((r) => r.outcome === 'fail');
  if (failed) return failed;
  const unsettled = results.find((r) => r.outcome === 'indeterminate');
  if (unsettled) return unsettled;
  // The entries past the cap were not read, and any of them could say revoked: not settled (never a pass).
  if (entries.length > MAX_ENTRIES) return { outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE, message: `The credential names ${entries.length} status entries; Lanyard checks the first ${MAX_ENTRIES}, and none of those says revoked` };
  return { outcome: 'pass', message: results.map((r) => r.message).join('; ') };
}
