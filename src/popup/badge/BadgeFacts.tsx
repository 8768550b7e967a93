/**
 * Everything the badge says: description and criteria (safe Markdown), dates, who it was issued
 * to, its results, tags, alignments and evidence. Links are shown only when they are http(s).
 */
import { otherHost } from '../../core/share/link-host.ts';
import { Fragment } from 'preact';
import { safeHttpUrl } from '../../core/share/escape.ts';
import type { BadgeDetail } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { formatDate, isExpired } from '../format.ts';
import { achievementTypeName } from './achievement-type.ts';
import { IssuerPlaceFacts, ResultWords } from './issuer-and-result-words.tsx';
import { formatName } from './format-name.ts';
import { Markdown } from '../ui/Markdown.tsx';
import { Sentence, slot } from '../ui/Sentence.tsx';
import { Address } from '../ui/Address.tsx';

/** An issuer can list thousands of alignments or evidence items: the page shows this many, then "and N more" (the record keeps these and the count: background/services/shown-lists.ts). */
export const MAX_LIST_ITEMS = 20;

export function BadgeFacts({ badge, onAddresses, onGuide }: { badge: BadgeDetail; onAddresses?: () => void; onGuide?: () => void }) {
  const { t, locale, now } = useEnv();
  const credits = (n: number | undefined) => (n === undefined ? undefined : new Intl.NumberFormat(locale).format(n));
  const expired = isExpired(badge.expires, now());
  const criteriaUrl = safeHttpUrl(badge.criteria?.url);
  const hashed = badge.claimedRecipients.some((r) => r.hashed);
  // Not matched to the user, but named in clear by the badge: say which address, not only
  // "none of yours" (the identities are already display-safe: display.ts detailForDisplay).
  const named = badge.claimedRecipients.find((r) => !r.hashed && r.identity)?.identity;
  // "Matches none of yours" only when the recipient check ran: a check again without the hosted
  // copy skips it, and the badge is not someone else's for that (seen in Chromium, offline).
  const compared = badge.checks.some((c) => c.id === 'recipient' && (c.outcome === 'fail' || c.outcome === 'indeterminate'));
  // A link whose document was never read (format hosted-url) says nothing of its expiry or recipient:
  // "Does not expire" and "None of your addresses" were claims about a badge Lanyard had not seen.
  const unread = badge.format === 'hosted-url';
  // The address is the issuer's words: isolated on its own in our sentence (ui/Sentence.tsx), wrapping at its "@" (ui/Address.tsx).
  const address = (key: 'badgeIssuedToPending' | 'badgeIssuedToNamed' | 'badgeIssuedToNamedUnchecked' | 'badgeIssuedToTyped', a: string) => <Sentence text={t(key, slot(0))} words={[<Address value={a} />]} />;
  // A pending badge's address is the account's own (the backpack lists it), known without the
  // badge's document: Badgr keeps such a badge private, so its link is often not read, and "Confirm
  // this address" must still say which.
  const issuedTo = badge.pending && badge.recipient
    ? address('badgeIssuedToPending', badge.recipient)
    : unread
    ? t('badgeNotReadYet')
    : badge.recipient
    ? <bdi dir="auto"><Address value={badge.recipient} /></bdi>
    // An address the user typed for this browser: which one, and that no backpack verified it.
    : badge.typedTo
    ? address('badgeIssuedToTyped', badge.typedTo)
    : named
      ? address(compared ? 'badgeIssuedToNamed' : 'badgeIssuedToNamedUnchecked', named)
      : hashed
        ? compared ? t('badgeIssuedToHashed') : t('badgeIssuedToHashedUnchecked')
        : t('badgeIssuedToUnknown');
  return (
    <>
      {badge.description ? (
        <section class="panel" aria-labelledby="about-title">
          <h3 id="about-title">{t('badgeAbout')}</h3>
          <Markdown source={badge.description} headingBase={4} dir={badge.dirs?.description} />
        </section>
      ) : null}
      {badge.criteria?.narrative || criteriaUrl ? (
        <section class="panel" aria-labelledby="criteria-title">
          <h3 id="criteria-title">{t('badgeCriteria')}</h3>
          {badge.criteria?.narrative ? <Markdown source={badge.criteria.narrative} headingBase={4} dir={badge.dirs?.narrative} /> : null}
          {criteriaUrl ? <ExternalLink href={criteriaUrl} text={t('badgeCriteriaLink')} /> : null}
        </section>
      ) : null}
      {/* The award's results (OB 3.0 Result) under their own heading: each term is the issuer's name for it (its
          ResultDescription's), which among Lanyard's own terms could pass for one ("Expires: Never" under a valid
          verdict); its value and rubric level (with their bounds and points) are the issuer's words, each isolated, its
          status OB 3.0's word in the reader's language (issuer-and-result-words.tsx). */}
      {badge.results?.length ? (
        <section class="panel" aria-labelledby="results-title">
          <h3 id="results-title">{t('badgeResults')}</h3>
          <dl class="facts">
            {badge.results.slice(0, MAX_LIST_ITEMS).map((x, i) => (
              <Fragment key={`result-${i}`}>
                <dt dir="auto">{x.name ?? t('badgeResult')}</dt>
                <dd><ResultWords result={x} /></dd>
              </Fragment>
            ))}
          </dl>
        </section>
      ) : null}
      <section class="panel" aria-labelledby="facts-title">
        <h3 id="facts-title">{t('badgeDetails')}</h3>
        <dl class="facts">
          <Fact term={t('badgeKind')} value={achievementTypeName(t, badge.achievementType)} />
          <Fact term={t('badgeFieldOfStudy')} value={badge.fieldOfStudy} words />
          <Fact term={t('badgeSpecialization')} value={badge.specialization} words />
          <Fact term={t('badgeIssued')} value={formatDate(badge.issuedOn, locale)} />
          <Fact term={expired ? t('badgeExpired') : t('badgeExpires')} value={badge.expires ? formatDate(badge.expires, locale) : unread ? t('badgeNotReadYet') : t('badgeNoExpiry')} warn={expired} />
          <dt>{t('badgeIssuedTo')}</dt>
          <dd>
            {issuedTo}
            {badge.pending && onAddresses ? (
              <>
                {' '}
                <button type="button" class="link-button" onClick={onAddresses}>
                  {t('badgeConfirmAddress')}
                </button>
              </>
            ) : null}
            {onGuide ? (
              <>
                {' '}
                <button type="button" class="link-button" onClick={onGuide}>
                  {t('badgePendingGuide')}
                </button>
              </>
            ) : null}
          </dd>
          <Fact term={t('badgeCreditsEarned')} value={credits(badge.creditsEarned)} />
          <Fact term={t('badgeCreditsAvailable')} value={credits(badge.creditsAvailable)} />
          <Fact term={t('badgeIssuerContact')} value={badge.issuerEmail} />
          <IssuerPlaceFacts address={badge.issuerAddress} ids={badge.issuerIds} />
          <Fact term={t('badgeFormat')} value={formatName(t, badge.format)} />
          {/* When it was last checked is said once, in the verification panel (LastChecked.tsx). */}
        </dl>
        {badge.tags.length ? (
          <ul class="tags" aria-label={t('badgeTags')}>
            {badge.tags.map((tag, i) => (
              <li key={i} class="chip" dir="auto">
                {tag}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      {badge.alignments.length ? (
        <section class="panel" aria-labelledby="skills-title">
          <h3 id="skills-title">{t('badgeSkills')}</h3>
          <ul class="plain-list">
            {badge.alignments.slice(0, MAX_LIST_ITEMS).map((a, i) => (
              <li key={i}>
                {safeHttpUrl(a.targetUrl) ? <ExternalLink href={safeHttpUrl(a.targetUrl) as string} text={a.targetName} /> : <strong dir="auto">{a.targetName}</strong>}
                {[a.targetFramework, a.targetCode].filter(Boolean).length ? (
                  <span class="muted">
                    {[a.targetFramework, a.targetCode].filter((x): x is string => !!x).map((x, j) => (
                      <Fragment key={j}>
                        {' · '}
                        <bdi dir="auto">{x}</bdi>
                      </Fragment>
                    ))}
                  </span>
                ) : null}
                {a.targetDescription ? <p class="small" dir="auto">{a.targetDescription}</p> : null}
              </li>
            ))}
            <More total={badge.alignmentsTotal ?? badge.alignments.length} />
          </ul>
        </section>
      ) : null}
      {badge.evidence.length || badge.narrative ? (
        <section class="panel" aria-labelledby="evidence-title">
          <h3 id="evidence-title">{t('badgeEvidence')}</h3>
          {/* The award's own narrative: "a narrative that connects multiple pieces of evidence" (OB 2.0 Assertion, OB 3.0 AchievementSubject). */}
          {badge.narrative ? <Markdown source={badge.narrative} headingBase={4} /> : null}
          {badge.evidence.length ? <ul class="plain-list">
            {badge.evidence.slice(0, MAX_LIST_ITEMS).map((e, i) => {
              const href = safeHttpUrl(e.id);
              const name = e.name ?? (href ? href : t('badgeEvidenceItem', i + 1));
              return (
                <li key={i}>
                  {href ? <ExternalLink href={href} text={name} /> : <strong dir="auto">{name}</strong>}
                  {/* The issuer's word for what kind of evidence it is (Evidence `genre`). */}
                  {e.genre ? <span class="muted">{' · '}<bdi dir="auto">{e.genre}</bdi></span> : null}
                  {e.description ? <p class="small" dir="auto">{e.description}</p> : null}
                  {/* For whom it is meant (Evidence `audience`), the issuer's words in Lanyard's sentence. */}
                  {e.audience ? <p class="small muted"><Sentence text={t('badgeEvidenceAudience', slot(0))} words={[e.audience]} /></p> : null}
                  {e.narrative ? <Markdown source={e.narrative} headingBase={5} /> : null}
                </li>
              );
            })}
            <More total={badge.evidenceTotal ?? badge.evidence.length} />
          </ul> : null}
        </section>
      ) : null}
    </>
  );
}

function More({ total }: { total: number }) {
  const { t } = useEnv();
  return total > MAX_LIST_ITEMS ? <li class="more-items">{t('listAndMore', total - MAX_LIST_ITEMS)}</li> : null;
}

/** One fact; `words` when its value is the issuer's, which sets its own direction. */
function Fact({ term, value, warn, words }: { term: string; value: string | undefined; warn?: boolean; words?: boolean }) {
  if (!value) return null;
  return (
    <>
      <dt>{term}</dt>
      <dd class={warn ? 'warn' : undefined} dir={words ? 'auto' : undefined}>{value}</dd>
    </>
  );
}

/** A link to the issuer's page; when its words (the issuer's) name another host, that host follows it (core/share/link-host.ts). */
export function ExternalLink({ href, text }: { href: string; text: string }) {
  const other = otherHost(text, href);
  const link = (
    <a href={href} target="_blank" rel="noopener noreferrer" dir="auto">
      {text}
    </a>
  );
  return other ? <>{link}{` (${other})`}</> : link;
}
