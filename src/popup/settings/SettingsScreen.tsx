/** Settings: verify-on-hover (site by site: HoverSitePanel), sync interval, trusted backpacks' addresses, LinkedIn organization ids, backup. */
import { useState } from 'preact/hooks';
import type { AccountView, Settings } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { errorText } from '../errors.ts';
import { Notice } from '../ui/Notice.tsx';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { BackupPanel } from './BackupPanel.tsx';
import { HoverSitePanel } from './HoverSitePanel.tsx';
import { OrgIdsEditor } from './OrgIdsEditor.tsx';
import { TrustPanel } from './TrustPanel.tsx';

const INTERVALS = [15, 30, 60, 180, 360, 720, 1440];

export interface SettingsScreenProps {
  settings: Settings | undefined;
  issuers: readonly string[];
  /** The signed-in accounts, for the trust switches. */
  accounts?: readonly AccountView[];
  /** Settings changed or a backup was imported: reload state (and the list). */
  onChanged(): void;
  /** Open straight at the LinkedIn section (from the share screen). */
  focusOrgIds?: boolean;
}

export default function SettingsScreen({ settings, issuers, accounts = [], onChanged, focusOrgIds }: SettingsScreenProps) {
  const { t, actions } = useEnv();
  const [current, setCurrent] = useState<Settings | undefined>(settings);
  const [note, setNote] = useState<{ kind: 'error' | 'success'; text: string }>();
  if (!current) return <ErrorState />;

  const done = (r: Awaited<ReturnType<typeof actions.saveSettings>>, success: string) => {
    if (r.ok) {
      setCurrent(r.value);
      onChanged();
    }
    setNote(r.ok ? { kind: 'success', text: success } : { kind: 'error', text: errorText(t, r.error) });
  };

  return (
    <section class="settings-screen" aria-labelledby="screen-title">
      <ScreenTitle focus={!focusOrgIds}>{t('settingsTitle')}</ScreenTitle>
      <div aria-live="polite">{note ? <Notice kind={note.kind}>{note.text}</Notice> : null}</div>

      <HoverSitePanel
        settings={current}
        onSaved={(next, n) => {
          if (next) {
            setCurrent(next);
            onChanged();
          }
          setNote(n);
        }}
      />

      <section class="panel" aria-labelledby="sync-title">
        <h3 id="sync-title">{t('syncTitle')}</h3>
        <label class="field">
          <span>{t('syncInterval')}</span>
          <select value={String(current.syncIntervalMinutes)} onChange={async (e) => done(await actions.saveSettings({ syncIntervalMinutes: Number(e.currentTarget.value) }), t('settingsSaved'))}>
            {INTERVALS.map((m) => (
              <option key={m} value={String(m)}>
                {m < 60 ? t('everyMinutes', m) : m === 60 ? t('everyHour') : m < 1440 ? t('everyHours', m / 60) : t('everyDay')}
              </option>
            ))}
          </select>
        </label>
      </section>

      <TrustPanel accounts={accounts} onChanged={onChanged} onNote={setNote} />
      <OrgIdsEditor value={current.linkedInOrgIds} issuers={issuers} focus={focusOrgIds} onSave={async (map) => done(await actions.saveSettings({ linkedInOrgIds: map }), t('settingsSaved'))} />
      <BackupPanel onImported={onChanged} />
    </section>
  );
}

function ErrorState() {
  const { t } = useEnv();
  return <Notice kind="error">{t('settingsUnavailable')}</Notice>;
}
