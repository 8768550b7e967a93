/**
 * What a verification method says of itself besides its key (W3C Controlled Identifiers 1.0 §Verification Methods):
 * its `controller`, and `revoked` / `expires`, after which "systems depending on the value are
 * expected to not verify any proofs associated with the verification method". CID 1.0
 * (Retrieve Verification Method) asks for "a bi-directional reference": the controller document
 * lists the method, and the method names that document as its controller; else "an attacker
 * poisons a cache by claiming control of a verification method without the consent ... of the victim".
 */
import { shorten } from '../display.ts';
import { idOf, type Json } from '../formats/json-util.ts';
import { instantOf } from '../verify/validity.ts';

export interface MethodFacts {
  controller?: string;
  revoked?: unknown;
  expires?: unknown;
}

/** The facts a method object states; undefined when it states none. */
export function methodFacts(vm: Json): MethodFacts | undefined {
  const controller = idOf(vm.controller);
  // null is no value (JSON-LD 1.1 §4.1: a null member is ignored).
  const revoked = vm.revoked ?? undefined;
  const expires = vm.expires ?? undefined;
  if (controller === undefined && revoked === undefined && expires === undefined) return undefined;
  const f: MethodFacts = {};
  if (controller !== undefined) f.controller = controller;
  if (revoked !== undefined) f.revoked = revoked;
  if (expires !== undefined) f.expires = expires;
  return f;
}

/** Whether the facts depend on the time (a binding that holds now may not later, so it is not cached). */
export const timeBound = (f: MethodFacts | undefined): boolean => f?.revoked !== undefined || f?.expires !== undefined;

const withoutFragment = (u: string): string => u.replace(/#.*$/, '');

/**
 * Why the method, though the issuer lists it, does not vouch for a credential now: it names another
 * controller than the issuer's document (`owners`: that document's id and the issuer's id), or it was
 * revoked or expired (a value that is not a date counts as one: what it says cannot be read).
 * Undefined when nothing stands against it.
 */
export function objection(f: MethodFacts | undefined, owners: string[], now: Date): string | undefined {
  if (!f) return undefined;
  if (f.controller !== undefined && !owners.some((o) => withoutFragment(o) === withoutFragment(f.controller!))) {
    return `it names another controller (${shorten(f.controller, 100)}), so it is not confirmed as the issuer's (Controlled Identifiers 1.0 §Retrieve Verification Method)`;
  }
  for (const [name, v, done] of [['revoked', f.revoked, 'was revoked'], ['expires', f.expires, 'expired']] as const) {
    if (v === undefined) continue;
    // A year past 9999 (or before 0) is after (before) every date, as validity.ts reads a credential's own.
    const t = instantOf(v);
    if (Number.isNaN(t)) return `its ${name} (${shorten(v, 40)}) is not a date with a time zone, so whether it may still be used cannot be told`;
    if (t <= now.getTime()) return `it ${done} on ${Number.isFinite(t) ? new Date(t).toISOString() : shorten(v, 40)} (its ${name}): it no longer vouches for any credential (Controlled Identifiers 1.0 §Verification Methods)`;
  }
  return undefined;
}
