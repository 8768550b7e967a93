import type { InputKind } from '../model.ts';

/** The credential text found inside an input: JSON, a compact JWS, or a URL to fetch. */
export type CredentialText =
  /** `readFrom`: the URL it was fetched from, when the input was a link to it (pipeline.ts resolveUrl). */
  | { type: 'json'; text: string; json: Record<string, unknown>; readFrom?: string }
  | { type: 'jws'; text: string }
  | { type: 'url'; text: string };

/** An input read and unpacked: the container it came in, its bytes, and the credential inside. */
export interface Unpacked {
  kind: InputKind;
  bytes: Uint8Array;
  credential: CredentialText;
}
