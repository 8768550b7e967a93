/** A compact JWS's payload as a JSON object, read without verifying (only to key or sort what a backpack lists); undefined when it is none. */
export function jwsPayload(jws: string): Record<string, unknown> | undefined {
  const payload = jws.split('.')[1];
  if (!payload) return undefined;
  try {
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=')));
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined; // not base64url JSON
  }
}

/** The id a compact JWS credential names (`jti`, or the credential's `id`), read without verifying: only to key it. */
export function jwsCredentialId(jws: string): string | undefined {
  const json = jwsPayload(jws);
  if (!json) return undefined;
  const vc = json.vc && typeof json.vc === 'object' ? (json.vc as Record<string, unknown>) : undefined;
  for (const v of [json.jti, vc?.id, json.id]) if (typeof v === 'string' && v) return v;
  return undefined;
}
