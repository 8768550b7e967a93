/**
 * No badges yet: what to do next (import a file, or connect a backpack). While a backpack is
 * being synced the list is empty only because nothing has arrived yet: it says so, rather than
 * asking someone who has just signed in to connect a backpack.
 */
import { useLayoutEffect } from 'preact/hooks';
import { useEnv } from '../env.ts';
import { markReady } from './ready.ts';

export function EmptyState({ onImport, onConnect, onGuide, syncing = false }: { onImport(): void; onConnect(): void; onGuide?: () => void; syncing?: boolean }) {
  const { t } = useEnv();
  useLayoutEffect(markReady, []);
  return (
    <section class="empty" aria-labelledby="empty-title">
      <svg class="empty-art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <path d="M18 2 L28 26 M46 2 L36 26" />
        <circle cx="32" cy="40" r="16" />
        <path d="M25 40 l5 5 l10 -10" />
      </svg>
      <h2 id="empty-title" tabIndex={-1}>{syncing ? t('emptySyncingTitle') : t('emptyTitle')}</h2>
      <p>{syncing ? t('emptySyncingText') : t('emptyText')}</p>
      {syncing ? null : <div class="button-row center">
        <button type="button" class="button primary" onClick={onImport}>
          {t('emptyImport')}
        </button>
        <button type="button" class="button" onClick={onConnect}>
          {t('emptyConnect')}
        </button>
      </div>}
      {onGuide && !syncing ? (
        <p>
          <button type="button" class="link-button" onClick={onGuide}>
            {t('emptyGuide')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
