import { isLoneSurrogateText } from './unicode.ts';

/**
 * The JSON Canonicalization Scheme (RFC 8785), for the eddsa-jcs-2022 and ecdsa-jcs-2019 cryptosuites
 * (VC DI EdDSA and ECDSA §3.4: Transformation, Proof Configuration). ECMAScript's JSON.stringify already writes
 * primitives as §3.2.2 asks (strings escaped as RFC 8785 §3.2.2.2, numbers as §3.2.2.3 by
 * Number.prototype.toString, -0 as 0); what JCS adds is object members sorted by their names'
 * UTF-16 code units (§3.2.3), which is JavaScript's default string order. A lone surrogate, which
 * JSON.stringify would escape, is an error (§3.2.2.2).
 */
export function jcs(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('JCS cannot serialize a non-finite number');
    if (typeof value === 'string' && isLoneSurrogateText(value)) throw new RangeError('JCS cannot serialize a lone surrogate (RFC 8785 §3.2.2.2)');
    const s = JSON.stringify(value);
    if (s === undefined) throw new TypeError(`JCS cannot serialize a ${typeof value}`);
    return s;
  }
  if (Array.isArray(value)) return `[${value.map((v) => jcs(v === undefined ? null : v)).join(',')}]`;
  const o = value as Record<string, unknown>;
  const members: string[] = [];
  for (const k of Object.keys(o).sort()) if (o[k] !== undefined) members.push(`${jcs(k)}:${jcs(o[k])}`);
  return `{${members.join(',')}}`;
}
