/**
 * Where the popup was, for when it opens again. The popup closes as soon as focus leaves it ("Add
 * to LinkedIn profile" opens a tab, a paste into a page, a click outside), and it opened on the
 * list every time: a user with forty badges searched for the badge again to copy its link after
 * adding it to LinkedIn. For ten minutes it now opens where it was: the badge page or the share
 * screen (over the list, so Back works as before), and the list's search, filters and sort; "Add a
 * badge" or "Add a backpack" when it closed there with a draft typed in it (drafts.ts). The other
 * screens (settings, accounts) open on the list as before. browser-platform.ts keeps it in the
 * extension page's localStorage (read before the first render, without waiting), removed once
 * stale: a badge's key and the list's query, never a badge's content. What is read back is
 * checked like any input: anything else is the list.
 */
import type { ListQuery } from './list/filter.ts';
import type { Route } from './routes.ts';

export const RESUME_MS = 10 * 60_000;
export const RESUME_KEY = 'popup:view';

/** The screens worth coming back to: the badge page and its share screen. */
type Kept = Extract<Route, { name: 'badge' | 'share' }>;
/** A form closed while typing in it: opened again only if its draft is still kept (drafts.ts, App.tsx). */
export type KeptForm = { name: 'import' } | { name: 'welcome' };

export interface SavedView {
  at: number;
  /** The badge and share screens on the stack, above the list (at most those two); or the form it closed on. */
  screens: ({ name: 'badge' | 'share'; key: string } | KeptForm)[];
  query: ListQuery;
}

export interface Resumed {
  stack: Route[];
  query: ListQuery;
}

export function viewToSave(stack: readonly Route[], query: ListQuery, now: number): SavedView {
  const screens = stack.filter((r): r is Kept => r.name === 'badge' || r.name === 'share').map((r) => ({ name: r.name, key: r.key }));
  // Only a stack of list → badge pages: a badge opened from Accounts or Settings is not resumed.
  const plain = stack.every((r) => r.name === 'list' || r.name === 'badge' || r.name === 'share');
  // "Add a badge" or "Add a backpack" (not a sign-in again, which its account's card starts): over the list.
  const top = stack[stack.length - 1];
  const form: KeptForm[] | undefined = top?.name === 'import' ? [{ name: 'import' }] : top?.name === 'welcome' && !top.mode && !top.host ? [{ name: 'welcome' }] : undefined;
  return { at: now, screens: form ?? (plain ? screens.slice(-2) : []), query };
}

const SORTS = ['newest', 'oldest', 'name', 'issuer'];
const EXPIRED = ['any', 'hide', 'only'];
const VERDICTS = ['', 'valid', 'invalid', 'indeterminate', 'unverified', 'pending'];
const MAX_TEXT = 500;

function queryOf(raw: unknown): ListQuery | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const q = raw as Record<string, unknown>;
  const text = (k: keyof ListQuery) => (typeof q[k] === 'string' && (q[k] as string).length <= MAX_TEXT ? (q[k] as string) : undefined);
  const out = { text: text('text'), account: text('account'), issuer: text('issuer'), verdict: text('verdict'), address: text('address'), tag: text('tag'), expired: text('expired'), sort: text('sort') };
  if (Object.values(out).some((v) => v === undefined)) return undefined;
  if (!SORTS.includes(out.sort as string) || !EXPIRED.includes(out.expired as string) || !VERDICTS.includes(out.verdict as string)) return undefined;
  return out as ListQuery;
}

/** The stack and query to open on, from what was kept less than ten minutes ago; else undefined (the list). */
export function viewToRestore(raw: unknown, now: number): Resumed | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const v = raw as Partial<SavedView>;
  if (typeof v.at !== 'number' || !(now - v.at >= 0 && now - v.at < RESUME_MS)) return undefined;
  const query = queryOf(v.query);
  if (!query || !Array.isArray(v.screens) || v.screens.length > 2) return undefined;
  const screens: (Kept | KeptForm)[] = [];
  const only = (v.screens as unknown[]).length === 1;
  for (const s of v.screens as unknown[]) {
    const r = s as { name?: unknown; key?: unknown };
    if (only && (r?.name === 'import' || r?.name === 'welcome') && Object.keys(r).length === 1) {
      screens.push({ name: r.name });
      continue;
    }
    if ((r?.name !== 'badge' && r?.name !== 'share') || typeof r.key !== 'string' || !r.key || r.key.length > 1000) return undefined;
    screens.push({ name: r.name, key: r.key });
  }
  return { stack: [{ name: 'list' }, ...screens], query };
}
