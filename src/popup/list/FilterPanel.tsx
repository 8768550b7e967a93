/**
 * The filters: account, issuer, verdict, the address a badge was issued to, tag, and expiry.
 * Escape closes them (the toolbar's Filters button gets focus back); "Clear filters" goes once
 * none is on, so focus moves to the first filter rather than the page (WCAG 2.4.3).
 */
import { useRef } from 'preact/hooks';
import type { AccountView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import type { MessageKey } from '../i18n.ts';
import { useFocusRescue } from '../ui/focus-rescue.ts';
import { isolated } from '../ui/Sentence.tsx';
import { activeFilters, EMPTY_QUERY, NO_ADDRESS, type Facets, type ListQuery } from './filter.ts';

interface Props {
  query: ListQuery;
  onQuery(q: ListQuery): void;
  facets: Facets;
  accounts: readonly AccountView[];
  /** Escape: close the panel. */
  onClose?(): void;
}

export function FilterPanel({ query, onQuery, facets, accounts, onClose }: Props) {
  const { t } = useEnv();
  const ref = useRef<HTMLFieldSetElement>(null);
  const rescue = useFocusRescue(() => ref.current?.querySelector('select'));
  const set = <K extends keyof ListQuery>(key: K) => (e: Event) => onQuery({ ...query, [key]: (e.currentTarget as HTMLSelectElement).value });
  const accountName = (id: string) => {
    const a = accounts.find((x) => x.id === id);
    return a ? (a.user ? `${a.providerName} · ${a.user}` : a.providerName) : id;
  };
  const verdicts: [string, MessageKey][] = [['valid', 'verdictValidShort'], ['invalid', 'verdictInvalidShort'], ['indeterminate', 'verdictIndeterminateShort'], ['unverified', 'verdictUnverifiedShort'], ['pending', 'chipPending']];
  return (
    <fieldset
      id="filters"
      class="filters"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !onClose) return;
        e.preventDefault();
        onClose();
      }}
    >
      <legend class="visually-hidden">{t('filtersButton')}</legend>
      <Select label={t('filterAccount')} value={query.account} onChange={set('account')} any={t('filterAny')} options={facets.accounts.map((id) => [id, accountName(id)])} />
      <Select label={t('filterIssuer')} value={query.issuer} onChange={set('issuer')} any={t('filterAny')} options={facets.issuers.map((i) => [i.key, i.label])} />
      <Select label={t('filterVerdict')} value={query.verdict} onChange={set('verdict')} any={t('filterAny')} options={verdicts.map(([v, k]) => [v, t(k)])} />
      <Select label={t('filterAddress')} value={query.address} onChange={set('address')} any={t('filterAny')} options={[...facets.addresses.map((v): [string, string] => [v, isolated(v)]), [NO_ADDRESS, t('filterNoAddress')]]} />
      <Select label={t('filterTag')} value={query.tag} onChange={set('tag')} any={t('filterAny')} options={facets.tags.map((v) => [v, isolated(v)])} />
      <Select label={t('filterExpired')} value={query.expired} onChange={set('expired')} options={[['any', t('filterExpiredAny')], ['hide', t('filterExpiredHide')], ['only', t('filterExpiredOnly')]]} />
      {activeFilters(query) ? (
        <button type="button" class="link-button" onClick={() => {
            rescue();
            onQuery({ ...EMPTY_QUERY, text: query.text, sort: query.sort });
          }}>
          {t('filtersClear')}
        </button>
      ) : null}
    </fieldset>
  );
}

function Select({ label, value, onChange, options, any }: { label: string; value: string; onChange(e: Event): void; options: [string, string][]; any?: string }) {
  return (
    <label class="field-inline">
      <span>{label}</span>
      <select value={value} onChange={onChange}>
        {any !== undefined ? <option value="">{any}</option> : null}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
