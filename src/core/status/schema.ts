/**
 * `credentialSchema` of type 1EdTechJsonSchemaValidator2019 (OB 3.0 verification.md step 1,
 * VCCS-10). The OB 3.0 JSON schemas are not published in any npm package, so instead of the
 * schema itself Lanyard checks the members those schemas require (ob_v3p0_achievementcredential
 * and ob_v3p0_endorsementcredential: required properties and their basic types); schemas at other
 * URLs are not fetched. Reported as the `schema` check: pass or warning, never the verdict.
 *
 * Entry point: `checkSchema(credential)` → NoteOutcome, or null when no 1EdTech schema is named.
 */
import { arr, isObj, str, types, type Json } from '../formats/json-util.ts';
import { shorten } from '../display.ts';
import type { NoteOutcome } from './types.ts';

const SCHEMA_BASE = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/';
const ACHIEVEMENT = `${SCHEMA_BASE}ob_v3p0_achievementcredential_schema.json`;
const ENDORSEMENT = `${SCHEMA_BASE}ob_v3p0_endorsementcredential_schema.json`;

function common(c: Json, missing: string[]): Json | undefined {
  if (!Array.isArray(c['@context']) || c['@context'].length < 2) missing.push('@context (an array of at least two)');
  if (typeof c.id !== 'string') missing.push('id');
  if (!types(c.type).includes('VerifiableCredential')) missing.push('type VerifiableCredential');
  const issuer = c.issuer;
  if (!(typeof issuer === 'string' || (isObj(issuer) && typeof issuer.id === 'string' && types(issuer.type).includes('Profile')))) missing.push('issuer (a Profile with an id)');
  if (typeof (c.validFrom ?? c.issuanceDate) !== 'string') missing.push('validFrom');
  const s = c.credentialSubject;
  if (!isObj(s)) missing.push('credentialSubject (one object)');
  return isObj(s) ? s : undefined;
}

function achievementCredential(c: Json, missing: string[]): void {
  if (!types(c.type).some((t) => t === 'AchievementCredential' || t === 'OpenBadgeCredential')) missing.push('type AchievementCredential or OpenBadgeCredential');
  const s = common(c, missing);
  if (!s) return;
  if (!types(s.type).includes('AchievementSubject')) missing.push('credentialSubject.type AchievementSubject');
  if (s.id === undefined && arr(s.identifier).length === 0) missing.push('credentialSubject.id or identifier');
  const a = s.achievement;
  if (!isObj(a)) return void missing.push('credentialSubject.achievement');
  for (const k of ['id', 'name', 'description'] as const) if (typeof a[k] !== 'string') missing.push(`achievement.${k}`);
  if (!types(a.type).includes('Achievement')) missing.push('achievement.type Achievement');
  if (!isObj(a.criteria)) missing.push('achievement.criteria');
}

function endorsementCredential(c: Json, missing: string[]): void {
  if (!types(c.type).includes('EndorsementCredential')) missing.push('type EndorsementCredential');
  const s = common(c, missing);
  if (s && (typeof s.id !== 'string' || !types(s.type).includes('EndorsementSubject'))) missing.push('credentialSubject (an EndorsementSubject with an id)');
}

export function checkSchema(credential: Json): NoteOutcome | null {
  const named = arr(credential.credentialSchema).filter(isObj).filter((s) => types(s.type).includes('1EdTechJsonSchemaValidator2019'));
  if (named.length === 0) return null;
  const notes: string[] = [];
  let checked = 0;
  for (const s of named) {
    const id = str(s.id) ?? '';
    const missing: string[] = [];
    if (id === ACHIEVEMENT) achievementCredential(credential, missing);
    else if (id === ENDORSEMENT) endorsementCredential(credential, missing);
    else {
      notes.push(`the schema ${shorten(id, 120) || '(no id)'} is not bundled and was not fetched`);
      continue;
    }
    checked++;
    if (missing.length) notes.push(`against ${id.slice(SCHEMA_BASE.length)}, missing or malformed: ${missing.join(', ')}`);
  }
  if (notes.length === 0) return { outcome: 'pass', message: `The credential has what its OB 3.0 schema${checked === 1 ? '' : 's'} require (a structural check of the required members)` };
  return { outcome: 'warning', message: notes.join('; ') };
}
