import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/ipc/contract';
import { usePlatform } from '../../platform/context';

/** Tells the user once about things the Node side had to do on start (e.g. a damaged settings file kept aside). */
export function NoticeBar() {
  const { t } = useTranslation();
  const { api } = usePlatform();
  const [notices, setNotices] = useState<Notice[]>([]);
  useEffect(() => {
    void api['app:notices'](undefined).then((result) => result.ok && setNotices(result.value));
  }, [api]);
  if (notices.length === 0) return null;
  return (
    <div className="notice-bar" role="alert">
      {notices.map((notice, i) => (
        <p key={i}>{t(notice.messageKey, notice.values)}</p>
      ))}
      <button type="button" className="link" onClick={() => setNotices([])}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
