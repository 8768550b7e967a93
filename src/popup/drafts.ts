/**
 * What the user typed in a form, for when the popup opens again. The popup closes as soon as focus
 * leaves it (a click outside to copy a badge's link, the password manager's window): the link or JSON
 * pasted in "Add a badge" and the sign-in form's address and e-mail were lost with it. For ten
 * minutes (resume.ts RESUME_MS) each form now comes back as it was left, and the popup opens on the
 * form it closed on; a draft is cleared once its form succeeded.
 *
 * Never a password or a token: a draft holds only the fields named below (the password field has
 * none), and a link whose address carries credentials (a user name or password, RFC 3986 §3.2.1) or a
 * query parameter named like a secret is not kept. Kept by browser-platform.ts in the extension
 * page's own localStorage, as the view is, and checked like any input when read back.
 */
import { RESUME_MS } from './resume.ts';

/** The forms with a draft: "Add a badge" (also the welcome's "Just this browser"), the password sign-ins, a provider's address. */
export type DraftForm = 'import' | 'badgr' | 'parchment' | 'provider';

/** The sign-in forms' drafts: the welcome screen opens on the one typed in last (WelcomeScreen.tsx). */
export const SIGN_IN_DRAFTS = ['badgr', 'parchment', 'provider'] as const;

/** Each form's fields, and only those: none of them is a password. */
export const DRAFT_FIELDS = {
  import: ['text'],
  badgr: ['region', 'custom', 'username'],
  parchment: ['region', 'custom', 'username'],
  provider: ['url', 'kind'],
} as const satisfies Record<DraftForm, readonly string[]>;

export type DraftFields<F extends DraftForm> = Partial<Record<(typeof DRAFT_FIELDS)[F][number], string>>;

export const DRAFTS_KEY = 'popup:drafts';
/** A pasted badge (JSON, a compact JWS) is kept up to this length; a longer one is not kept. */
export const MAX_DRAFT_CHARS = 100_000;

export interface SavedDrafts {
  at: number;
  /** The form typed in last: the one the popup opens on, when it closed there. */
  last: DraftForm;
  forms: { [F in DraftForm]?: DraftFields<F> };
}

const FORMS = Object.keys(DRAFT_FIELDS) as DraftForm[];
const SECRET_PARAM = /^(access_?token|id_?token|refresh_?token|token|code|password|passwd|pwd|secret|client_secret|api_?key|key|auth|authorization|session|sig|signature)$/i;

/** True when the text holds an address with credentials in it, or a secret-looking query parameter: never kept. */
export function holdsSecret(text: string): boolean {
  for (const word of text.split(/\s+/)) {
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(word)) continue;
    let url: URL;
    try {
      url = new URL(word);
    } catch {
      continue;
    }
    if (url.username || url.password) return true;
    for (const name of url.searchParams.keys()) if (SECRET_PARAM.test(name)) return true;
    if (/(?:^|[&#])(access_token|id_token|token)=/i.test(url.hash.slice(1))) return true;
  }
  return false;
}

/** One form's fields as kept: only its own, strings, not too long, with no credentials; undefined when nothing is left. */
export function cleanFields<F extends DraftForm>(form: F, raw: unknown): DraftFields<F> | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const out: Record<string, string> = {};
  for (const name of DRAFT_FIELDS[form] as readonly string[]) {
    const v = (raw as Record<string, unknown>)[name];
    if (typeof v !== 'string' || v.length > MAX_DRAFT_CHARS || holdsSecret(v)) continue;
    out[name] = v;
  }
  // A draft with nothing typed in it (only a region or a kind chosen) is no draft.
  const typed = Object.entries(out).some(([k, v]) => k !== 'region' && k !== 'kind' && v.trim() !== '');
  return typed ? (out as DraftFields<F>) : undefined;
}

/** The drafts kept, with `form` now as typed (undefined: cleared, after it succeeded). */
export function withDraft<F extends DraftForm>(kept: SavedDrafts | undefined, form: F, fields: DraftFields<F> | undefined, now: number): SavedDrafts | undefined {
  const forms: SavedDrafts['forms'] = { ...(kept?.forms ?? {}) };
  const clean = fields && cleanFields(form, fields);
  if (clean) (forms as Record<DraftForm, unknown>)[form] = clean;
  else delete forms[form];
  const left = FORMS.filter((f) => forms[f]);
  if (!left.length) return undefined;
  return { at: now, last: clean ? form : kept && forms[kept.last] ? kept.last : left[0]!, forms };
}

/** The drafts to restore, from what was kept less than ten minutes ago; anything else none. */
export function draftsToRestore(raw: unknown, now: number): SavedDrafts | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const d = raw as Partial<SavedDrafts>;
  if (typeof d.at !== 'number' || !(now - d.at >= 0 && now - d.at < RESUME_MS)) return undefined;
  if (!d.forms || typeof d.forms !== 'object' || !FORMS.includes(d.last as DraftForm)) return undefined;
  const forms: SavedDrafts['forms'] = {};
  for (const f of FORMS) {
    const clean = cleanFields(f, (d.forms as Record<string, unknown>)[f]);
    if (clean) (forms as Record<DraftForm, unknown>)[f] = clean;
  }
  if (!forms[d.last as DraftForm]) return undefined;
  return { at: d.at, last: d.last as DraftForm, forms };
}

/** Where the forms' drafts live (PopupEnv.drafts): the page's localStorage in the extension, memory in tests. */
export interface DraftStore {
  get<F extends DraftForm>(form: F): DraftFields<F> | undefined;
  /** Kept as typed; an empty draft, or `undefined` (the form succeeded), clears it. */
  set<F extends DraftForm>(form: F, fields: DraftFields<F> | undefined): void;
  /** The form typed in last, while its draft is kept. */
  last(): DraftForm | undefined;
}

/** A store over `read`/`write` of the kept value (JSON-shaped), with the clock. */
export function draftStore(read: () => unknown, write: (v: SavedDrafts | undefined) => void, now: () => number): DraftStore {
  const current = () => draftsToRestore(read(), now());
  return {
    get: (form) => current()?.forms[form],
    set(form, fields) {
      write(withDraft(current(), form, fields, now()));
    },
    last: () => current()?.last,
  };
}

/** A store in memory (tests, the preview). */
export function memoryDrafts(now: () => number, initial?: SavedDrafts): DraftStore & { kept(): SavedDrafts | undefined } {
  let kept: SavedDrafts | undefined = initial;
  return {
    ...draftStore(() => kept, (v) => (kept = v), now),
    kept: () => kept,
  };
}
