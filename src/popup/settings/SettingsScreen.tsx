/** Settings: verify-on-hover (site by site: HoverSitePanel), sync interval, trusted backpacks' addresses, LinkedIn organization ids, backup. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView, Settings } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { errorText } from '../errors.ts';
import { Loading } from '../ui/Loading.tsx';
import { Notice } from '../ui/Notice.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { BackupPanel } from './BackupPanel.tsx';
import { HoverSitePanel } from './HoverSitePanel.tsx';
import { OrgIdsEditor } from './OrgIdsEditor.tsx';
import { TrustPanel } from './TrustPanel.tsx';

const INTERVALS = [15, 30, 60, 180, 360, 720, 1440];

type Where = 'hover' | 'sync' | 'trust' | 'orgids';
type Note = { kind: 'error' | 'success'; text: string };

export interface SettingsScreenProps {
  settings: Settings | undefined;
  issuers: readonly string[];
  /** The signed-in accounts, for the trust switches. */
  accounts?: readonly AccountView[];
  /** Settings changed or a backup was imported: reload state (and the list). */
  onChanged(): void;
  /** Open straight at the LinkedIn section (from the share screen). */
  focusOrgIds?: boolean;
  /** The issuer whose company page is to be set (from a badge's share screen). */
  orgIdsIssuer?: string;
  /** Open at the backup section, focus on its heading (from the welcome's "Restore from a Lanyard backup file"). */
  focusBackup?: boolean;
  /** The state's first reply is not in yet (a resumed popup, or the tab "Import backup…" opens): wait, not "unavailable". */
  loading?: boolean;
  /** Settings could not be read: ask for the state again. */
  onRetry?(): void;
}

export default function SettingsScreen({ settings, issuers, accounts = [], onChanged, focusOrgIds, orgIdsIssuer, focusBackup, loading, onRetry }: SettingsScreenProps) {
  const { t, actions } = useEnv();
  // What a save answered, else what the state says: Settings can open before the state's first
  // reply, and then shows the settings when they arrive rather than "unavailable" for good.
  const [saved, setCurrent] = useState<Settings>();
  const current = saved ?? settings;
  // What a change did shows under the section it was made in (a note at the top was out of view
  // for the sections further down), in that section's live region, scrolled into view.
  const [note, setNote] = useState<Note & { where: Where }>();
  const root = useRef<HTMLElement>(null);
  useEffect(() => {
    if (note) root.current?.querySelector('.notice')?.scrollIntoView?.({ block: 'nearest' });
  }, [note]);
  const noteFor = (where: Where) => <div aria-live="polite">{note?.where === where ? <Notice kind={note.kind}>{note.text}</Notice> : null}</div>;
  const noteAt = (where: Where) => (n: Note) => setNote({ ...n, where });
  if (!current) return loading ? <Loading /> : <ErrorState onRetry={onRetry} />;

  const done = (where: Where, r: Awaited<ReturnType<typeof actions.saveSettings>>, success: string) => {
    if (r.ok) {
      setCurrent(r.value);
      onChanged();
    }
    setNote(r.ok ? { kind: 'success', text: success, where } : { kind: 'error', text: errorText(t, r.error), where });
  };

  return (
    <section class="settings-screen" aria-labelledby="screen-title" ref={root}>
      <ScreenTitle focus={!focusOrgIds && !focusBackup}>{t('settingsTitle')}</ScreenTitle>

      <HoverSitePanel
        settings={current}
        onSaved={(next, n) => {
          if (next) {
            setCurrent(next);
            onChanged();
          }
          noteAt('hover')(n);
        }}
      />
      {noteFor('hover')}

      <section class="panel" aria-labelledby="sync-title">
        <h3 id="sync-title">{t('syncTitle')}</h3>
        <label class="field">
          <span>{t('syncInterval')}</span>
          <select value={String(current.syncIntervalMinutes)} onChange={async (e) => done('sync', await actions.saveSettings({ syncIntervalMinutes: Number(e.currentTarget.value) }), t('settingsSaved'))}>
            {INTERVALS.map((m) => (
              <option key={m} value={String(m)}>
                {m < 60 ? t('everyMinutes', m) : m === 60 ? t('everyHour') : m < 1440 ? t('everyHours', m / 60) : t('everyDay')}
              </option>
            ))}
          </select>
        </label>
        {noteFor('sync')}
      </section>

      <TrustPanel accounts={accounts} onChanged={onChanged} onNote={noteAt('trust')} />
      {noteFor('trust')}
      <OrgIdsEditor value={current.linkedInOrgIds} issuers={issuers} focus={focusOrgIds} issuer={orgIdsIssuer} onSave={async (map) => done('orgids', await actions.saveSettings({ linkedInOrgIds: map }), t('settingsSaved'))} />
      {noteFor('orgids')}
      <BackupPanel onImported={onChanged} focus={focusBackup} />
    </section>
  );
}

/** Under the screen's own heading, which takes focus as any screen's does, and with a way to try again. */
function ErrorState({ onRetry }: { onRetry?: () => void }) {
  const { t } = useEnv();
  return (
    <section class="settings-screen" aria-labelledby="screen-title">
      <ScreenTitle>{t('settingsTitle')}</ScreenTitle>
      <Notice kind="error">{t('settingsUnavailable')}</Notice>
      {onRetry ? (
        <button type="button" class="button" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </section>
  );
}
