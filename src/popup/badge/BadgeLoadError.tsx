/**
 * A badge page or share screen whose badge could not be loaded. A badge that is no longer there
 * (removed in another window, by a sync, or since the popup last closed on its page: resume.ts)
 * offers the way back to the list: "Try again" would only answer "not found" again.
 */
import type { ReplyError } from '../../messaging/protocol.ts';
import { useEnv } from '../env.ts';
import { ErrorState } from '../ui/ErrorState.tsx';

export function BadgeLoadError({ error, onRetry, onGone }: { error: ReplyError; onRetry(): void; onGone?: () => void }) {
  const { t } = useEnv();
  const gone = error.code === 'ERR_NOT_FOUND' && onGone ? { label: t('backToBadges'), run: onGone } : undefined;
  return <ErrorState title={t('badgeErrorTitle')} error={error} onRetry={onRetry} action={gone} />;
}
