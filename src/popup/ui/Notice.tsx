/** Inline messages: an error (role=alert, read at once) or a status note (role=status). */
import type { ComponentChildren } from 'preact';
import { Icon } from './Icon.tsx';

export function Notice({ kind, children }: { kind: 'error' | 'info' | 'success'; children: ComponentChildren }) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {kind === 'error' ? <Icon name="warning" size={16} /> : kind === 'success' ? <Icon name="check" size={16} /> : null}
      <div>{children}</div>
    </div>
  );
}
