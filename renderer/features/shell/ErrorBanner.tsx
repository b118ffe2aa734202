import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/ipc/contract';

/** Shows an AppError in the user's language, with its details (e.g. blocking findings). */
export function ErrorBanner({ error, onDismiss }: { error: AppError | null; onDismiss?: () => void }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <div className="error-banner" role="alert">
      <p>{t(error.messageKey, error.values ?? {})}</p>
      {error.details && error.details.length > 0 ? (
        <ul>
          {error.details.map((detail, i) => (
            <li key={i}>{detail}</li>
          ))}
        </ul>
      ) : null}
      {onDismiss ? (
        <button type="button" className="link" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      ) : null}
    </div>
  );
}
