/**
 * "Details" under a refusal's fixed sentence: the engine's own reason (a ReplyError's message, e.g.
 * which check failed, "a list of 7 items"; in another language than English what it found, said in
 * that language), then a server's own words, labelled as the server's, shown on demand. It can quote
 * hostile input: it arrives through displayText (errorDetail, src/popup/errors.ts: bidi controls made
 * visible, cut) and is rendered as text, never as HTML.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useEnv } from '../env.ts';
import type { ErrorDetail } from '../errors.ts';
import { HeardToo } from './HeardToo.tsx';

/** `about`: which refusal of several (a file's name), heard after "Details". */
export function ErrorDetails({ detail, about }: { detail: ErrorDetail; about?: string | undefined }) {
  const { t } = useEnv();
  const [open, setOpen] = useState(false);
  const id = useId();
  // Under the answer, "Details" is often the popup's last line: what it opens came below the fold,
  // and pressing it seemed to do nothing. Brought into view once opened.
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (open) shown.current?.scrollIntoView?.({ block: 'nearest' });
  }, [open]);
  return (
    <div class="error-details">
      <button type="button" class="link-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {t('errorDetails')}
        {about ? <HeardToo text={about} /> : null}
      </button>
      <p id={id} ref={shown} class="small error-detail" hidden={!open}>
        {detail.text}
        {detail.text && detail.said ? <br /> : null}
        {detail.said}
      </p>
    </div>
  );
}
