import type { InputKind } from '../model.ts';

/** The credential text found inside an input: JSON, a compact JWS, or a URL to fetch. */
export type CredentialText =
  /**
   * `readFrom`: the http(s) URL it was fetched from, when the input was a link to it (a pasted URL, a
   * baked image holding one, a web page's alternate JSON; pipeline.ts resolveUrl): where a hosted
   * check of its id may be answered (ob2-hosted.ts), and the only address an OB 0.5 assertion has,
   * which names none of its own (VCORE upgrade_0_5_node: id := the URL the node was fetched from).
   */
  | { type: 'json'; text: string; json: Record<string, unknown>; readFrom?: string }
  | { type: 'jws'; text: string }
  | { type: 'url'; text: string };

/** An input read and unpacked: the container it came in, its bytes, and the credential inside. */
export interface Unpacked {
  kind: InputKind;
  bytes: Uint8Array;
  credential: CredentialText;
}
