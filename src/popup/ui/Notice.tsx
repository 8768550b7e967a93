/** Inline messages: an error (role=alert, read at once) or a status note (role=status). */
import type { ComponentChildren } from 'preact';
import { Icon } from './Icon.tsx';

/**
 * `id`: for a field the message is about to name it (aria-describedby).
 * `quiet`: no role: it is read as the description of what takes focus, not announced as well.
 */
export function Notice({ kind, id, quiet = false, children }: { kind: 'error' | 'info' | 'success'; id?: string; quiet?: boolean; children: ComponentChildren }) {
  return (
    <div id={id} class={`notice notice-${kind}`} role={quiet ? undefined : kind === 'error' ? 'alert' : 'status'}>
      {kind === 'error' ? <Icon name="warning" size={16} /> : kind === 'success' ? <Icon name="check" size={16} /> : null}
      <div>{children}</div>
    </div>
  );
}
