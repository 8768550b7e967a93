/**
 * Which host a verification could not read for want of a host permission, for the pages' own
 * words (the hover card, a picker row's warning: "allow Lanyard to access <host>"). The verifier's
 * fetch refuses such a host with HostPermissionError (host-access.ts), which marks the refusal
 * with its origin; the verification's network log collects those origins (network-log.ts
 * `refused`). Only that counts: a check's message quotes URLs the issuer wrote, and an issuer can
 * write the refusal's exact sentence into one of them to make a row or a card name any host.
 */

/** The host of the first origin the host fetch refused, or undefined. */
export function accessHost(refused: readonly string[] | undefined): string | undefined {
  const first = refused?.[0];
  return first !== undefined && URL.canParse(first) ? new URL(first).host : undefined;
}
