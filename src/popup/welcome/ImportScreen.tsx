/** "Add a badge" from the header: the import panel, staying on screen to import several. */
import type { ImportedView } from '../../messaging/protocol.ts';
import { useEnv } from '../env.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { ImportPanel } from './ImportPanel.tsx';

export default function ImportScreen({ onImported, onOpen }: { onImported(): void; onOpen(b: ImportedView): void }) {
  const { t } = useEnv();
  return (
    <section class="import-screen" aria-labelledby="screen-title">
      <ScreenTitle>{t('importTitle')}</ScreenTitle>
      <p>{t('importText')}</p>
      <ImportPanel
        onImported={(b) => {
          onImported();
          onOpen(b);
        }}
      />
    </section>
  );
}
