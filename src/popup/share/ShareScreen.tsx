/**
 * Share one badge: LinkedIn "Add to profile" and post, the public link (copy, QR code), the card
 * for e-mail (rich copy) and web pages (HTML code), a sentence, and downloads.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../messaging/views.ts';
import type { Download } from '../actions.ts';
import { useEnv } from '../env.ts';
import { errorText } from '../errors.ts';
import { useBadgeDetail } from '../badge/use-badge-detail.ts';
import { neverChecked, useRecheck } from '../badge/use-recheck.tsx';
import { offWhile } from '../ui/busy.ts';
import { useFocusRescue } from '../ui/focus-rescue.ts';
import { BadgeLoadError } from '../badge/BadgeLoadError.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Notice } from '../ui/Notice.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { Sentence, slot } from '../ui/Sentence.tsx';
import { hasPicture, previewHeight } from './preview-height.ts';
import { offersRecheck } from './recheck-offer.ts';
import { LastChecked } from '../badge/LastChecked.tsx';
import { formatAgo } from '../format.ts';
import { QrCode } from './QrCode.tsx';
import { shareContent, shareWarning } from './share-content.ts';
import { Loading } from '../ui/Loading.tsx';

type Panel = 'link' | 'embed' | 'download';

export interface ShareScreenProps {
  badgeKey: string;
  settings: Settings | undefined;
  /** To the LinkedIn company pages in settings, for this badge's issuer: its id, or its name when it has none (linkedin.ts organizationIdFor). */
  onEditOrgIds(issuer?: string): void;
  /** After a check from here, the list's copy is stale. */
  onChanged?: () => void;
  /** The badge is no longer there: back to the list (BadgeLoadError.tsx). */
  onGone?: () => void;
}

