/** Inline messages: an error (role=alert, read at once) or a status note (role=status). */
import type { ComponentChildren } from 'preact';
import { Icon } from './Icon.tsx';

/** `id`: for a field the message is about to name it (aria-describedby). */
export function Notice({ kind, id, children }: { kind: 'error' | 'info' | 'success'; id?: string; children: ComponentChildren }) {
  return (
    <div id={id} class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'error' ? <Icon name="warning" size={16} /> : kind === 'success' ? <Icon name="check" size={16} /> : null}
      <div>{children}</div>
    </div>
  );
}
