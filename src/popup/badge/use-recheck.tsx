/**
 * Checking one badge now: the badge page's "Check again" (or "Check now", for a badge Lanyard has
 * never checked) and the share screen's offer to check a badge before sharing it run this one
 * action, and say what it did in the same words.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { BadgeDetail } from '../../messaging/views.ts';
import { displayText } from '../../core/share/display.ts';
import { siteEnd } from '../../core/share/issuer-site.ts';
import { useEnv } from '../env.ts';
import { errorText } from '../errors.ts';
import type { Loadable } from '../use-popup-data.ts';
import { isOffline } from '../ui/online.ts';
import { Sentence, slot } from '../ui/Sentence.tsx';

export interface RecheckMessage {
  kind: 'error' | 'info' | 'success';
  text: ComponentChildren;
}

/** Never checked (a badge a backpack sent that Lanyard has not verified yet): "Check now", "Checked.", not "again". */
export const neverChecked = (b: Pick<BadgeDetail, 'verifiedAt'>): boolean => !b.verifiedAt;

/**
 * `load`: reads the badge again after the check. `notValid`: what to say when the badge is not
 * verified after the check (default: the result is below, on the badge page).
 */
export function useRecheck(load: () => Promise<Loadable<BadgeDetail>>, onChanged?: () => void, notValid?: (after: BadgeDetail, first: boolean) => string) {
  const { t, actions } = useEnv();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<RecheckMessage>();
  const recheck = async (b: BadgeDetail) => {
    // Offline, a check could only fail to reach the issuer and replace a settled result with "not
    // fully verified": the badge keeps its last result and the user is told why nothing happened.
    if (isOffline()) {
      setMessage({ kind: 'info', text: t('reverifyOffline') });
      return;
    }
    // The last answer goes while the check runs: the same words again would change nothing in
    // the live region, and a screen reader would say nothing the second time.
    setMessage(undefined);
    setBusy(true);
    const first = neverChecked(b);
    const r = await actions.verify(b.key);
    const after = await load();
    setBusy(false);
    // A green "Checked again." only for a badge that is verified now: after a check that could not
    // reach the issuer (offline) it announced success over a verdict that had just dropped.
    const ready = after.status === 'ready' ? after.value : undefined;
    // Nor after a check that could not reach the issuer and kept the last complete result (a new `unreachable`).
    const unreached = ready?.unreachable && ready.unreachable.at !== b.unreachable?.at ? ready.unreachable.hosts : undefined;
    setMessage(
      !r.ok ? { kind: 'error', text: errorText(t, r.error) }
      : unreached ? { kind: 'info', text: <Sentence text={t('reverifyUnreachable', slot(0))} words={[unreached.map((host) => siteEnd(displayText(host, 300)))]} /> }
      : ready?.verdict === 'valid' ? { kind: 'success', text: t(first ? 'checkDone' : 'reverifyDone') }
      : { kind: 'info', text: ready && notValid ? notValid(ready, first) : t(first ? 'checkDoneNotValid' : 'reverifyDoneNotValid') },
    );
    onChanged?.();
  };
  return { busy, message, setMessage, recheck };
}
