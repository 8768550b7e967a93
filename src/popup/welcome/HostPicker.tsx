/** A Badgr-compatible backpack's API host: a region with its real host, or a custom one. */
import type { Ref } from 'preact';
import { useEnv } from '../env.ts';
import { normalizeBaseUrl, REGIONS, type Region } from '../hosts.ts';
import type { MessageKey } from '../i18n.ts';

const REGION_LABEL: Record<Region, MessageKey> = { us: 'regionUs', eu: 'regionEu', au: 'regionAu', ca: 'regionCa', sg: 'regionSg' };

export type HostChoice = { region: Region | 'custom'; custom: string };

/** The chosen base URL, or undefined when the custom host is not one Lanyard accepts. */
export const baseUrlOf = (hosts: Record<Region, string>, c: HostChoice): string | undefined => (c.region === 'custom' ? normalizeBaseUrl(c.custom) : hosts[c.region]);

/** The choice that shows `host`: its region when it is a known one, else a custom host. */
export function choiceFor(hosts: Record<Region, string>, host: string | undefined): HostChoice {
  const known = REGIONS.find((r) => hosts[r] === host);
  return { region: known ?? (host ? 'custom' : 'us'), custom: known ? '' : (host ?? '') };
}

export interface HostPickerProps {
  hosts: Record<Region, string>;
  value: HostChoice;
  onChange(c: HostChoice): void;
  inputRef?: Ref<HTMLInputElement>;
  /** The custom address's error attributes (aria-invalid, aria-describedby), when it is the field at fault. */
  invalid?: { 'aria-invalid'?: 'true'; 'aria-describedby'?: string };
  /** While a sign-in runs with this address: changing it would change nothing. */
  disabled?: boolean;
}

export function HostPicker({ hosts, value, onChange, inputRef, invalid, disabled = false }: HostPickerProps) {
  const { t } = useEnv();
  return (
    <>
      <label class="field">
        <span>{t('signInRegion')}</span>
        <select value={value.region} disabled={disabled} onChange={(e) => onChange({ ...value, region: e.currentTarget.value as Region | 'custom' })}>
          {REGIONS.map((r) => (
            <option key={r} value={r}>
              {t(REGION_LABEL[r])} ({new URL(hosts[r]).host})
            </option>
          ))}
          <option value="custom">{t('regionCustom')}</option>
        </select>
      </label>
      {value.region === 'custom' ? (
        <label class="field">
          <span>{t('signInCustomHost')}</span>
          <input ref={inputRef} type="url" value={value.custom} placeholder="https://api.badges.example.org" disabled={disabled} onInput={(e) => onChange({ ...value, custom: e.currentTarget.value })} required {...invalid} />
        </label>
      ) : null}
    </>
  );
}
