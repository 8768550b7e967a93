/**
 * SHA-256 (FIPS 180-4 §6.2) in plain JavaScript, synchronous, fast: the rounds written out
 * (./sha256-compress.ts) under the shared padding (./sha256-digest.ts). WebCrypto's digest is
 * asynchronous and, in Node, runs on a thread pool: ~0.1 ms a call whatever the size, more than the
 * hashing of a credential's canonical form itself. RDFC-1.0 hashes every blank node's quads too
 * (rdf-canonize's `createMessageDigest` hook), so a fast synchronous digest matters there most.
 */
import { compress } from './sha256-compress.ts';
import { digestWith, hex } from './sha256-digest.ts';

export { hex };

export const sha256 = digestWith(compress);

/** rdf-canonize's MessageDigest interface (update strings, digest to hex), over the synchronous SHA-256. */
export function createMessageDigest(): { update(msg: string): void; digest(): string } {
  let content = '';
  return {
    update(msg: string) {
      content += msg;
    },
    digest: () => hex(sha256(content)),
  };
}
