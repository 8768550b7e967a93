/**
 * What content scripts may ask for: badges for a picker, one badge's card or LinkedIn link, and
 * the verification of a hovered badge URL. Replies carry badge facts only: no account, no address
 * and never a token.
 */
import { badgeCardHtml, badgeShareText, shareLink, type ShareableBadge } from '../../core/share/card.ts';
import { linkedInAddToProfileUrl, organizationIdFor } from '../../core/share/linkedin.ts';
import type { VerifyResult } from '../../core/result.ts';
import type { HoverVerdict, PickerBadge } from '../../messaging/views.ts';
import type { Db } from '../../platform/db.ts';
import type { BadgeRecord } from '../../platform/records.ts';
import { ServiceError, ServiceErrorCodes as E } from './errors.ts';
import { LOCAL, type Identities } from './identities.ts';
import type { SettingsService } from './settings.ts';
import type { Verifier } from './verifier.ts';
import { pickerBadge } from './views.ts';

export interface ContentDeps {
  db: Db;
  verifier: Verifier;
  identities: Identities;
  settings: SettingsService;
  now?: () => number;
  /** How long a hover verdict is reused (default 10 minutes). */
  hoverTtlMs?: number;
}

const MAX_PICKER = 100;

function shareable(r: BadgeRecord): ShareableBadge {
  const m = r.meta;
  const pick = Object.entries({ description: m.description, image: m.image, issuerName: m.issuerName, issuerUrl: m.issuerUrl, issuedOn: m.issuedOn, expires: m.expires, publicUrl: m.publicUrl }).filter(([, v]) => v !== undefined);
  return { name: m.name, ...Object.fromEntries(pick) };
}

/** The hover card: the verdict, and the one line that explains it. */
export function hoverVerdict(r: VerifyResult): HoverVerdict {
  const b = r.badge;
  const why = r.checks.find((c) => c.outcome === 'fail') ?? r.checks.find((c) => c.outcome === 'indeterminate');
  const message = r.verdict === 'valid' ? `Verified${b?.issuer.name ? `: issued by ${b.issuer.name}` : ''}` : (why?.message ?? 'This badge could not be verified');
  return {
    verdict: r.verdict,
    name: b?.name ?? 'Not a readable badge',
    ...(b?.issuer.name ? { issuerName: b.issuer.name } : {}),
    ...(b?.issuedOn ?? b?.validFrom ? { issuedOn: (b.issuedOn ?? b.validFrom)! } : {}),
    issuedToYou: r.recipient !== null,
    message,
  };
}

export function createContent(d: ContentDeps) {
  const now = d.now ?? Date.now;
  const inflight = new Map<string, Promise<HoverVerdict>>();
  let writes = 0;
  const prune = async (): Promise<void> => {
    for (const r of await d.db.results.all()) if (r.key.startsWith('hover:') && (r.expiresAt ?? 0) <= now()) await d.db.results.delete(r.key);
  };
  const mustGet = async (key: string): Promise<BadgeRecord> => {
    const r = await d.db.badges.get(key);
    if (!r) throw new ServiceError(E.NOT_FOUND, 'This badge is no longer in Lanyard');
    return r;
  };

  async function verifyUrl(url: string): Promise<HoverVerdict> {
    const key = `hover:${url}`;
    const hit = await d.db.results.get(key);
    if (hit && (hit.expiresAt ?? 0) > now()) return hit.value as HoverVerdict;
    const ids = await d.identities.forAccount(LOCAL);
    const verdict = hoverVerdict(await d.verifier.verify(url, ids.verified));
    await d.db.results.put({ key, value: verdict, expiresAt: now() + (d.hoverTtlMs ?? 10 * 60_000) });
    // Now and then, forget verdicts that have expired, so the store does not grow with every page visited.
    if (++writes % 50 === 0) await prune().catch(() => undefined);
    return verdict;
  }

  return {
    /** The user's badges (not pending, not invalid) whose name, issuer or tags contain the query. */
    async pickerList(query: string): Promise<PickerBadge[]> {
      const q = query.trim().toLowerCase();
      const all = await d.db.badges.all();
      const mine = all.filter((r) => !r.pending && r.verdict !== 'invalid');
      const hits = q ? mine.filter((r) => [r.meta.name, r.meta.issuerName ?? '', ...r.meta.tags].some((t) => t.toLowerCase().includes(q))) : mine;
      return hits.sort((a, b) => (b.meta.issuedOn ?? '').localeCompare(a.meta.issuedOn ?? '')).slice(0, MAX_PICKER).map(pickerBadge);
    },

    async card(key: string): Promise<{ html: string; text: string; url?: string }> {
      const b = shareable(await mustGet(key));
      const url = shareLink(b);
      return { html: badgeCardHtml(b), text: badgeShareText(b), ...(url ? { url } : {}) };
    },

    async linkedInUrl(key: string): Promise<{ url: string }> {
      const r = await mustGet(key);
      const m = r.meta;
      const orgId = organizationIdFor((await d.settings.get()).linkedInOrgIds, { ...(m.issuerId ? { id: m.issuerId } : {}), ...(m.issuerName ? { name: m.issuerName } : {}) });
      return { url: linkedInAddToProfileUrl({ name: m.name, organizationId: orgId, organizationName: m.issuerName, issuedOn: m.issuedOn, expires: m.expires, certUrl: m.publicUrl, certId: m.credentialId }) };
    },

    /** Verifies a hovered badge URL (when the user turned hover verification on); verdicts are reused for a while. */
    async hoverVerify(url: string): Promise<HoverVerdict> {
      if (!(await d.settings.get()).hoverVerify) throw new ServiceError(E.DISABLED, 'Hover verification is off: turn it on in Lanyard’s settings');
      let p = inflight.get(url);
      if (!p) {
        p = verifyUrl(url).finally(() => inflight.delete(url));
        inflight.set(url, p);
      }
      return p;
    },
  };
}

export type Content = ReturnType<typeof createContent>;
