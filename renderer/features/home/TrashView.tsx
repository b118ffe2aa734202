import { useTranslation } from 'react-i18next';
import type { DraftList } from '../../../shared/ipc/contract';
import { formatTime } from '../drafts/format';

export const TRASH_KEPT_DAYS = 30;

/** 回收站: deleted drafts, restorable until they are purged after 30 days. */
export function TrashView({ trash, busy, onRestore }: { trash: DraftList['trash']; busy: boolean; onRestore: (id: string, title: string) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="trash" aria-labelledby="trash-title">
      <h2 id="trash-title">{t('home.trash.title')}</h2>
      <p className="muted small">{t('drafts.trash.keptDays', { days: TRASH_KEPT_DAYS })}</p>
      {trash.length === 0 ? (
        <p className="muted empty">{t('home.trash.empty')}</p>
      ) : (
        <ul className="draft-list">
          {trash.map((draft) => {
            const title = draft.title || t('home.untitled');
            return (
              <li key={draft.id} className="draft-row trashed" aria-label={title}>
                <div className="draft-main">
                  <span className="draft-title">{title}</span>
                  <div className="draft-meta">
                    <span>{draft.reportYear !== null ? t('home.year', { year: draft.reportYear }) : t('home.noYear')}</span>
                    <span>{t('home.trash.deletedAt', { time: formatTime(draft.deletedAt, i18n.language) })}</span>
                  </div>
                </div>
                <div className="draft-actions">
                  <button type="button" disabled={busy} onClick={() => onRestore(draft.id, title)}>
                    {t('home.trash.restore')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
