/** What the share screen offers for one badge, built with core/share and the user's words. */
import { badgeCardHtml, badgeShareText, earnedSentence, nameDir, onPrivateNetwork, shareLink, sharedName, type CardLabels } from '../../core/share/card.ts';
import { inSentence } from '../../core/share/bidi.ts';
import { mailtoUrl } from '../../core/share/mail.ts';
import { shareWarningOf, shareWarningWords } from '../../core/share/warning.ts';
import { credentialIdFor, linkedInAddToProfileUrl, linkedInShareUrl, organizationIdFor } from '../../core/share/linkedin.ts';
import type { BadgeDetail, Settings } from '../../messaging/views.ts';
import { formatDate } from '../format.ts';
import type { MessageKey, Translate } from '../i18n.ts';
import { cardLabelsFrom } from '../../core/share/card-labels.ts';

export interface ShareContent {
  link?: string;
  /** The link is only the badge's id: Lanyard did not fetch the badge from it (see linkConfirmed). */
  linkUnconfirmed: boolean;
  /** The link is on a local or private network (card.ts onPrivateNetwork): LinkedIn's readers and most of a mail's cannot open it. */
  linkPrivate: boolean;
  addToProfile: string;
  organizationId?: string;
  post?: string;
  html: string;
  text: string;
  /** mailto: with subject and body (RFC 6068), the link last and whole. */
  mail: string;
}

/**
 * What the share screen must say before the buttons: core/share/warning.ts's rule, in the popup's
 * words (the deciding check's sentence, never the engine's English). A pending badge (issued to an
 * address of the user's the backpack has not confirmed: badge-record.ts assess) also says that its
 * link will not open for others: Badgr's public assertion URL answers 404 while the assertion is
 * pending (badgr-server apps/issuer/public_api.py). When the pending address is all that kept the
 * checks from completing (the recipient check), that sentence replaces the generic one.
 */
export function shareWarning(b: Pick<BadgeDetail, 'verdict' | 'checks' | 'expires'> & Partial<Pick<BadgeDetail, 'pending'>>, t: Translate): { kind: 'error' | 'info'; text: string } | undefined {
  const w = shareWarningOf(b);
  const pending = b.pending ? t('shareWarnPending') : undefined;
  if (!w) return pending ? { kind: 'info', text: pending } : undefined;
  const { key, reason } = shareWarningWords(w);
  const kind = w.level === 'invalid' ? 'error' : 'info';
  if (pending && w.level === 'indeterminate' && w.check?.id === 'recipient') return { kind, text: pending };
  const text = reason ? t(key, t(reason)) : t(key);
  return { kind, text: pending ? `${text} ${pending}` : text };
}

/**
 * Whether the public link is known to be a page of the badge: a hosted badge's id is where the
 * engine fetched it (OB 2.0 HostedBadge, OB 1.x), and a badge imported by URL came from that
 * URL. A signed OB 2.0 or an OB 3.0 credential's id is any URI the issuer chose (OB 3.0 §B.1
 * "id": an unambiguous reference, not required to resolve), so for a badge read from a file or
 * a backpack's JSON the address may open nothing.
 */
export const linkConfirmed = (b: Pick<BadgeDetail, 'format' | 'originalKind'>): boolean => b.format.endsWith('-hosted') || b.originalKind === 'url';

/** The card's words in the popup's language (core/share/card-labels.ts: the same keys the background uses). */
export const labelsFor = (t: Translate): CardLabels => cardLabelsFrom((key, ...subs) => t(key as MessageKey, ...subs));

export function shareContent(b: BadgeDetail, settings: Settings | undefined, t: Translate, locale: string): ShareContent {
  const organizationId = organizationIdFor(settings?.linkedInOrgIds ?? {}, { id: b.issuerId, name: b.issuerName });
  const link = shareLink(b);
  const labels = labelsFor(t);
  return {
    link,
    linkUnconfirmed: link !== undefined && !linkConfirmed(b),
    linkPrivate: link !== undefined && onPrivateNetwork(link),
    organizationId,
    addToProfile: linkedInAddToProfileUrl({ name: sharedName(b, labels), organizationId, organizationName: b.issuerName, issuedOn: b.issuedOn, expires: b.expires, certUrl: link, certId: credentialIdFor(b.credentialId, b.publicUrl) }),
    post: linkedInShareUrl(link),
    html: badgeCardHtml(b, { labels, formatDate: (iso) => formatDate(iso, locale) }),
    text: badgeShareText(b, labels),
    mail: mailtoUrl({
      // The name isolated in the subject as in the body (bidi.ts inSentence), in the direction the badge gives it.
      subject: t('shareMailSubject', inSentence(sharedName(b, labels), nameDir(b))),
      body: earnedSentence(b, labels),
      // "See and verify it here:" goes with the link, left out with it when it is too long for a mailto (mail.ts).
      ...(link ? { link, linkLead: t('shareMailVerify') } : {}),
    }),
  };
}
