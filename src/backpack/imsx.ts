/**
 * The OB 3.0 API's error body, Imsx_StatusInfo (ob_v3p0.lines: every error response of
 * getCredentials, upsertCredential, getProfile and putProfile; the 1EdTech common data model):
 * `imsx_codeMajor`, `imsx_severity`, `imsx_description` and `imsx_CodeMinor.imsx_codeMinorField[]`
 * of `{imsx_codeMinorFieldName, imsx_codeMinorFieldValue}`. Read for the words to show and the
 * code minor (`unauthorisedrequest`, `invalid_query_parameter`, `server_busy`…), with keys matched
 * without regard to case (implementations differ on `imsx_CodeMinor`).
 */
type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ImsxStatus {
  description?: string;
  /** The first code minor field value. */
  minor?: string;
}

const get = (o: Json, key: string): unknown => {
  const k = Object.keys(o).find((x) => x.toLowerCase() === key);
  return k === undefined ? undefined : o[k];
};

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim().slice(0, 200) : undefined);

/** The status of an error answer's text, when it is an Imsx_StatusInfo (it has an `imsx_codeMajor`). */
export function imsxStatus(body: string): ImsxStatus | undefined {
  let v: unknown;
  try {
    v = JSON.parse(body);
  } catch {
    return undefined;
  }
  return imsxOf(v);
}

/**
 * The status of an answer already parsed, when it is an Imsx_StatusInfo, with its `imsx_codeMajor`
 * lower-cased (`success`, `processing`, `failure`, `unsupported`).
 */
export function imsxOf(v: unknown): (ImsxStatus & { major: string }) | undefined {
  const major = isObj(v) ? get(v, 'imsx_codemajor') : undefined;
  if (!isObj(v) || typeof major !== 'string') return undefined;
  const minor = get(v, 'imsx_codeminor');
  const fields = isObj(minor) ? get(minor, 'imsx_codeminorfield') : undefined;
  const first = (Array.isArray(fields) ? fields : [fields]).find(isObj);
  const value = first ? text(get(first, 'imsx_codeminorfieldvalue')) : undefined;
  const description = text(get(v, 'imsx_description'));
  return { major: major.trim().toLowerCase(), ...(description ? { description } : {}), ...(value ? { minor: value } : {}) };
}
