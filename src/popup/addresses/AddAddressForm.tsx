/** Adds an address to the account (the backpack e-mails it a confirmation link). */
import { useRef, useState } from 'preact/hooks';
import { useEnv } from '../env.ts';
import { offWhile } from '../ui/busy.ts';
import { mailtoAddress } from '../../messaging/validate.ts';
import { looksLikeEmail } from './use-emails.ts';

/**
 * `invalid`: the last try was refused (the field says so: aria-invalid, WCAG 3.3.1); the message itself
 * is shown by the screen, with the id `describedBy` (the field is described by it: the server's reason).
 */
export function AddAddressForm({ label, button, invalid = false, describedBy, waiting = false, onAdd, onInvalid, onCancel }: { label: string; /** The button's words (default: the backpack's "Add and send confirmation"). */ button?: string; invalid?: boolean; describedBy?: string | undefined; /** Another address's change runs: Add waits (aria-disabled) and a press does nothing. */ waiting?: boolean; onAdd(email: string): Promise<boolean>; onInvalid(): void; /** Cancels the add while it runs (shown then, beside the busy button). */ onCancel?(): void }) {
  const { t } = useEnv();
  const field = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy || waiting) return;
    // An address copied from a mailto: link (RFC 6068 §2) is the address it names, without its header fields.
    const email = mailtoAddress(value);
    if (!looksLikeEmail(email)) return onInvalid();
    setBusy(true);
    const added = await onAdd(email);
    setBusy(false);
    if (added) setValue('');
  };
  return (
    <form class="stack panel" onSubmit={submit} noValidate>
      <label class="field">
        <span>{label}</span>
        <input ref={field} type="email" value={value} onInput={(e) => setValue(e.currentTarget.value)} autocomplete="email" aria-invalid={invalid ? 'true' : undefined} aria-describedby={describedBy} />
      </label>
      <button type="submit" class="button primary" {...offWhile(busy || waiting)} aria-busy={busy}>
        {button ?? t('addressAddButton')}
      </button>
      {busy && onCancel ? (
        <button type="button" class="button" onClick={() => {
          field.current?.focus();
          onCancel();
        }}>
          {t('cancel')}
        </button>
      ) : null}
    </form>
  );
}
