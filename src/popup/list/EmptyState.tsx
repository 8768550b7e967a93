/**
 * No badges yet: what to do next (import a file, or connect a backpack). While a backpack is
 * being synced the list is empty only because nothing has arrived yet: it says so, rather than
 * asking someone who has just signed in to connect a backpack; nor, once it is synced, asking
 * someone whose backpack sent no badges to connect one.
 */
import { useLayoutEffect } from 'preact/hooks';
import { useEnv } from '../env.ts';
import type { AccountView } from '../../messaging/views.ts';
import { Sentence, slot } from '../ui/Sentence.tsx';
import { markReady } from './ready.ts';

export function EmptyState({ onImport, onConnect, onGuide, syncing = false, accounts = [] }: { onImport(): void; onConnect(): void; onGuide?: () => void; syncing?: boolean; accounts?: readonly AccountView[] }) {
  const { t } = useEnv();
  useLayoutEffect(markReady, []);
  // A backpack is connected already: "Connect a backpack" is not what to do. Synced (its last sync
  // ended well), it sent no badges for this account; not yet (or its sync failed, which the bar
  // above says), Lanyard has none from it yet.
  const backpacks = accounts.filter((a) => a.kind !== 'local');
  const synced = backpacks.filter((a) => a.sync.status !== 'error' && a.sync.lastSyncedAt);
  const title = syncing ? t('emptySyncingTitle') : synced.length ? t('emptyBackpackTitle') : t('emptyTitle');
  const text = syncing ? t('emptySyncingText') : synced.length ? <Sentence text={t('emptyBackpackText', slot(0))} words={[synced.map((a) => a.providerName)]} /> : backpacks.length ? t('emptyNotSyncedText') : t('emptyText');
  return (
    <section class="empty" aria-labelledby="empty-title">
      <svg class="empty-art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <path d="M18 2 L28 26 M46 2 L36 26" />
        <circle cx="32" cy="40" r="16" />
        <path d="M25 40 l5 5 l10 -10" />
      </svg>
      <h2 id="empty-title" tabIndex={-1}>{title}</h2>
      <p>{text}</p>
      {syncing ? null : <div class="button-row center">
        {/* Named as the screen it opens, as the header's button is. */}
        <button type="button" class="button primary" onClick={onImport}>
          {t('importTitle')}
        </button>
        {backpacks.length ? null : (
          <button type="button" class="button" onClick={onConnect}>
            {t('emptyConnect')}
          </button>
        )}
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
