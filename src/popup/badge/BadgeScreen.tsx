/** The badge page: header with issuer, share and re-verify, the verification panel, and the facts. */
import { useEffect, useState } from 'preact/hooks';
import type { AccountView, BadgeDetail } from '../../messaging/views.ts';
import { safeHttpUrl } from '../../core/share/escape.ts';
import { dirOf } from '../../core/share/bidi.ts';
import { issuerSite } from '../../core/share/issuer-site.ts';
import { useEnv } from '../env.ts';
import { errorText } from '../errors.ts';
import { BadgeLoadError } from './BadgeLoadError.tsx';
import { useBadgeDetail } from './use-badge-detail.ts';
import { useRecheck } from './use-recheck.tsx';
import { BadgeImage } from '../ui/BadgeImage.tsx';
import { ConfirmButton } from '../ui/ConfirmButton.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Notice } from '../ui/Notice.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { AddedSentence, type ImportRun } from './added-sentence.tsx';
import { BadgeFacts, ExternalLink } from './BadgeFacts.tsx';
import { needsHostAccess } from './check-text.ts';
import { VerificationPanel } from './VerificationPanel.tsx';
import { UnlistedNote } from './UnlistedNote.tsx';
import { Loading } from '../ui/Loading.tsx';

export interface BadgeScreenProps {
  badgeKey: string;
  /**
   * Just imported ("Add a badge" opens the page at once, and the import's answer went with its
   * screen): the page says "Added …" under the name, and the name, which takes focus, is described
   * by it, so a screen reader reads it once with the name (not a live region as well: twice).
   */
  added?: 'new' | 'again';
  /** Held already as this backpack's synced copy (the page is that copy's). */
  heldFrom?: string | undefined;
  /** Several files added at once, this one last: how many, said with it. */
  run?: ImportRun | undefined;
  onShare(key: string): void;
  onAddresses(accountId: string): void;
  /** "Can't find a badge?": for a badge issued to an address the user has not confirmed. */
  onGuide?: () => void;
  /** After a re-verification or removal, the list's copy is stale. */
  onChanged(): void;
  onRemoved(): void;
  /** The signed-in backpacks: the one that no longer lists the badge is named by its host (UnlistedNote.tsx). */
  accounts?: readonly AccountView[] | undefined;
}

export default function BadgeScreen({ badgeKey, added, heldFrom, run, onShare, onAddresses, onGuide, onChanged, onRemoved, accounts }: BadgeScreenProps) {
  const { t, actions, locale, languages } = useEnv();
  const [detail, load] = useBadgeDetail(actions, badgeKey, t, languages ?? locale);
  const { busy, message, setMessage, recheck } = useRecheck(load, onChanged);
  // "Allow access" only when access is missing: a check that could not fetch from a host Lanyard
  // may already read means the site is down, and the offer would do nothing (seen in Chromium).
  const ready = detail.status === 'ready' ? detail.value : undefined;
  const hostKey = ready && needsHostAccess(ready.checks) ? hostTargets(ready).join(' ') : '';
  const [granted, setGranted] = useState<boolean>();
  useEffect(() => {
    setGranted(undefined);
    if (!hostKey) return;
    let live = true;
    void actions.hasHosts(hostKey.split(' ')).then((g) => live && setGranted(g));
    return () => {
      live = false;
    };
  }, [hostKey, actions]);


  if (detail.status === 'loading') return <Loading />;
  if (detail.status === 'error') return <BadgeLoadError error={detail.error} onRetry={load} onGone={onRemoved} />;
  const b = detail.value;
  const issuerUrl = safeHttpUrl(b.issuerUrl);
  const site = issuerSite(b.issuerId);

  const reverify = () => recheck(b);
  // The hosts a check may need: the issuer's profile and the badge's own hosted copy.
  const allowHost = async () => {
    const targets = hostTargets(b);
    if (targets.length && (await actions.allowHosts(targets))) {
      setGranted(true);
      await reverify();
    }
  };
  const remove = async () => {
    const r = await actions.removeBadge(b.key);
    if (r.ok) onRemoved();
    else setMessage({ kind: 'error', text: errorText(t, r.error) });
  };

  return (
    <section class="badge-screen" aria-labelledby="screen-title">
      <div class="badge-head">
        <BadgeImage src={b.image} size={72} />
        <div>
          <ScreenTitle isolate dir={b.dirs?.name} describedBy={added ? 'badge-added' : undefined}>{b.name}</ScreenTitle>
          {/* Its direction from the name, as dir=auto would: the link's own dir="auto" hides its text from the line's. */}
          {b.issuerName ? <p class="issuer" dir={b.dirs?.issuerName ?? dirOf(b.issuerName)}>{issuerUrl ? <ExternalLink href={issuerUrl} text={b.issuerName} /> : b.issuerName}</p> : null}
          {/* The name and its link are the issuer's own words; this is where the checks place it (core/share/issuer-site.ts). */}
          {site ? <p class="issuer-site" dir="ltr">{t('badgeIssuerSite', site)}</p> : null}
        </div>
      </div>
      {added ? (
        <Notice kind="success" id="badge-added" quiet>
          {/* Held already (the same id, link or content): checked again and kept once, so not "Added" a second time. */}
          <AddedSentence t={t} name={b.name} again={added === 'again'} heldFrom={heldFrom} run={run} />
        </Notice>
      ) : null}
      <UnlistedNote badge={b} accounts={accounts} />
      <div class="button-row">
        <button type="button" class="button primary" onClick={() => onShare(b.key)}>
          <Icon name="share" size={16} />
          {t('share')}
        </button>
        {/* A synced badge its backpack no longer lists can go too: no sync brings it back (unless the backpack lists it again). */}
        {b.accountId === 'local' || b.unlisted ? (
          <ConfirmButton label={t('removeBadge')} question={t('removeConfirm')} confirmLabel={t('remove')} onConfirm={remove} />
        ) : null}
      </div>
      {/* A live region that is there before the answer (one added with its text is often not read). */}
      <div aria-live="polite">{message ? <Notice kind={message.kind}>{message.text}</Notice> : null}</div>
      <VerificationPanel badge={b} onReverify={reverify} reverifying={busy} onAllowHost={hostKey && granted === false ? allowHost : undefined} />
      <BadgeFacts badge={b} onAddresses={b.pending ? () => onAddresses(b.accountId) : undefined} onGuide={onGuide && notYours(b) ? onGuide : undefined} />
    </section>
  );
}

/** Issued to an address of the account that is not confirmed, or to an address that is none of the user's. */
const notYours = (b: BadgeDetail): boolean => b.pending || b.checks.some((c) => c.id === 'recipient' && c.outcome === 'fail');

/** The hosts a check may need: the issuer's profile and the badge's own hosted copy. */
const hostTargets = (b: BadgeDetail) => [b.issuerId, b.issuerUrl, b.publicUrl].filter((u): u is string => !!safeHttpUrl(u));
