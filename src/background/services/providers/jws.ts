/** The id a compact JWS credential names (`jti`, or the credential's `id`), read without verifying: only to key it. */
export function jwsCredentialId(jws: string): string | undefined {
  const payload = jws.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='))) as Record<string, unknown>;
    const vc = json.vc && typeof json.vc === 'object' ? (json.vc as Record<string, unknown>) : undefined;
    for (const v of [json.jti, vc?.id, json.id]) if (typeof v === 'string' && v) return v;
  } catch {
    /* not JSON: no id */
  }
  return undefined;
}