export default function ShareScreen({ badgeKey, settings, onEditOrgIds, onChanged, onGone }: ShareScreenProps) {
  const { t, actions, locale, languages, now } = useEnv();
  const [detail, load] = useBadgeDetail(actions, badgeKey, t, languages ?? locale);
  // What a copy or download did shows in the panel of the button pressed: a note at the top of
  // the screen was out of view for the buttons further down (and each panel's live region reads it).
  // `n` counts the answers: each is a new node in its live region, so the same words said again
  // (a second "Copied the link.") are announced again, not left as an unchanged text (aria-live).
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string; where: Panel; n: number }>();
  const answered = (next: { kind: 'success' | 'error'; text: string; where: Panel }) => setStatus((was) => ({ ...next, n: (was?.n ?? 0) + 1 }));
  const notes = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (status) notes.current?.querySelector('.notice')?.scrollIntoView?.({ block: 'nearest' });
  }, [status]);
  // "Verify it before you share it" offers the check right here, the badge page's own (use-recheck.tsx).
  // Not verified after it, the answer says what the warning now says: the warning itself is not read twice.
  const { busy, message, recheck } = useRecheck(load, onChanged, (after, first) => [t(first ? 'checkDone' : 'reverifyDone'), shareWarning(after, t)?.text].filter(Boolean).join(' '));
  // Verified by it, the button goes with focus: focus goes to the title.
  const rescue = useFocusRescue(() => document.getElementById('screen-title'));
  const note = (where: Panel) => (
    <div aria-live="polite">
      {status?.where === where ? (
        <Notice key={status.n} kind={status.kind}>
          {status.text}
        </Notice>
      ) : null}
    </div>
  );

  if (detail.status === 'loading') return <Loading />;
  if (detail.status === 'error') return <BadgeLoadError error={detail.error} onRetry={load} onGone={onGone} />;
  const b = detail.value;
  const c = shareContent(b, settings, t, locale);
  const warning = shareWarning(b, t);
  // Each control that hands the badge on is described by the warning: heard at the button, not only
  // as the screen opens (a status note there from the start is not announced).
  // So is what is said of the link they carry (a private network's, an id never fetched): it sat under
  // "Copy link", after it, and was not heard at LinkedIn's buttons, the card or the e-mail.
  const describedBy = [warning && 'share-warning', c.link && c.linkUnconfirmed && 'share-link-unconfirmed', c.link && c.linkPrivate && 'share-link-private'].filter(Boolean).join(' ');
  const warned = describedBy ? { 'aria-describedby': describedBy } : {};
  // A badge that did not pass verification (forged, revoked, expired: warning.ts level invalid) is not
  // pushed to LinkedIn: "Add to profile" is no longer the main button, and the panel says why. One not
  // fully checked (indeterminate) is never called forged: its warning is enough.
  const failed = warning?.kind === 'error';
  // LinkedIn is given no link (none, or one on a private network): "Add to profile" says so in its panel's words.
  const linkedInWarned = c.post && !failed ? warned : { 'aria-describedby': [describedBy, failed && 'share-linkedin-invalid', !c.post && 'share-linkedin-no-link'].filter(Boolean).join(' ') };

  const copy = async (where: Panel, what: string, text: string, html?: string) => {
    const r = await actions.copy(text, html);
    answered(r.ok ? { kind: 'success', text: t('copied', what), where } : { kind: 'error', text: errorText(t, r.error), where });
  };
  const download = async (what: Download) => {
    const r = await actions.download(b.key, what);
    // An image the backpack's link did not give (an HTTP error, not a PNG or SVG): said as that, not as
    // a badge without an image, which the screen does not offer to download (BadgeDetail `bakedImage`).
    const failed = (e: { code: string; message: string }) => (what === 'baked' && e.code === 'ERR_NO_BAKED_IMAGE' && b.bakedImage === 'link' ? t('errorBakedNotSent') : errorText(t, e));
    answered(r.ok ? { kind: 'success', text: t('downloaded', r.value.fileName), where: 'download' } : { kind: 'error', text: failed(r.error), where: 'download' });
  };

  return (
    <section class="share-screen" aria-labelledby="screen-title" ref={notes}>
      <ScreenTitle full={t('shareTitle', b.name)}>
        <Sentence text={t('shareTitle', slot(0))} words={[b.name]} />
      </ScreenTitle>
      {warning ? (
        <Notice key={b.verdict} id="share-warning" kind={warning.kind} quiet={!!message}>
          {warning.text}
        </Notice>
      ) : null}
      {offersRecheck(b, now()) ? (
        <div class="recheck-row">
          {/* How old the result is that the warning (or its absence) rests on: weeks old, or the issuer out of reach. */}
          {formatAgo(b.verifiedAt, now(), locale) ? (
            <p class="small muted">
              <LastChecked badge={b} />
            </p>
          ) : null}
          <button type="button" class="button small" onClick={() => busy || (rescue(), void recheck(b))} {...offWhile(busy)} aria-busy={busy}>
            <Icon name="refresh" size={14} />
            {busy ? t('reverifying') : neverChecked(b) ? t('checkNow') : t('reverify')}
          </button>
        </div>
      ) : null}
      {/* A live region that is there before the answer (one added with its text is often not read). */}
      <div aria-live="polite">{message ? <Notice kind={message.kind}>{message.text}</Notice> : null}</div>

      <section class="panel" aria-labelledby="linkedin-title">
        <h3 id="linkedin-title">{t('shareLinkedIn')}</h3>
        <div class="button-row">
          <a class={failed ? 'button' : 'button primary'} href={c.addToProfile} target="_blank" rel="noopener noreferrer" {...linkedInWarned}>
            {t('shareAddToProfile')}
          </a>
          {c.post ? (
            <a class="button" href={c.post} target="_blank" rel="noopener noreferrer" {...warned}>
              {t('sharePost')}
            </a>
          ) : null}
        </div>
        {failed ? <p id="share-linkedin-invalid" class="small">{t('shareLinkedInInvalid')}</p> : null}
        {/* Why there is no post and no Credential URL (core/share/linkedin.ts linkedInLink), heard at "Add to profile" too. */}
        {c.post ? null : <p id="share-linkedin-no-link" class="small muted">{t(c.linkPrivate ? 'shareLinkedInPrivate' : 'shareLinkedInNoLink')}</p>}
        <p class="small muted">
          <Sentence text={c.organizationId ? t('shareOrgLinked', slot(0), c.organizationId) : t('shareOrgByName', slot(0))} words={[b.issuerName ?? '']} />{' '}
          <button type="button" class="link-button" onClick={() => onEditOrgIds(b.issuerId ?? b.issuerName ?? undefined)}>
            {t('shareOrgEdit')}
          </button>
        </p>
      </section>

      <section class="panel" aria-labelledby="link-title">
        <h3 id="link-title">{t('shareLinkTitle')}</h3>
        {c.link ? (
          <>
            <div class="copy-field">
              <input type="text" readOnly value={c.link} aria-label={t('shareLinkTitle')} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" class="button small" onClick={() => copy('link', t('shareWhatLink'), c.link as string)} {...warned}>
                <Icon name="copy" size={14} />
                {t('copyLink')}
              </button>
            </div>
            {note('link')}
            {c.linkUnconfirmed ? <p id="share-link-unconfirmed" class="small muted">{t('shareLinkUnconfirmed')}</p> : null}
            {c.linkPrivate ? <p id="share-link-private" class="small muted">{t('shareLinkPrivate')}</p> : null}
            <div class="qr-wrap">
              <QrCode text={c.link} label={t('shareQrLabel', b.name)} tooLong={t('shareQrTooLong')} />
            </div>
          </>
        ) : (
          <p class="muted">{t('shareNoLink')}</p>
        )}
      </section>

      <section class="panel" aria-labelledby="embed-title">
        <h3 id="embed-title">{t('shareEmbedTitle')}</h3>
        {/* A picture of the card, inert: its links are dead in the sandbox and were three extra
            Tab stops; the same content is the text and HTML copied below. */}
        <iframe
          class="card-preview"
          style={{ height: `${previewHeight({ name: b.name, issuerName: b.issuerName, dates: [b.issuedOn, b.expires].filter(Boolean).length, link: !!c.link, picture: hasPicture(c.html) })}px` }}
          sandbox=""
          inert
          srcdoc={`<!doctype html><body style="margin:8px">${c.html}</body>`}
          title={t('shareCardPreview')}
        />
        <div class="button-row">
          <button type="button" class="button" onClick={() => copy('embed', t('shareWhatCard'), c.text, c.html)} {...warned}>
            <Icon name="mail" size={14} />
            {t('copyForEmail')}
          </button>
          <button type="button" class="button" onClick={() => copy('embed', t('shareWhatHtml'), c.html)} {...warned}>
            <Icon name="copy" size={14} />
            {t('copyEmbedHtml')}
          </button>
          <button type="button" class="button" onClick={() => copy('embed', t('shareWhatText'), c.text)} {...warned}>
            {t('copyText')}
          </button>
          <a class="button" href={c.mail} target="_blank" rel="noopener noreferrer" {...warned}>
            {t('sendByEmail')}
          </a>
        </div>
        {note('embed')}
        <details>
          <summary>{t('shareShowHtml')}</summary>
          <textarea class="code" readOnly rows={5} aria-label={t('shareEmbedTitle')} value={c.html} />
        </details>
      </section>

      <section class="panel" aria-labelledby="download-title">
        <h3 id="download-title">{t('shareDownloadTitle')}</h3>
        {/* Offered only when it can work: the image the badge was added as, or the backpack's link
            (fetched at the click, said beforehand). Lanyard bakes no image itself. */}
        <div class="button-row">
          {b.bakedImage ? (
            <button type="button" class="button" onClick={() => download('baked')} aria-describedby={b.bakedImage === 'link' ? 'download-baked-link' : undefined}>
              <Icon name="download" size={14} />
              {t('downloadBaked')}
            </button>
          ) : null}
          <button type="button" class="button" onClick={() => download('json')}>
            <Icon name="download" size={14} />
            {t('downloadJson')}
          </button>
        </div>
        {b.bakedImage === 'link' ? <p id="download-baked-link" class="small muted">{t('downloadBakedLink')}</p> : null}
        {b.bakedImage ? null : <p class="small muted">{t('downloadNoBaked')}</p>}
        {note('download')}
      </section>
    </section>
  );
}
