/** A whole-screen error with what happened and a retry, or another way out when a retry cannot help. */
import { useEnv } from '../env.ts';
import { Icon } from './Icon.tsx';

export function ErrorState({ title, message, onRetry, action }: { title: string; message: string; onRetry?: () => void; action?: { label: string; run(): void } }) {
  const { t } = useEnv();
  return (
    <section class="error-state" role="alert" aria-labelledby="error-title">
      <Icon name="warning" size={32} />
      <h2 id="error-title">{title}</h2>
      <p>{message}</p>
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
