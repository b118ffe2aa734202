/** The notice under the toolbar once the text differs from what the principal leader signed. */
import { useTranslation } from 'react-i18next';
import type { SignOff } from '../../../shared/model/approvals';

export function StaleNotice({ signOff, onShowSigned, onSignAgain }: { signOff: SignOff; onShowSigned: (() => void) | null; onSignAgain: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="stale-notice" role="alert">
      <p>{t('approvals.stale', { name: signOff.name, date: signOff.date })}</p>
      {onShowSigned ? (
        <button type="button" onClick={onShowSigned}>
          {t('approvals.showSigned')}
        </button>
      ) : null}
      <button type="button" onClick={onSignAgain}>
        {t('approvals.signAgain')}
      </button>
    </div>
  );
}
