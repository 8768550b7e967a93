import type { InputKind } from '../model.ts';

/**
 * The credential text found inside an input: JSON, a compact JWS, or a URL to fetch. `servedAt` is
 * the http(s) URL whose answer the JSON was (a URL input, or a baked image holding one): the only
 * address an OB 0.5 assertion has, which names none of its own (VCORE upgrade_0_5_node: id := the
 * URL the node was fetched from).
 */
export type CredentialText =
  | { type: 'json'; text: string; json: Record<string, unknown>; servedAt?: string }
  | { type: 'jws'; text: string }
  | { type: 'url'; text: string };

/** An input read and unpacked: the container it came in, its bytes, and the credential inside. */
export interface Unpacked {
  kind: InputKind;
  bytes: Uint8Array;
  credential: CredentialText;
}
