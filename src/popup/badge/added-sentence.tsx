/**
 * What an import says of the badge it opened (the badge page's note, the import screen's answer):
 * added, held already (checked again, kept once), or held already as a connected backpack's synced
 * copy, which is the entry opened (src/background/services/synced-copy.ts). The backpack's name is
 * its provider's words: shown through displayText and isolated in the sentence.
 */
import { displayText } from '../../core/share/display.ts';
import type { Translate } from '../i18n.ts';
import { Sentence, slot } from '../ui/Sentence.tsx';

/** Several files added at once (each one badge), all of them: the page opened is the last one's. */
export interface ImportRun {
  added: number;
  held: number;
}

/** `run`: the files added with this one, said after it ("Badges added in all: 3."): the page said nothing of the others. */
export function AddedSentence({ t, name, again, heldFrom, run }: { t: Translate; name: string; again: boolean; heldFrom?: string | undefined; run?: ImportRun | undefined }) {
  const one = heldFrom !== undefined ? <Sentence text={t('importHeldFrom', slot(0), slot(1))} words={[name, displayText(heldFrom, 80)]} /> : <Sentence text={t(again ? 'importAgain' : 'importDone', slot(0))} words={[name]} />;
  if (!run) return one;
  const counts = [run.added ? t('importRunAdded', run.added) : '', run.held ? t('importSomeAgain', run.held) : ''].filter(Boolean);
  return (
    <>
      {one} {counts.join(' ')}
    </>
  );
}
