/**
 * An OB 3.0 credential (or a VC of the same family) as the Badge the popup, pickers and share builders
 * show: the achievement's texts, else the credential's (OB 3.0 §AchievementSubject, §Achievement), the
 * issuer profile, the window, the recipient's identities (§IdentityObject), evidence and alignments.
 * Moved as written from ob3-badge.ts, which checks the structure.
 */
import { RESULT_STATUSES, type Alignment, type AwardResult, type Badge, type BadgeFormat, type Evidence, type IssuerInfo, type RecipientIdentity } from '../model.ts';
import { isHashedIdentity, saltOf } from '../verify/recipient.ts';
import { arr, idOf, isObj, oneValue, str, valuesOf, type Json } from './json-util.ts';
import { firstText, richText } from './lang-text.ts';
import type { ShownTexts } from '../share/lang-text.ts';
import { issuerIdOf, subjectOf, windowOf } from './ob3-badge.ts';
import { addressOf, otherIdentifiersOf } from './ob3-profile.ts';

/** An image or link as shown: a string, or an object's id. */
export const textOrId = (v: unknown): string | undefined => str(v) ?? idOf(v);

/** A plain e-mail address (one @, a dot in the domain, no space): what an identityHash is when it is one. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * An IdentityObject's identityType (OB 3.0 §IdentityObject requires one). The DCC issuer-coordinator's
 * credentials leave it out of an unhashed e-mail address (`identityHash: "jc.chartrand@gmail.com"`,
 * `hashed: "false"`): that identity can be nothing but an e-mail address, so it is read as one; any
 * other identity without a type is not compared.
 */
function identityTypeOf(o: Json, identity: string, hashed: boolean): string | undefined {
  const type = str(oneValue(o.identityType));
  if (type) return type === 'emailAddress' ? 'email' : type;
  return !hashed && EMAIL.test(identity) ? 'email' : undefined;
}

/**
 * OB 3.0 IdentityObject (identityType, identityHash, hashed, salt); `emailAddress` reads as `email`.
 * `unsigned`: what a proof that verifies does not sign of these (proofs/signed-display.ts
 * unsignedIdentifiers), left out.
 */
export function recipientsOf(s: Json | undefined, unsigned: { id: boolean; entries: readonly number[] } = { id: false, entries: [] }): RecipientIdentity[] {
  if (!s) return [];
  const out: RecipientIdentity[] = [];
  const id = unsigned.id ? undefined : str(s.id);
  if (id?.toLowerCase().startsWith('mailto:')) out.push({ type: 'email', identity: id.slice(7), hashed: false });
  else if (id) out.push({ type: 'id', identity: id, hashed: false });
  for (const [i, o] of arr(s.identifier).filter(isObj).entries()) {
    if (unsigned.entries.includes(i)) continue;
    // Each identityHash the entry states (one, however it is written), with the entry's one type, flag and salt.
    for (const identity of valuesOf(o.identityHash)) {
      if (typeof identity !== 'string' || !identity) continue;
      const hashed = isHashedIdentity(oneValue(o.hashed), identity);
      const type = identityTypeOf(o, identity, hashed);
      if (!type) continue;
      const salt = saltOf(oneValue(o.salt));
      out.push({ type, identity, hashed, ...(salt !== undefined ? { salt } : {}) });
    }
  }
  return out;
}

/**
 * The shown texts an issuer gave in several languages (VC DM 2.0 §11.1), each as the credential lists
 * them, so that the popup shows the one in the user's language; `name` from the member it is read from.
 */
function textsOf(name: unknown, description: unknown, issuerName: unknown, narrative: unknown): ShownTexts | undefined {
  const texts: ShownTexts = {};
  for (const [k, v] of [['name', name], ['description', description], ['issuerName', issuerName], ['narrative', narrative]] as const) {
    const rich = richText(v);
    if (rich) texts[k] = rich;
  }
  return Object.keys(texts).length ? texts : undefined;
}

/** At most this many results are read: a transcript-sized list is not a badge's. */
export const MAX_RESULTS = 20;

/**
 * The subject's results (OB 3.0 §Result), each named by the ResultDescription its `resultDescription`
 * names among the achievement's (§ResultDescription `name`): its `value` as written; the rubric level
 * its `achievedLevel` names among that description's `rubricCriterionLevel` (§RubricCriterionLevel
 * `name`), else among another description's (1EdTech's complete example points its level's result at
 * the letter-grade description: a level's id names it alone); an id naming no level of the achievement
 * is not shown (it is an id, not words: TeachPlay writes "Proficient" there); its `status`, one of the
 * §ResultStatusType words (any other is not one OB 3.0 knows and is not shown). A result giving none
 * of the three is not read.
 */
type Level = { name: string; points?: string };
/** §RubricCriterionLevel `points`, §ResultDescription `valueMin`/`valueMax`: Strings; one that is not (a JSON number) is not shown, its signed form being the number's. */
const bound = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

