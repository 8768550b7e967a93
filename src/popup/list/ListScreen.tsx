/**
 * The home screen: toolbar, filters and the virtual list, or the loading skeleton, the empty
 * state, the error state, or "nothing matches".
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AccountView, BadgeView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import type { Loadable } from '../use-popup-data.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { useFocusRescue } from '../ui/focus-rescue.ts';
import { BadgeList } from './BadgeList.tsx';
import { useCountAnnouncement } from './count-announce.ts';
import { EmptyState } from './EmptyState.tsx';
import { facetsOf, indexBadges, sortIndex, EMPTY_QUERY, type ListQuery } from './filter.ts';
import { FilterPanel } from './FilterPanel.tsx';
import { ListToolbar } from './ListToolbar.tsx';
import { searchOver } from './search-memo.ts';

export interface ListScreenProps {
  badges: Loadable<BadgeView[]>;
  /** Only the first screen of badges is here yet; `expected` is how many there are. */
  partial?: boolean;
  accounts: readonly AccountView[];
  /** A backpack is being synced (an empty list is then "not yet", not "none"). */
  syncing?: boolean;
  /** How many badges the cache holds (from the state), for the skeleton. */
  expected: number;
  query: ListQuery;
  onQuery(q: ListQuery): void;
  active: number;
  onActive(i: number): void;
  onOpen(b: BadgeView): void;
  onImport(): void;
  onConnect(): void;
  /** "Can't find a badge?" */
  onGuide(): void;
  onRetry(): void;
  listRef: { current: HTMLDivElement | null };
}

export function ListScreen(p: ListScreenProps) {
  const { t, locale, now } = useEnv();
  const [filtersOpen, setFiltersOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const filtersRef = useRef<HTMLButtonElement>(null);
  // "Show all badges" goes with "nothing matches": focus moves to the list that replaces it (WCAG 2.4.3).
  const rescue = useFocusRescue(() => p.listRef.current);
  // The list held focus and went, its last match removed (from the badge page, focus back on the list
  // before the reload): "nothing matches" has no list, and focus fell to the body. It goes to the search box.
  const listHadFocus = useRef(false);
  useEffect(() => {
    const active = document.activeElement;
    if (listHadFocus.current && !p.listRef.current && (!active || active === document.body || !active.isConnected)) searchRef.current?.focus();
    listHadFocus.current = !!p.listRef.current && document.activeElement === p.listRef.current;
  });
  const all = p.badges.status === 'ready' ? p.badges.value : [];
  const index = useMemo(() => indexBadges(all, now()), [all, now]);
  const sorted = useMemo(() => sortIndex(index, p.query.sort, locale), [index, p.query.sort, locale]);
  // A keystroke's search filters the answer to the query before it where it can (search-memo.ts).
  const search = useMemo(() => searchOver(sorted), [sorted]);
  const shown = useMemo(() => search(p.query), [search, p.query]);
  const facets = useMemo(() => facetsOf(all, locale), [all, locale]);
  const loading = p.badges.status === 'loading';
  const total = p.partial ? Math.max(p.expected, all.length) : all.length;
  // While the rest loads, a search or filter would count only the first screen: say it is loading instead.
  const counting = loading || (p.partial && queryKey(p.query) !== queryKey({ ...EMPTY_QUERY, sort: p.query.sort }));
  const count = counting ? t('listLoading') : shown.length === all.length ? t('listCountAll', total) : t('listCountSome', shown.length, total);
  const saidCount = useCountAnnouncement(count, queryKey(p.query));

  if (p.badges.status === 'error') return <ErrorState title={t('listErrorTitle')} error={p.badges.error} onRetry={p.onRetry} />;
  if (p.badges.status === 'ready' && all.length === 0) return <EmptyState onImport={p.onImport} onConnect={p.onConnect} onGuide={p.onGuide} syncing={p.syncing} accounts={p.accounts} />;
  return (
    <section class="list-screen" aria-labelledby="list-title">
      <h2 id="list-title" class="visually-hidden">{t('listTitle')}</h2>
      <ListToolbar
        query={p.query}
        onQuery={(q) => {
          p.onQuery(q);
          p.onActive(0);
        }}
        filtersOpen={filtersOpen}
        onToggleFilters={() => setFiltersOpen(!filtersOpen)}
        searchRef={searchRef}
        filtersRef={filtersRef}
        onEnterList={() => p.listRef.current?.focus()}
      />
      {filtersOpen ? <FilterPanel
          query={p.query}
          onQuery={p.onQuery}
          facets={facets}
          accounts={p.accounts}
          onClose={() => {
            setFiltersOpen(false);
            filtersRef.current?.focus();
          }}
        /> : null}
      <p class="list-count">{count}</p>
      {/* The count as typing pauses, once (count-announce.ts): the one above changes with every key. */}
      <p class="visually-hidden" role="status" data-testid="count-announce">
        {saidCount}
      </p>
      {loading ? (
        <Skeleton rows={Math.min(8, Math.max(3, p.expected))} />
      ) : shown.length === 0 ? (
        <div class="no-match">
          <p>{t('listNoMatch')}</p>
          <button type="button" class="button" onClick={() => {
              rescue();
              p.onQuery({ ...EMPTY_QUERY, sort: p.query.sort });
            }}>
            {t('filtersClearAll')}
          </button>
        </div>
      ) : (
        <BadgeList items={shown} active={p.active} onActive={p.onActive} onOpen={p.onOpen} label={t('listTitle')} onExitTop={() => searchRef.current?.focus()} listRef={p.listRef} scrollKey={queryKey(p.query)} />
      )}
    </section>
  );
}

const queryKey = (q: ListQuery) => [q.text, q.account, q.issuer, q.verdict, q.address, q.tag, q.expired, q.sort].join('\u0001');

function Skeleton({ rows }: { rows: number }) {
  return (
    <div class="skeleton" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} class="skeleton-row">
          <span class="skeleton-img" />
          <span class="skeleton-lines">
            <span />
            <span />
          </span>
        </div>
      ))}
    </div>
  );
}
