/**
 * A form's draft (src/popup/drafts.ts): what was typed in it before the popup last closed, read once
 * as the form opens, then kept at each keystroke and cleared once the form succeeded.
 */
import { useState } from 'preact/hooks';
import type { DraftFields, DraftForm } from '../drafts.ts';
import { useEnv } from '../env.ts';

export function useDraft<F extends DraftForm>(form: F) {
  const { drafts } = useEnv();
  const [initial] = useState(() => drafts?.get(form));
  return {
    /** The draft the form opened with, if one was kept. */
    initial,
    keep: (fields: DraftFields<F>) => drafts?.set(form, fields),
    clear: () => drafts?.set(form, undefined),
  };
}
