/** "Add a badge" from the header: the import panel, staying on screen to import several. */
import type { ImportedView } from '../../messaging/protocol.ts';
import type { ImportRun } from '../badge/added-sentence.tsx';
import { useEnv } from '../env.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { ImportPanel } from './ImportPanel.tsx';

/** `onImported`: reload, and open the badge's page, which says it was added (or held already). */
export default function ImportScreen({ onImported }: { onImported(b: ImportedView, stay?: boolean, run?: ImportRun): void }) {
  const { t } = useEnv();
  return (
    <section class="import-screen" aria-labelledby="screen-title">
      <ScreenTitle>{t('importTitle')}</ScreenTitle>
      <p>{t('importText')}</p>
      <ImportPanel onImported={onImported} />
    </section>
  );
}
