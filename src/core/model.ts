/**
 * The normalized Badge that every other layer speaks. Each format reader
 * (src/core/formats/*) maps its credential onto this shape; nothing here is
 * trusted for display without escaping.
 */
import type { ShownTexts } from './share/lang-text.ts';

/** What the input turned out to be, before any verification. */
export type InputKind = 'png' | 'svg' | 'json' | 'jws' | 'url';

/** Format and version, as detected from the unpacked credential. */
export type BadgeFormat =
  | 'ob0.5-hosted'
  | 'ob1.0-hosted'
  | 'ob1.0-signed'
  | 'ob1.1-hosted'
  | 'ob1.1-signed'
  | 'ob2.0-hosted'
  | 'ob2.0-signed'
  | 'ob3.0-jwt'
  | 'ob3.0-data-integrity'
  | 'ob3.0-unsigned'
  /** Blockcerts v2: an OB 2.0 assertion vouched for by a MerkleProof2017 receipt anchored in a blockchain (formats/blockcerts2.ts). */
  | 'blockcerts2'
  /** Blockcerts v3: a Verifiable Credential of type BlockcertsCredential, vouched for by a MerkleProof2019 receipt anchored in a blockchain (formats/blockcerts3.ts). */
  | 'blockcerts3'
  /** A URL (pasted, or baked into a legacy tEXt chunk) whose document has not been fetched. */
  | 'hosted-url'
  | 'unknown';

export type IdentityType = 'email' | 'url' | 'telephone' | 'id' | string;

/** A recipient identity as the credential states it (OB 2.0 IdentityObject, OB 3.0 IdentityObject or subject id). */
export interface RecipientIdentity {
  /** `email`, `url`, `telephone`, `id` (a DID or URL subject id), or the OB 3.0 identityType (`emailAddress` is mapped to `email`). */
  type: IdentityType;
  /** Plain identity, or `sha256$…` / `md5$…` when hashed (OB 0.5 also `sha1$…` / `sha512$…`: verify/recipient.ts hashAlgorithms). */
  identity: string;
  hashed: boolean;
  salt?: string;
}

export interface IssuerInfo {
  id?: string;
  name?: string;
  url?: string;
  email?: string;
  image?: string;
  description?: string;
  /** Where the issuer is (OB 3.0 §Profile `address`, §Address), the parts Lanyard shows, as written. */
  address?: PostalAddress;
  /** The issuer's other identifiers (OB 3.0 §Profile `otherIdentifier`, §IdentifierEntry), at most MAX_OTHER_IDENTIFIERS. */
  otherIdentifier?: OtherIdentifier[];
}

/** OB 3.0 §Address: each part as written (no `geo`, no `addressCountryCode`); at least one is given. */
export interface PostalAddress {
  streetAddress?: string;
  postOfficeBoxNumber?: string;
  addressLocality?: string;
  addressRegion?: string;
  postalCode?: string;
  addressCountry?: string;
}

/** OB 3.0 §IdentifierEntry: `identifierType` (§IdentifierTypeEnum: "sourcedId", "nationalIdentityNumber", "ext:…") and `identifier`, both required, as written. */
export interface OtherIdentifier {
  identifierType: string;
  identifier: string;
}

export interface Criteria {
  url?: string;
  narrative?: string;
}

export interface Evidence {
  id?: string;
  name?: string;
  description?: string;
  narrative?: string;
  genre?: string;
  /** Who the evidence is meant for, the issuer's words (OB 2.0 / OB 3.0 Evidence `audience`: "Employers"). */
  audience?: string;
}

/**
 * One result of the award (OB 3.0 §Result, on AchievementSubject `result`), with the name of the
 * ResultDescription it points to (`resultDescription`, an id among the achievement's
 * `resultDescription` list, §ResultDescription `name`) when the achievement describes it: a grade,
 * a score, "Final Project Grade: 8.5". At least one of `value`, `level` and `status` is given.
 */
export interface AwardResult {
  name?: string;
  /** §Result `value`, as written. */
  value?: string;
  /** The name of the rubric level `achievedLevel` names among its description's (§RubricCriterionLevel `name`). */
  level?: string;
  /** §Result `status`, one of the §ResultStatusType words (RESULT_STATUSES). */
  status?: ResultStatus;
  /** The points of that rubric level (§RubricCriterionLevel `points`, a string), as written. */
  points?: string;
  /** The bounds of a value (§ResultDescription `valueMin`, `valueMax`, strings), as written; only with a `value`. */
  valueMin?: string;
  valueMax?: string;
}

