/**
 * 1EdTech Revocation List (VCRL-10; reference §3.7, after DCPV RevocationListProbe): GET the
 * entry's `id` as JSON; the credential is revoked when `revokedCredential` lists its id and that
 * entry does not say `revoked: false`. An unreachable list settles nothing (indeterminate).
 */
import { ErrorCodes } from '../errors.ts';
import { shorten } from '../display.ts';
import { idForm } from '../formats/id-form.ts';
import { flagOf, isObj, setOrList } from '../formats/json-util.ts';
import type { VerifyContext } from '../verify/context.ts';
import { plainHttpList } from '../verify/plain-http.ts';
import type { StatusOutcome } from './types.ts';

/** `issuerId`: the credential's issuer, whose own address says whether a plain http list is its word (plain-http.ts). */
export async function checkRevocationList(entry: Record<string, unknown>, credentialId: string | undefined, ctx: VerifyContext, issuerId?: string): Promise<StatusOutcome> {
  const url = entry.id;
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
    return { outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE, message: 'The 1EdTechRevocationList entry has no http(s) id to fetch' };
  }
  const insecure = plainHttpList(url, issuerId);
  if (insecure) return { outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE, message: insecure };
  let list: Record<string, unknown>;
  try {
    list = await ctx.fetchJson(url);
  } catch (e) {
    return { outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE, message: `The revocation list could not be read: ${(e as Error).message}` };
  }
  // JSON-LD 1.1 §4.3.1: a list of one may be written as the value alone, a list as {"@set": […]} or {"@list": […]}.
  const v = setOrList(list.revokedCredential);
  const revoked = Array.isArray(v) ? v : typeof v === 'string' || isObj(v) ? [v] : undefined;
  if (!revoked) return { outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE, message: `The document at ${url} is not a revocation list (no revokedCredential array)` };
  if (!credentialId) return { outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE, message: 'The credential has no id to look up in its revocation list' };
  // Every entry naming the credential is read: one saying revoked decides, whatever an earlier one said.
  let unclear: unknown;
  // The credential's id however the list spells it (id-form.ts: a UUID URN's case, a URL's host case or http form).
  const wanted = idForm(credentialId);
  for (const r of revoked) {
    const o = typeof r === 'string' ? { id: r } : isObj(r) ? r : {};
    // `@id` is the keyword `id` aliases (JSON-LD 1.1 §4.1.2): an entry may name the credential either way.
    const names = [o.id, o['@id']].filter((x): x is string => typeof x === 'string');
    if (!names.some((n) => idForm(n) === wanted)) continue;
    // Listed is revoked, unless the entry says revoked false ("false", 0 as issuers write it).
    const says = o.revoked === undefined ? true : flagOf(o.revoked);
    if (says === undefined) unclear ??= o.revoked;
    else if (says) {
      const reason = typeof o.revocationReason === 'string' ? `: ${shorten(o.revocationReason, 200)}` : '';
      return { outcome: 'fail', code: ErrorCodes.REVOKED, message: `Revoked: the issuer's revocation list at ${url} lists it${reason}` };
    }
  }
  if (unclear !== undefined) return { outcome: 'indeterminate', code: ErrorCodes.STATUS_UNAVAILABLE, message: `The issuer's revocation list at ${url} lists it with revoked: ${shorten(JSON.stringify(unclear), 40)}, which is neither true nor false` };
  return { outcome: 'pass', message: `Not revoked: the issuer's revocation list at ${url} does not list it` };
}
