/** The bar: back (when not home), the name, and the ways to the other screens. */
import { useEnv } from '../env.ts';
import { Icon, type IconName } from './Icon.tsx';

export type NavTarget = 'import' | 'guide' | 'accounts' | 'settings';

const NAV: { to: NavTarget; icon: IconName; label: 'navImport' | 'navGuide' | 'navAccounts' | 'navSettings' }[] = [
  { to: 'import', icon: 'plus', label: 'navImport' },
  { to: 'guide', icon: 'help', label: 'navGuide' },
  { to: 'accounts', icon: 'user', label: 'navAccounts' },
  { to: 'settings', icon: 'settings', label: 'navSettings' },
];

export function Header({ onBack, onNav, showNav, current }: { onBack?: () => void; onNav(to: NavTarget): void; showNav: boolean; current?: NavTarget }) {
  const { t } = useEnv();
  return (
    <header class="bar">
      {onBack ? (
        <button type="button" class="bar-button" onClick={onBack} aria-label={t('back')} title={t('back')}>
          <Icon name="back" size={20} />
        </button>
      ) : null}
      <h1>Lanyard</h1>
      {showNav ? (
        <nav aria-label={t('navLabel')}>
          {NAV.map((n) => (
            <button key={n.to} type="button" class="bar-button" onClick={() => onNav(n.to)} aria-label={t(n.label)} title={t(n.label)} aria-current={current === n.to ? 'page' : undefined}>
              <Icon name={n.icon} size={20} />
            </button>
          ))}
        </nav>
      ) : null}
    </header>
  );
}