/**
 * What an award says of its results and credits, its achievement of the field it is in, and its
 * issuer of where and who it is (OB 3.0 §Profile address, otherIdentifier), as a
 * stored badge (platform BadgeMeta) and the badge page's view (messaging BadgeDetail) carry them.
 */
export interface AwardFacts {
  /** The award's results (Badge.results): a value, a rubric level's name, a status, each named by its description where the achievement gives one. */
  results?: AwardResult[];
  /** The credit hours earned and those the achievement carries (Badge.creditsEarned, creditsAvailable). */
  creditsEarned?: number;
  creditsAvailable?: number;
  /** The achievement's field of study and specialization, as written (Badge.fieldOfStudy, specialization). */
  fieldOfStudy?: string;
  specialization?: string;
  /** The issuer's postal address and other identifiers, as written (Badge.issuer.address, otherIdentifier; OB 3.0 §Profile). */
  issuerAddress?: PostalAddress;
  issuerIds?: OtherIdentifier[];
}

/** OB 3.0 §ResultStatusType enumeration: every word the specification lists, in its order. */
export const RESULT_STATUSES = ['Completed', 'Enrolled', 'Failed', 'InProgress', 'OnHold', 'Provisional', 'Withdrew'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export interface Alignment {
  targetName: string;
  targetUrl?: string;
  targetDescription?: string;
  targetFramework?: string;
  targetCode?: string;
}

/** The original input kept beside the normalized badge, so it can be re-verified, exported and re-baked. */
export interface OriginalInput {
  kind: InputKind;
  /** For png and svg: the bytes; for json, jws and url: the UTF-8 text as bytes. */
  bytes: Uint8Array;
  /** The credential text found inside the input (JSON, compact JWS or URL), when one was found. */
  extracted?: string;
}

export interface Badge {
  /** The assertion or credential id. */
  id?: string;
  /** The achievement's or badge class's name; '' when the credential names none (each surface says so in its own words). */
  name: string;
  description?: string;
  image?: string;
  criteria?: Criteria;
  /**
   * The award's own narrative, Markdown: OB 2.0 Assertion `narrative`, OB 3.0 AchievementSubject
   * `narrative` ("a narrative that connects multiple pieces of evidence", OB 2.0 §Assertion, OB 3.0
   * §B.1.2): what this earner did, beside the class's criteria.
   */
  narrative?: string;
  /** The award's results (OB 3.0 §Result), those with a value; absent when there are none. */
  results?: AwardResult[];
  issuer: IssuerInfo;
  /** ISO 8601 instants: OB 2.0 issuedOn/expires, OB 3.0 validFrom (or awardedDate/issuanceDate)/validUntil. */
  issuedOn?: string;
  validFrom?: string;
  expires?: string;
  recipients: RecipientIdentity[];
  evidence: Evidence[];
  alignments: Alignment[];
  tags: string[];
  format: BadgeFormat;
  /** The BadgeClass / Achievement id. */
  achievementId?: string;
  /** What kind of achievement it is, as written (OB 3.0 §Achievement `achievementType`: "Badge", "Course", "BachelorDegree", "ext:Role"). */
  achievementType?: string;
  /** OB 3.0 §AchievementSubject `creditsEarned`: the credit hours this earner earned (a float, ≥ 0). */
  creditsEarned?: number;
  /** OB 3.0 §Achievement `creditsAvailable`: the credit hours the achievement carries (a float, ≥ 0). */
  creditsAvailable?: number;
  /** OB 3.0 §Achievement `fieldOfStudy`, as written: "Research", "Biology". */
  fieldOfStudy?: string;
  /** OB 3.0 §Achievement `specialization`, as written: "Computer Science Research". */
  specialization?: string;
  /**
   * The shown texts the credential gives in several languages or with a base direction (VC DM 2.0
   * §11.1), each language kept (at most MAX_LANGUAGES); `name`, `description`, `issuer.name` and
   * `criteria.narrative` above hold the first. Absent when every text is one plain string.
   */
  texts?: ShownTexts;
  original?: OriginalInput;
}