function resultsOf(s: Json | undefined, a: Json): AwardResult[] {
  const descriptions = new Map<string, { name?: string; levels: Map<string, Level>; valueMin?: string; valueMax?: string }>();
  const anyLevel = new Map<string, Level>();
  for (const d of arr(a.resultDescription).filter(isObj)) {
    const id = str(d.id);
    const levels = new Map<string, Level>();
    for (const l of arr(d.rubricCriterionLevel).filter(isObj)) {
      const lid = str(l.id);
      const name = firstText(l.name);
      if (!lid || !name) continue;
      const points = bound(l.points);
      const level: Level = { name, ...(points ? { points } : {}) };
      if (!levels.has(lid)) levels.set(lid, level);
      if (!anyLevel.has(lid)) anyLevel.set(lid, level);
    }
    if (id && !descriptions.has(id)) descriptions.set(id, { name: firstText(d.name), levels, valueMin: bound(d.valueMin), valueMax: bound(d.valueMax) });
  }
  const out: AwardResult[] = [];
  for (const r of arr(s?.result).filter(isObj)) {
    const described = descriptions.get(str(r.resultDescription) ?? '');
    const value = firstText(r.value);
    const levelId = str(r.achievedLevel) ?? '';
    const level = described?.levels.get(levelId) ?? anyLevel.get(levelId);
    const status = RESULT_STATUSES.find((x) => x === r.status);
    if (!value && !level && !status) continue;
    // A value's bounds are its description's (§ResultDescription valueMin, valueMax); a level's points its own.
    const { valueMin, valueMax } = value ? described ?? {} : {};
    out.push({
      ...(described?.name ? { name: described.name } : {}), ...(value ? { value } : {}), ...(valueMin ? { valueMin } : {}), ...(valueMax ? { valueMax } : {}),
      ...(level ? { level: level.name } : {}), ...(level?.points ? { points: level.points } : {}), ...(status ? { status } : {}),
    });
    if (out.length === MAX_RESULTS) break;
  }
  return out;
}

/** A credit count (OB 3.0 §AchievementSubject `creditsEarned`, §Achievement `creditsAvailable`: a float): a finite number ≥ 0, or a string spelling one ("4.0"). */
export function creditsOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * The achievement's alignments (§Achievement `alignment`), then its first MAX_RESULTS results' (§Result
 * `alignment`) not listed already (same name and URL). A Skill Assertion (OB 3.0 §B, "Skill Assertion (Credential
 * Registry)") names its skill only there: a result aligned to a competency, no achievement.
 */
function alignmentsOf(a: Json, s: Json | undefined): Alignment[] {
  const read = (x: Json): Alignment => ({ targetName: firstText(x.targetName) ?? '', targetUrl: str(x.targetUrl), targetDescription: firstText(x.targetDescription), targetFramework: firstText(x.targetFramework), targetCode: str(x.targetCode) });
  const key = (al: Alignment) => JSON.stringify([al.targetName, al.targetUrl]);
  const out = arr(a.alignment).filter(isObj).map(read);
  const seen = new Set(out.map(key));
  for (const r of arr(s?.result).filter(isObj).slice(0, MAX_RESULTS)) {
    for (const al of arr(r.alignment).filter(isObj).map(read)) {
      if (seen.has(key(al))) continue;
      seen.add(key(al));
      out.push(al);
    }
  }
  return out;
}

/** The issuer's address and other identifiers (ob3-profile.ts), only the members it gives. */
function profileOf(iss: Json): Pick<IssuerInfo, 'address' | 'otherIdentifier'> {
  const address = addressOf(iss.address);
  const otherIdentifier = otherIdentifiersOf(iss.otherIdentifier);
  return { ...(address ? { address } : {}), ...(otherIdentifier ? { otherIdentifier } : {}) };
}

export function toBadge(c: Json, format: BadgeFormat): Badge {
  const s = subjectOf(c);
  const a = s && isObj(s.achievement) ? s.achievement : {};
  const iss = isObj(c.issuer) ? c.issuer : {};
  const crit = a.criteria;
  const evidence: Evidence[] = arr(c.evidence).map((e) =>
    isObj(e) ? { id: str(e.id), name: firstText(e.name), description: firstText(e.description), narrative: firstText(e.narrative), genre: firstText(e.genre), audience: firstText(e.audience) } : { id: str(e) },
  );
  const alignments = alignmentsOf(a, s);
  const { from, until } = windowOf(c);
  const validFrom = str(from?.[1]);
  // The achievement's texts, else the credential's (each read as one text, or one per language).
  const nameFrom = firstText(a.name) !== undefined ? a.name : c.name;
  const descriptionFrom = firstText(a.description) !== undefined ? a.description : c.description;
  const narrative = isObj(crit) ? crit.narrative : undefined;
  const texts = textsOf(nameFrom, descriptionFrom, iss.name, narrative);
  const results = resultsOf(s, a);
  const creditsEarned = creditsOf(s?.creditsEarned);
  const creditsAvailable = creditsOf(a.creditsAvailable);
  const fieldOfStudy = firstText(a.fieldOfStudy);
  const specialization = firstText(a.specialization);
  return {
    id: str(c.id),
    name: firstText(nameFrom) ?? '',
    description: firstText(descriptionFrom),
    image: textOrId(a.image) ?? textOrId(c.image),
    criteria: isObj(crit) ? { url: str(crit.id), narrative: firstText(narrative) } : undefined,
    narrative: s ? firstText(s.narrative) : undefined,
    ...(results.length ? { results } : {}),
    issuer: { id: issuerIdOf(c), name: firstText(iss.name), url: str(iss.url), email: str(iss.email), image: textOrId(iss.image), description: firstText(iss.description), ...profileOf(iss) },
    issuedOn: str(c.awardedDate) ?? validFrom,
    validFrom,
    expires: str(until?.[1]),
    recipients: recipientsOf(s),
    evidence,
    alignments,
    tags: arr(a.tag).filter((t): t is string => typeof t === 'string'),
    format,
    achievementId: str(a.id),
    ...(str(a.achievementType) ? { achievementType: str(a.achievementType) } : {}),
    ...(creditsEarned !== undefined ? { creditsEarned } : {}),
    ...(creditsAvailable !== undefined ? { creditsAvailable } : {}),
    ...(fieldOfStudy ? { fieldOfStudy } : {}),
    ...(specialization ? { specialization } : {}),
    ...(texts ? { texts } : {}),
  };
}
