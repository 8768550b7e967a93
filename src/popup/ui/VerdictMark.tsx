/** A badge's verification state as a mark with words for screen readers (color is never the only cue). */
import type { BadgeView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import type { MessageKey } from '../i18n.ts';
import { Icon, type IconName } from './Icon.tsx';

type VerdictLike = BadgeView['verdict'];

const LOOK: Record<VerdictLike, { icon: IconName; label: MessageKey }> = {
  valid: { icon: 'check', label: 'verdictValidShort' },
  invalid: { icon: 'cross', label: 'verdictInvalidShort' },
  indeterminate: { icon: 'question', label: 'verdictIndeterminateShort' },
  unverified: { icon: 'dash', label: 'verdictUnverifiedShort' },
};

export function verdictLabelKey(v: VerdictLike): MessageKey {
  return LOOK[v].label;
}

export function VerdictMark({ verdict, withText = false }: { verdict: VerdictLike; withText?: boolean }) {
  const { t } = useEnv();
  const look = LOOK[verdict];
  return (
    <span class={`verdict verdict-${verdict}`} title={withText ? undefined : t(look.label)}>
      <Icon name={look.icon} size={14} />
      {withText ? <span>{t(look.label)}</span> : <span class="visually-hidden">{t(look.label)}</span>}
    </span>
  );
}
