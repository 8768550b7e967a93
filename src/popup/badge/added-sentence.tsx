/**
 * What an import says of the badge it opened (the badge page's note, the import screen's answer):
 * added, held already (checked again, kept once), or held already as a connected backpack's synced
 * copy, which is the entry opened (src/background/services/synced-copy.ts). The backpack's name is
 * its provider's words: shown through displayText and isolated in the sentence.
 */
import { displayText } from '../../core/share/display.ts';
import type { Translate } from '../i18n.ts';
import { Sentence, slot } from '../ui/Sentence.tsx';

export function AddedSentence({ t, name, again, heldFrom }: { t: Translate; name: string; again: boolean; heldFrom?: string | undefined }) {
  if (heldFrom !== undefined) return <Sentence text={t('importHeldFrom', slot(0), slot(1))} words={[name, displayText(heldFrom, 80)]} />;
  return <Sentence text={t(again ? 'importAgain' : 'importDone', slot(0))} words={[name]} />;
}
