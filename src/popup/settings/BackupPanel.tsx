/** Export the whole local collection to a file, and import one (each badge is re-verified on import). */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useEnv } from '../env.ts';
import { errorText } from '../errors.ts';
import { offWhile } from '../ui/busy.ts';
import { takeFiles } from '../ui/file-pick.ts';
import { Notice } from '../ui/Notice.tsx';

/** `focus`: its heading takes focus on arrival (and so comes into view), once. */
export function BackupPanel({ onImported, focus }: { onImported(): void; focus?: boolean }) {
  const { t, actions } = useEnv();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, []);
  const [note, setNote] = useState<{ kind: 'error' | 'success'; text: string }>();
  const [busy, setBusy] = useState(false);

  const exportAll = async () => {
    if (busy) return;
    setBusy(true);
    const r = await actions.exportBackup();
    setBusy(false);
    setNote(r.ok ? { kind: 'success', text: t('backupExported', r.value.fileName) } : { kind: 'error', text: errorText(t, r.error) });
  };
  const importFile = async (file: File | undefined) => {
    if (!file || busy) return;
    setBusy(true);
    const r = await actions.importBackup(await file.text());
    setBusy(false);
    setNote(r.ok ? { kind: 'success', text: t('backupImported', r.value.imported, r.value.skipped) } : { kind: 'error', text: errorText(t, r.error) });
    if (r.ok) onImported();
  };

  return (
    <section class="panel" aria-labelledby="backup-title">
      <h3 id="backup-title" ref={heading} tabIndex={-1}>
        {t('backupTitle')}
      </h3>
      <p class="small muted">{t('backupText')}</p>
      <div class="button-row">
        <button type="button" class="button" onClick={exportAll} {...offWhile(busy)}>
          {t('backupExport')}
        </button>
        {/* Firefox's panel would close at the file picker and lose the pick: Settings opens in a tab (actions.openInTab). */}
        {actions.openInTab ? (
          <button type="button" class="button" aria-describedby="backup-in-tab" onClick={() => actions.openInTab?.('settings')}>
            {t('backupImport')}
          </button>
        ) : (
          <label class="button">
            {t('backupImport')}
            <input class="visually-hidden" type="file" accept=".json,application/json" {...offWhile(busy)} onChange={(e) => void importFile(takeFiles(e.currentTarget)[0])} />
          </label>
        )}
      </div>
      {actions.openInTab ? <p class="small muted" id="backup-in-tab">{t('filesInTab')}</p> : null}
      <div aria-live="polite">{note ? <Notice kind={note.kind}>{note.text}</Notice> : null}</div>
    </section>
  );
}
