/** One badge's detail, loaded through the actions; `reload` fetches it again (after re-verify, or on retry). */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { BadgeDetail } from '../../messaging/views.ts';
import type { PopupActions } from '../actions.ts';
import { detailForDisplay } from '../display.ts';
import type { Loadable } from '../use-popup-data.ts';
import type { Translate } from '../i18n.ts';

export function useBadgeDetail(actions: PopupActions, badgeKey: string, t: Translate, languages?: string | readonly string[]): [Loadable<BadgeDetail>, () => Promise<Loadable<BadgeDetail>>] {
  const [detail, setDetail] = useState<Loadable<BadgeDetail>>({ status: 'loading' });
  const load = useCallback(async () => {
    const r = await actions.getBadge(badgeKey);
    let next: Loadable<BadgeDetail>;
    try {
      next = r.ok ? { status: 'ready', value: detailForDisplay(r.value, t, languages) } : { status: 'error', error: r.error };
    } catch (e) {
      // A detail that cannot even be read for display (a field of the wrong type) is an error, not a blank screen.
      next = { status: 'error', error: { code: 'ERR_INTERNAL', message: e instanceof Error ? e.message : String(e) } };
    }
    setDetail(next);
    return next;
  }, [actions, badgeKey, t, languages]);
  useEffect(() => void load(), [load]);
  return [detail, load];
}
