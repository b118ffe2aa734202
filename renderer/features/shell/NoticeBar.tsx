import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/ipc/contract';
import { usePlatform } from '../../platform/context';
import { useStartup } from '../../platform/startup';

/** Tells the user once about things the Node side had to do on start (e.g. a damaged settings file kept aside). */
export function NoticeBar() {
  const { t } = useTranslation();
  const { api } = usePlatform();
  const { notices: inTime } = useStartup();
  const [notices, setNotices] = useState<Notice[]>(inTime ?? []);
  // not known at the first paint: asked now, and shown floating so nothing moves under a click
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (inTime !== undefined) return;
    let live = true;
    void api['app:notices'](undefined).then((result) => {
      if (!live || !result.ok) return;
      setNotices(result.value);
      setLate(true);
    });
    return () => {
      live = false;
    };
  }, [api, inTime]);
  if (notices.length === 0) return null;
  return (
    <div className={late ? 'notice-bar late-notice' : 'notice-bar'} role="alert">
      {notices.map((notice, i) => (
        <p key={i}>{t(notice.messageKey, notice.values)}</p>
      ))}
      <button type="button" className="link" onClick={() => setNotices([])}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
