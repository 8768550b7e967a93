/**
 * Which award a credential is, read from its text without verifying (as jws.ts reads its id): only to
 * key it. Real issuers reuse one credential id for several awards (MIT Learn's course, module and
 * program certificates, from DCC's template, carry one urn:uuid id: real-issuers-12), and one
 * backpack may list them all; the achievement tells them apart (OB 3.0 §B.1.1 AchievementSubject
 * `achievement`, its `id`; OB 2.0 §Assertion `badge`, the BadgeClass or its id), as the engine reads
 * it (core Badge.achievementId: ob3-to-badge.ts, ob2-common.ts). A sync keys the second award of an
 * id by it (sync-award-key.ts).
 */
// From json-util.ts, not ob3-badge.ts: that module brings the engine's checks into the background.
import { idOf, isObj, subjectOf, type Json } from '../../../core/formats/json-util.ts';
import { hex } from '../../../core/proofs/sha256-digest.ts';
import { jwsPayload } from './jws.ts';
import { idForm } from '../../../core/formats/id-form.ts';

/** The credential a text holds: a JSON object, or a compact JWS's payload (its `vc` claim when it has one, VC-JWT 1.1; else itself). */
function credentialOf(text: string): Json | undefined {
  try {
    const t = text.trimStart();
    if (t.startsWith('{')) {
      const j: unknown = JSON.parse(t);
      return isObj(j) ? j : undefined;
    }
    const j = jwsPayload(t);
    if (!j) return undefined;
    return isObj(j.vc) ? j.vc : j;
  } catch {
    return undefined;
  }
}

/** The achievement's id (OB 3.0) or the BadgeClass's (OB 2.0), when the text names one. */
export function achievementIdOf(text: string): string | undefined {
  const c = credentialOf(text);
  if (!c) return undefined;
  const s = subjectOf(c);
  return (s && idOf(s.achievement)) ?? idOf(c.badge);
}

/**
 * The award's mark in a key: the SHA-256 (hex) of the achievement id, or of '' when the text names
 * none (then all such entries of an id are one award, as before). Always the same for the same text;
 * the id in its normal form (core/formats/id-form.ts: a URL's scheme and host case, its http form on
 * the default port, a UUID URN's case), so that a copy updated at the backpack with its achievement
 * id spelled another way is the same award, updated in place, not a second one beside it.
 */
export async function awardOf(text: string): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(idForm(achievementIdOf(text) ?? ''))));
  return hex(d);
}
