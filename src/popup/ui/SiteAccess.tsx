/**
 * The sites Lanyard's buttons run on (the manifest's host_permissions) when some are not granted:
 * Firefox's about:addons and extensions panel, and Chromium's site access, let the user take them
 * back, and the content scripts then never run there (MDN manifest.json/host_permissions,
 * "Requested permissions and user prompts"). Checked each time the popup opens; "Allow access"
 * asks for them again (actions.allowSites, straight from the click).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useEnv } from '../env.ts';
import { afterPaint } from '../use-popup-data.ts';
import { Notice } from './Notice.tsx';

/** What a user calls the site of a host_permissions pattern (https://www.linkedin.com/* → LinkedIn). */
export function siteName(pattern: string): string {
  const host = /^[a-z*]+:\/\/([^/]+)/.exec(pattern)?.[1] ?? pattern;
  if (host === 'www.linkedin.com') return 'LinkedIn';
  if (host === 'mail.google.com') return 'Gmail';
  if (host.startsWith('outlook.')) return 'Outlook';
  return host;
}

export function SiteAccess() {
  const { actions, t, locale } = useEnv();
  const [missing, setMissing] = useState<string[]>([]);
  // `focus`: "Allow access" had focus and goes with the grant: the answer takes it (WCAG 2.4.3), and is
  // then read as what has focus, not announced as a status as well.
  const [allowed, setAllowed] = useState<{ names: string; focus: boolean }>();
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (allowed?.focus) bar.current?.focus();
  }, [allowed]);
  useEffect(() => {
    let live = true;
    // After the first screen is painted: nothing here comes before the list (issue 14).
    void afterPaint()
      .then(() => (live ? actions.siteAccess?.() : undefined))
      .then((m) => live && m && setMissing(m), () => undefined);
    return () => {
      live = false;
    };
  }, [actions]);
  const names = (patterns: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format([...new Set(patterns.map(siteName))]);
  // A bar under the header, as the status bar's lines are (styles.css .site-access).
  if (allowed)
    return (
      <div class="site-access" ref={bar} tabIndex={-1}>
        <Notice kind="success" quiet={allowed.focus}>
          {t('siteAccessGranted', allowed.names)}
        </Notice>
      </div>
    );
  if (!missing.length || !actions.allowSites) return null;
  return (
    <div class="site-access">
      <Notice kind="info">
        <p>{t('siteAccessMissing', names(missing))}</p>
        <button
          type="button"
          class="button"
          onClick={async (e) => {
            const button = e.currentTarget;
            // First thing in the click: the prompt needs the user's gesture.
            if (!(await actions.allowSites!())) return;
            const still = (await actions.siteAccess?.().catch(() => missing)) ?? [];
            if (!still.length) setAllowed({ names: names(missing), focus: document.activeElement === button });
            setMissing(still);
          }}>
          {t('siteAccessAllow')}
        </button>
      </Notice>
    </div>
  );
}
