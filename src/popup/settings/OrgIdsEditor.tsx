/**
 * The user's map from issuer (name or id) to LinkedIn organization id, used by "Add to profile"
 * so LinkedIn shows the issuer's page and logo. Ids are digits, found in the company page's admin URL.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { isLinkedInOrgId } from '../../core/share/linkedin.ts';
import { useEnv } from '../env.ts';
import { useFocusRescue } from '../ui/focus-rescue.ts';

/** `key` is the row's own (not its index), so a removed row's × leaves the page with it and focus-rescue sees focus lost. */
type Row = { issuer: string; id: string; key: number };
const ERROR_ID = 'orgids-error';

export function OrgIdsEditor({ value, issuers, onSave, focus, issuer }: { value: Record<string, string>; issuers: readonly string[]; onSave(map: Record<string, string>): void; focus?: boolean; issuer?: string }) {
  const { t } = useEnv();
  // Come from a badge's "Set the LinkedIn page": its issuer's row is there (added if new), and
  // focus goes to its company id, the one thing left to type.
  const keys = useRef(0);
  const row = (issuer = '', id = ''): Row => ({ issuer, id, key: keys.current++ });
  const [rows, setRows] = useState<Row[]>(() => {
    const saved = Object.entries(value).map(([name, id]) => row(name, id));
    const named = issuer?.trim();
    return named && !Object.hasOwn(value, named) ? [...saved, row(named), row()] : [...saved, row()];
  });
  // A row the form refused: the field at fault is marked, described by the message, and takes focus (WCAG 3.3.1).
  const [error, setError] = useState<{ text: string; row: number; field: 'issuer' | 'id' }>();
  const fieldRefs = useRef<HTMLInputElement[]>([]);
  useEffect(() => {
    if (error) fieldRefs.current[error.row * 2 + (error.field === 'id' ? 1 : 0)]?.focus();
  }, [error]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focus) return;
    const at = issuer ? rows.findIndex((r) => r.issuer === issuer.trim()) : -1;
    const idField = at >= 0 ? form.current?.querySelectorAll<HTMLInputElement>('.org-row input')[at * 2 + 1] : undefined;
    (idField ?? heading.current)?.focus();
    // Once, on arrival: later edits must not move focus.
  }, [focus]);
  // The × goes with its row: focus moves to the issuer field of the row now in its place, or of the row
  // above when the last went (WCAG 2.4.3).
  const form = useRef<HTMLFormElement>(null);
  const removedAt = useRef(0);
  const rescue = useFocusRescue(() => {
    const left = form.current?.querySelectorAll<HTMLElement>('.org-row input') ?? [];
    return left[Math.min(removedAt.current, Math.floor(left.length / 2) - 1) * 2];
  });
  const invalid = (row: number, field: 'issuer' | 'id') => (error?.row === row && error.field === field ? { 'aria-invalid': 'true' as const, 'aria-describedby': ERROR_ID } : {});
  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = (e: Event) => {
    e.preventDefault();
    const filled = rows.filter((r) => r.issuer.trim() || r.id.trim());
    const bad = rows.findIndex((r) => (r.issuer.trim() || r.id.trim()) && (!r.issuer.trim() || !isLinkedInOrgId(r.id)));
    if (bad >= 0) return setError({ text: t('orgIdsInvalid'), row: bad, field: rows[bad]?.issuer.trim() ? 'id' : 'issuer' });
    setError(undefined);
    onSave(Object.fromEntries(filled.map((r) => [r.issuer.trim(), r.id.trim()])));
  };

  return (
    <form ref={form} class="panel stack org-ids" aria-labelledby="orgids-title" onSubmit={save} noValidate>
      <h3 id="orgids-title" ref={heading} tabIndex={-1}>
        {t('orgIdsTitle')}
      </h3>
      <p class="small muted">{t('orgIdsText')}</p>
      <datalist id="known-issuers">
        {issuers.map((i) => (
          <option key={i} value={i} />
        ))}
      </datalist>
      {rows.map((r, i) => (
        <div key={r.key} class="org-row" role="group" aria-label={t('orgIdsRow', i + 1)}>
          <label class="field">
            <span>{t('orgIdsIssuer')}</span>
            <input ref={(el) => void (fieldRefs.current[i * 2] = el as HTMLInputElement)} type="text" list="known-issuers" value={r.issuer} onInput={(e) => update(i, { issuer: e.currentTarget.value })} {...invalid(i, 'issuer')} />
          </label>
          <label class="field narrow">
            <span>{t('orgIdsId')}</span>
            <input ref={(el) => void (fieldRefs.current[i * 2 + 1] = el as HTMLInputElement)} type="text" inputMode="numeric" pattern="[0-9]*" value={r.id} onInput={(e) => update(i, { id: e.currentTarget.value })} {...invalid(i, 'id')} />
          </label>
          {/* Every row has its ×, an empty extra one too (it had none while the others had one); a sole
              empty row has nothing to remove. The last row left is emptied: the form keeps a row to type in. */}
          {rows.length > 1 || r.issuer || r.id ? (
            <button type="button" class="button small" onClick={() => {
                removedAt.current = i;
                rescue();
                const left = rows.filter((_, j) => j !== i);
                setRows(left.length ? left : [row()]);
                // The rows below move up: a refusal's mark would land on another row.
                setError(undefined);
              }} aria-label={t('orgIdsRemove', r.issuer || String(i + 1))}>
              ×
            </button>
          ) : null}
        </div>
      ))}
      {error ? <p class="error-text" role="alert" id={ERROR_ID}>{error.text}</p> : null}
      <div class="button-row">
        <button type="button" class="button small" onClick={() => setRows([...rows, row()])}>
          {t('orgIdsAdd')}
        </button>
        <button type="submit" class="button primary small">
          {t('save')}
        </button>
      </div>
    </form>
  );
}
