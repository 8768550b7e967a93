/**
 * Verify on hover, site by site (issue 12 point 6): the switch turns the feature on or off (off
 * takes back every site and the grants hover added); "Verify badges on this site" asks for the
 * current tab's origin only, from the click, and adds it. Never all sites.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../messaging/views.ts';
import type { HoverSitesView } from '../actions.ts';
import { useEnv } from '../env.ts';
import { errorText } from '../errors.ts';

export interface HoverSitePanelProps {
  settings: Settings;
  /** A change was saved (settings, or sites: the message to show), or failed. */
  onSaved(settings: Settings | undefined, note: { kind: 'error' | 'success'; text: string }): void;
}

export function HoverSitePanel({ settings, onSaved }: HoverSitePanelProps) {
  const { t, actions } = useEnv();
  const [view, setView] = useState<HoverSitesView>();
  const load = () => void actions.hoverSites().then((r) => r.ok && setView(r.value));
  useEffect(load, [actions]);
  const current = view?.current;
  const onHere = !!current && !!view?.sites.includes(current.pattern);

  return (
    <section class="panel" aria-labelledby="hover-title">
      <h3 id="hover-title">{t('hoverTitle')}</h3>
      <label class="switch">
        <input
          type="checkbox"
          role="switch"
          checked={settings.hoverVerify}
          onChange={async (e) => {
            const r = await actions.setHoverVerify(e.currentTarget.checked);
            onSaved(r.ok ? r.value : undefined, r.ok ? { kind: 'success', text: t('settingsSaved') } : { kind: 'error', text: errorText(t, r.error) });
            load();
          }}
        />
        <span>{t('hoverLabel')}</span>
      </label>
      <p class="small muted">{t('hoverText')}</p>
      {current ? (
        // In a row, as every other button: the count under it keeps its distance.
        <div class="button-row">
          <button
            type="button"
            class="button"
            aria-pressed={onHere}
            // Straight from the click: turning a site on asks for that one origin's permission.
            onClick={async () => {
              const r = await actions.setHoverSite(current.pattern, !onHere, current.granted);
              if (r.ok) setView({ ...view!, sites: r.value.sites, current: { ...current, granted: current.granted || !onHere } });
              onSaved(r.ok && !onHere ? { ...settings, hoverVerify: true } : undefined, r.ok ? { kind: 'success', text: t('settingsSaved') } : { kind: 'error', text: errorText(t, r.error) });
            }}
          >
            {onHere ? t('hoverSiteOff', current.host) : t('hoverSiteOn', current.host)}
          </button>
        </div>
      ) : (
        <p class="small muted">{t('hoverSiteNone')}</p>
      )}
      {view && view.sites.length > 0 ? <p class="small muted">{t('hoverSitesCount', view.sites.length)}</p> : null}
    </section>
  );
}
