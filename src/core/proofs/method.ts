/**
 * The key a Data Integrity proof's `verificationMethod` names (VC DI §4.? "retrieve verification
 * method"; reference §3.4 "Verification-method resolution"): a did:key (bare, or `#z6Mk…`), a
 * did:web method (its DID document fetched), or an https method. For `https://…#z6Mk…` the key is
 * the Ed25519 multikey the fragment spells (the DCPV convention, no fetch); otherwise the method's
 * document is fetched and read as plain JSON. Which key signed says nothing about whose it is:
 * that is the issuer-key check's question (keys/binding.ts).
 */
import { str } from '../formats/json-util.ts';
import { isDid, resolveDid, resolveDidLocally, type DidResolution } from '../keys/did.ts';
import { describeKey, type KeyDescription } from '../keys/jwk.ts';
import { findMethod, methodsOf, onlyKey } from '../keys/methods.ts';
import { multikeyToJwk } from '../keys/multikey.ts';
import type { VerifyContext } from '../verify/context.ts';
import { shorten } from '../display.ts';

export type MethodKey = { key: KeyDescription } | { missing: string };

/** A did:key or did:jwk method is read at once (no I/O); others through resolveDid. */
function fromDid(vm: string, ctx: VerifyContext): MethodKey | Promise<MethodKey> {
  const local = resolveDidLocally(vm);
  return local ? keyInDid(vm, local) : resolveDid(vm, ctx).then((r) => keyInDid(vm, r));
}

function keyInDid(vm: string, r: DidResolution): MethodKey {
  if ('error' in r) return { missing: r.error };
  const list = methodsOf(r.doc, r.did);
  const k = (vm === r.did ? onlyKey(list) : undefined) ?? list.keys.find((x) => x.id === vm);
  return k ? { key: describeKey(k.jwk, `the method ${vm}`, vm, k.facts) } : { missing: `The DID document of ${r.did} has no key ${vm}` };
}

async function fromHttp(vm: string, ctx: VerifyContext): Promise<MethodKey> {
  const hash = vm.indexOf('#');
  const fragment = hash >= 0 ? vm.slice(hash + 1) : '';
  const spelled = fragment.startsWith('z6Mk') ? multikeyToJwk(fragment) : null;
  if (spelled) return { key: describeKey(spelled, `the key ${vm}`, vm) };
  const url = hash >= 0 ? vm.slice(0, hash) : vm;
  let doc: Record<string, unknown>;
  try {
    doc = await ctx.fetchJson(url);
  } catch (e) {
    return { missing: `The verification method ${vm} could not be fetched: ${(e as Error).message}` };
  }
  const base = str(doc.id) ?? url;
  const m = findMethod(doc, base, vm);
  return m ? { key: describeKey(m.jwk, `the method ${vm}`, vm, m.facts) } : { missing: `The document at ${url} holds no key ${vm}` };
}

export function methodKeyOf(verificationMethod: unknown, ctx: VerifyContext): MethodKey | Promise<MethodKey> {
  const vm = typeof verificationMethod === 'string' ? verificationMethod : str((verificationMethod as { id?: unknown } | null)?.id);
  if (!vm || vm.length > 2048) return { missing: 'The proof names no verification method' };
  if (isDid(vm)) return fromDid(vm, ctx);
  if (/^https?:\/\//i.test(vm)) return fromHttp(vm, ctx);
  return { missing: `The verification method ${shorten(vm)} is neither a DID URL nor an https URL` };
}
