/** A whole-screen error with what happened and a retry. */
import { useEnv } from '../env.ts';
import { Icon } from './Icon.tsx';

export function ErrorState({ title, message, onRetry }: { title: string; message: string; onRetry?: () => void }) {
  const { t } = useEnv();
  return (
    <section class="error-state" role="alert" aria-labelledby="error-title">
      <Icon name="warning" size={32} />
      <h2 id="error-title">{title}</h2>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" class="button primary" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </section>
  );
}
