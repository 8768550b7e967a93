/**
 * Contexts of the proof suites Lanyard verifies besides Data Integrity's own (issue 11 point 4):
 * - `https://w3id.org/security/suites/ed25519-2018/v1` (Ed25519Signature2018), from its npm
 *   package `ed25519-signature-2018-context` (Digital Bazaar), never retyped;
 * - `https://w3id.org/security/jwk/v1` (the `JsonWebKey` verification method, W3C VC Data
 *   Integrity 1.0 §2.? "JsonWebKey"): no npm package publishes it, so it is the document the
 *   W3C publishes, copied from w3c/vc-data-integrity `contexts/jwk/v1` at commit
 *   65fd2664084ca129fd2f192fc1faab6052b8988e (W3C Software and Document licence), unchanged.
 */
import ed25519_2018 from 'ed25519-signature-2018-context';

export const JWK_V1 = 'https://w3id.org/security/jwk/v1';

const jwkV1 = {
  '@context': {
    id: '@id',
    type: '@type',
    '@protected': true,
    JsonWebKey: {
      '@id': 'https://w3id.org/security#JsonWebKey',
      '@context': {
        '@protected': true,
        id: '@id',
        type: '@type',
        controller: { '@id': 'https://w3id.org/security#controller', '@type': '@id' },
        publicKeyJwk: { '@id': 'https://w3id.org/security#publicKeyJwk', '@type': '@json' },
        secretKeyJwk: { '@id': 'https://w3id.org/security#secretKeyJwk', '@type': '@json' },
      },
    },
  },
};

export const suiteContexts: ReadonlyMap<string, unknown> = new Map<string, unknown>([...ed25519_2018.contexts, [JWK_V1, jwkV1]]);
