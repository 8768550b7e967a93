/** What the hover card says of a verification result: the verdict and the one line that explains it. */
import { chooseTexts } from '../../core/share/lang-text.ts';
import { issuerSite } from '../../core/share/issuer-site.ts';
import { ErrorCodes } from '../../core/errors.ts';
import type { Check, VerifyResult } from '../../core/result.ts';
import { HOVER_TEXT_MAX, type HoverVerdict } from '../../messaging/views.ts';
import { accessHost } from './hover-access.ts';
import { noBadgeData } from './no-badge-data.ts';
import { nameDirs } from './views.ts';

/** A check as the card says it: by id, outcome and code, never its English message (core/share/check-words.ts). */
const reasonOf = (c: Check): NonNullable<HoverVerdict['reason']> => ({ id: c.id, outcome: c.outcome, ...(c.code ? { code: c.code } : {}) });

/**
 * `s` cut to at most `max` code points, the last of them "…" when cut: never inside a surrogate
 * pair. Only the first 2·max UTF-16 units are read (a badge's name can be megabytes).
 */
export function capText(s: string, max = HOVER_TEXT_MAX): string {
  if (s.length <= max) return s;
  const chars = Array.from(s.length > 2 * max ? s.slice(0, 2 * max) : s);
  if (s.length <= 2 * max && chars.length <= max) return s;
  // \u2026 (an ellipsis) escaped: the background's bundle stays ASCII (issue 14).
  return `${chars.slice(0, max - 1).join('')}\u2026`;
}

const TEXTS = ['name', 'issuerName', 'issuerSite', 'issuedOn', 'message', 'needsAccess', 'privateHost'] as const;

/** Every text of the verdict within HOVER_TEXT_MAX: the content script is sent nothing larger (validate.ts refuses it). */
function capped(v: HoverVerdict): HoverVerdict {
  const out = { ...v };
  for (const k of TEXTS) if (typeof out[k] === 'string') out[k] = capText(out[k]);
  return out;
}

/**
 * The hover card: the verdict, and the one line that explains it. `refused`: the origins the host
 * fetch refused for want of a permission (network-log.ts), the first of which the card names;
 * `privateHosts`: the local or private hosts it refused to reach (private-hosts.ts), likewise. The
 * badge's name and issuer's name in the reader's `languages` (VC DM 2.0 §11.1: chooseText, as the
 * popup), with the direction each gives.
 */
export function hoverVerdict(...a: Parameters<typeof verdictOf>): HoverVerdict {
  return capped(verdictOf(...a));
}

function verdictOf(r: VerifyResult, url?: string, refused: readonly string[] = [], privateHosts: readonly string[] = [], languages: readonly string[] = []): HoverVerdict {
  const b = r.badge;
  const { pick, dirs } = chooseTexts(b?.texts, languages);
  const name = pick.name?.value ?? b?.name;
  const issuerName = pick.issuerName?.value ?? b?.issuer.name;
  const shownDirs = nameDirs(dirs);
  // A hovered URL that served no Open Badge at all (no-badge-data.ts).
  const failed = noBadgeData(r);
  if (failed) {
    // "I could not read a badge there" is not "this badge is forged" (never invalid for it).
    const said = url && URL.canParse(url) && !failed.message.includes(url) ? `${new URL(url).host}: ${failed.message}` : failed.message;
    return { verdict: 'indeterminate', name: 'No badge data at this link', message: said, reason: reasonOf(failed), noBadge: true, noBadgeKind: 'no-data' };
  }
  const why = r.checks.find((c) => c.outcome === 'fail') ?? r.checks.find((c) => c.outcome === 'indeterminate');
  const message = r.verdict === 'valid' ? `Verified${issuerName ? `: issued by ${issuerName}` : ''}` : (why?.message ?? 'This badge could not be verified');
  const webPage = !b && r.checks.some((c) => c.id === 'hosted' && c.code === ErrorCodes.WEB_PAGE);
  const needsAccess = r.verdict === 'indeterminate' ? accessHost(refused) : undefined;
  const privateHost = r.verdict !== 'valid' ? privateHosts[0] : undefined;
  return {
    verdict: r.verdict,
    name: name ?? (webPage ? 'A web page, not badge data' : 'Not a readable badge'),
    ...(issuerName ? { issuerName } : {}),
    // The name is the issuer's own word; where the checks place it is said beside it (issuer-site.ts).
    ...(b && issuerSite(b.issuer.id) ? { issuerSite: issuerSite(b.issuer.id)! } : {}),
    ...(b?.issuedOn ?? b?.validFrom ? { issuedOn: (b.issuedOn ?? b.validFrom)! } : {}),
    message,
    ...(why && r.verdict !== 'valid' ? { reason: reasonOf(why) } : {}),
    ...(b ? {} : { noBadge: true, noBadgeKind: webPage ? 'web-page' : 'unreadable' }),
    ...(needsAccess ? { needsAccess } : {}),
    ...(privateHost ? { privateHost } : {}),
    ...(shownDirs ? { dirs: shownDirs } : {}),
  };
}
