/** The published credentials of test/fixtures/suites/ and the contexts their examples need (tests only). */
import { readFileSync } from 'node:fs';
import { bundledContexts, loadBundledContexts } from '../../../src/core/jsonld/contexts.ts';
import { ContextSet } from '../../../src/core/jsonld/context-set.ts';

// The bundled context documents are loaded on first need (contexts.ts); these tests read them directly.
await loadBundledContexts();

const DIR = 'test/fixtures/suites/';

export const fixture = <T = Record<string, unknown>>(name: string): T => JSON.parse(readFileSync(DIR + name, 'utf8')) as T;

/** The bundled contexts plus the W3C examples context and the CCG citizenship context, which only the W3C vectors use. */
export const vectorContexts = new ContextSet(
  new Map([
    ...bundledContexts(),
    ['https://www.w3.org/ns/credentials/examples/v2', JSON.parse(readFileSync('test/fixtures/conformance/w3c/context_credentials-examples-v2.json', 'utf8'))],
    ['https://w3id.org/citizenship/v4rc1', fixture('context_citizenship-v4rc1.jsonld')],
  ]),
);

export const ECDSA_P256 = fixture('vc-di-ecdsa_ecdsa-rdfc-2019-p256_signedECDSAP256.json');
export const ECDSA_P384 = fixture('vc-di-ecdsa_ecdsa-rdfc-2019-p384_signedECDSAP384.json');
export const ECDSA_P256_EMPLOY = fixture('vc-di-ecdsa_ecdsa-rdfc-2019-p256_employ_signedECDSAP256.json');
export const ECDSA_P384_EMPLOY = fixture('vc-di-ecdsa_ecdsa-rdfc-2019-p384_employ_signedECDSAP384.json');
export const SD_EMPLOY = fixture('vc-di-ecdsa_ecdsa-sd-2023_employ_derivedRevealDocument.json');
export const SD_PRC = fixture('vc-di-ecdsa_ecdsa-sd-2023_prc_derivedRevealDocument.json');
export const SD_BASE = fixture('vc-di-ecdsa_ecdsa-sd-2023_employ_addSignedSDBase.json');
export const JFF_2018 = fixture('jff-plugfest2_diwala_ed25519-2018.json');
/** JFF x vc-edu Plugfest badges as the W3C CCG published them (w3c-ccg/vc-ed). */
export const PLUGFEST = {
  'Plugfest 1, example 1 (Ed25519Signature2018)': fixture('vc-ed_plugfest-1-2022_plugfest-1-ex-1.json'),
  'Plugfest 1, example 2 (Ed25519Signature2018)': fixture('vc-ed_plugfest-1-2022_plugfest-1-ex-2.json'),
  'Plugfest 2 (Ed25519Signature2020, unversioned OB 3.0 context)': fixture('vc-ed_plugfest-2-2022_signed_badge_example-p2.json'),
  'Plugfest 3 (Ed25519Signature2018, OB 3.0.2)': fixture('vc-ed_plugfest-3-2023_signed_badge_example-p3.json'),
};

/** A deep copy with `edit` applied. */
export function edited(vc: Record<string, unknown>, edit: (c: Record<string, any>) => void): Record<string, unknown> {
  const c = structuredClone(vc) as Record<string, any>;
  edit(c);
  return c;
}
