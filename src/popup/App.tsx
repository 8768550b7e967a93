/**
 * The popup's shell: a header, the badge list (or its empty state) and a footer that shows
 * whether the background answers. A view over `data` and `actions`; no browser.* here.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PopupActions } from './actions.ts';

export interface BadgeListItem {
  id: string;
  name: string;
  issuer: string;
}

export interface AppData {
  badges: readonly BadgeListItem[];
}

type Status = { state: 'waiting' } | { state: 'up'; version: string } | { state: 'down'; message: string };

export function App({ data, actions }: { data: AppData; actions: PopupActions }) {
  const [status, setStatus] = useState<Status>({ state: 'waiting' });

  useEffect(() => {
    let live = true;
    void actions.ping().then((reply) => {
      if (!live) return;
      setStatus(reply.ok ? { state: 'up', version: reply.value.version } : { state: 'down', message: reply.error.message });
    });
    return () => {
      live = false;
    };
  }, [actions]);

  return (
    <div class="shell">
      <header class="bar">
        <h1>Lanyard</h1>
      </header>
      <main class="content" aria-labelledby="badges-title">
        <h2 id="badges-title" class="visually-hidden">Your badges</h2>
        {data.badges.length === 0 ? <EmptyState /> : <BadgeList badges={data.badges} />}
      </main>
      <footer class="foot" role="contentinfo">
        <p aria-live="polite">{statusText(status)}</p>
      </footer>
    </div>
  );
}

function EmptyState() {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <svg class="empty-art" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
        <path d="M18 2 L28 26 M46 2 L36 26" />
        <circle cx="32" cy="40" r="16" />
        <path d="M25 40 l5 5 l10 -10" />
      </svg>
      <h3 id="empty-title">No badges yet</h3>
      <p>Import a badge file or connect a backpack, and your verified Open Badges will appear here.</p>
    </section>
  );
}

function BadgeList({ badges }: { badges: readonly BadgeListItem[] }) {
  return (
    <ul class="badges">
      {badges.map((b) => (
        <li key={b.id}>
          <span class="badge-name">{b.name}</span>
          <span class="badge-issuer">{b.issuer}</span>
        </li>
      ))}
    </ul>
  );
}

function statusText(status: Status): string {
  switch (status.state) {
    case 'waiting':
      return 'Connecting…';
    case 'up':
      return `Lanyard ${status.version}`;
    case 'down':
      return `Background not responding: ${status.message}`;
  }
}
