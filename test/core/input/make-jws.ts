/** Unsigned-in-practice compact JWS for detection tests: real base64url parts, a dummy signature. */
const b64u = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

export { b64u };

export const makeJws = (header: unknown, payload: unknown): string => `${b64u(header)}.${b64u(payload)}.c2lnbmF0dXJl`;
