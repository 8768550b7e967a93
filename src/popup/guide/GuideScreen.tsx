/**
 * "Can't find a badge?": the help desk's questions answered where the user is, each with the
 * action that settles it (shared/reference backpacks §5, "Get your badge if you lost the award
 * e-mail", "Add a new e-mail address and switch the primary"): the account's addresses and which
 * are unconfirmed, the badges waiting on them, the address the award went to, a change of
 * address, a badge from the award e-mail's link or a file, and a forgotten password.
 */
import type { AccountView, BadgeView } from '../../messaging/views.ts';
import { useEnv } from '../env.ts';
import { ScreenTitle } from '../ui/ScreenTitle.tsx';
import { ImportPanel } from '../welcome/ImportPanel.tsx';
import { GuideAccount } from './GuideAccount.tsx';
import { PasswordReset } from './PasswordReset.tsx';

export interface GuideScreenProps {
  accounts: readonly AccountView[];
  badges: readonly BadgeView[];
  onSync(accountId: string): void;
  onSignIn(): void;
  onImported(b: BadgeView): void;
}

export default function GuideScreen({ accounts, badges, onSync, onSignIn, onImported }: GuideScreenProps) {
  const { t } = useEnv();
  const remote = accounts.filter((a) => a.kind !== 'local');
  const managed = remote.filter((a) => a.kind === 'badgr');
  const elsewhere = remote.filter((a) => a.kind !== 'badgr');
  return (
    <section class="guide-screen stack" aria-labelledby="screen-title">
      <ScreenTitle>{t('guideTitle')}</ScreenTitle>
      <p>{t('guideIntro')}</p>
      {remote.length === 0 ? (
        <div class="panel">
          <p>{t('guideNoAccount')}</p>
          <button type="button" class="button primary" onClick={onSignIn}>
            {t('emptyConnect')}
          </button>
        </div>
      ) : null}
      {managed.map((a) => (
        <GuideAccount key={a.id} account={a} badges={badges} onSync={() => onSync(a.id)} />
      ))}
      {elsewhere.map((a) => (
        <p key={a.id} class="panel small">
          {t('guideManagedElsewhere', a.providerName)}
        </p>
      ))}
      <section class="panel" aria-labelledby="guide-import-title">
        <h3 id="guide-import-title">{t('guideImportTitle')}</h3>
        <p class="small">{t('guideImportText')}</p>
        <ImportPanel onImported={onImported} />
      </section>
      <PasswordReset accounts={remote} />
    </section>
  );
}
