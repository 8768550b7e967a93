/** Search box, the sort order and the filters toggle (with how many are on). */
import type { Ref } from 'preact';
import { useEnv } from '../env.ts';
import type { MessageKey } from '../i18n.ts';
import { Icon } from '../ui/Icon.tsx';
import { activeFilters, type ListQuery, type SortOrder } from './filter.ts';

const SORTS: { value: SortOrder; label: MessageKey }[] = [
  { value: 'newest', label: 'sortNewest' },
  { value: 'oldest', label: 'sortOldest' },
  { value: 'name', label: 'sortName' },
  { value: 'issuer', label: 'sortIssuer' },
];

export interface ListToolbarProps {
  query: ListQuery;
  onQuery(q: ListQuery): void;
  filtersOpen: boolean;
  onToggleFilters(): void;
  searchRef: Ref<HTMLInputElement>;
  /** The Filters button, which gets focus back when the panel closes with Escape. */
  filtersRef?: Ref<HTMLButtonElement>;
  /** ArrowDown in the search box moves into the list. */
  onEnterList(): void;
}

export function ListToolbar({ query, onQuery, filtersOpen, onToggleFilters, searchRef, filtersRef, onEnterList }: ListToolbarProps) {
  const { t } = useEnv();
  const n = activeFilters(query);
  return (
    <div class="toolbar" role="search">
      <label class="search">
        <Icon name="search" size={16} />
        <span class="visually-hidden">{t('searchLabel')}</span>
        <input
          ref={searchRef}
          type="search"
          value={query.text}
          placeholder={t('searchPlaceholder')}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => onQuery({ ...query, text: (e.currentTarget as HTMLInputElement).value })}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              onEnterList();
            }
          }}
        />
      </label>
      {/* The sort order before the Filters button, so that the panel the button opens (rendered
          after the toolbar) is the next Tab stop after it. */}
      <label class="sort">
        <span class="visually-hidden">{t('sortLabel')}</span>
        <select value={query.sort} onChange={(e) => onQuery({ ...query, sort: (e.currentTarget as HTMLSelectElement).value as SortOrder })}>
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {t(s.label)}
            </option>
          ))}
        </select>
      </label>
      <button
        ref={filtersRef}
        type="button"
        class={`icon-button${n ? ' on' : ''}`}
        aria-expanded={filtersOpen}
        // A disclosure (WAI-ARIA APG): aria-controls names the panel while it is there (shut, it is not rendered).
        aria-controls={filtersOpen ? 'filters' : undefined}
        onClick={onToggleFilters}
        onKeyDown={(e) => {
          // Escape closes the open panel from its button too (WAI-ARIA APG disclosure: the panel is the button's).
          if (e.key === 'Escape' && filtersOpen) {
            e.preventDefault();
            e.stopPropagation();
            onToggleFilters();
          }
        }}
        title={t('filtersButton')}
      >
        <Icon name="filter" size={16} />
        {/* The name says how many filters are on; aria-label on a plain span is not announced
            (ARIA 1.2: naming is prohibited on generic), so the count is shown and hidden from
            assistive technology, and spelled out in the button's name. */}
        <span class="visually-hidden">{n ? t('filtersActive', n) : t('filtersButton')}</span>
        {n ? <span class="count" aria-hidden="true">{n}</span> : null}
      </button>
    </div>
  );
}
