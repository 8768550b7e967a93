/**
 * A whole-screen error with what happened and a retry, or another way out when a retry cannot help;
 * the reply's own reason, when it says more, under a Details (ErrorDetails.tsx).
 */
import type { ReplyError } from '../../messaging/protocol.ts';
import { useEnv } from '../env.ts';
import { errorDetail, errorText } from '../errors.ts';
import { ErrorDetails } from './ErrorDetails.tsx';
import { Icon } from './Icon.tsx';
import { ScreenTitle } from './ScreenTitle.tsx';

export function ErrorState({ title, error, onRetry, action }: { title: string; error: ReplyError; onRetry?: () => void; action?: { label: string; run(): void } | undefined }) {
  const { t } = useEnv();
  const detail = errorDetail(t, error);
  return (
    <section class="error-state" role="alert" aria-labelledby="error-title">
      <Icon name="warning" size={32} />
      {/* Focused as the screen it replaces would have focused its own title: the list's search, a badge's
          name (WCAG 2.4.3); it left focus on the page's body, or on a row that was gone. */}
      <ScreenTitle id="error-title">{title}</ScreenTitle>
      <p>{errorText(t, error)}</p>
      {detail ? <ErrorDetails detail={detail} /> : null}
      {action ? (
        <button type="button" class="button primary" onClick={action.run}>
          {action.label}
        </button>
      ) : onRetry ? (
        <button type="button" class="button primary" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </section>
  );
}
