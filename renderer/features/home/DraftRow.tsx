import { useTranslation } from 'react-i18next';
import type { DraftSummary } from '../../../shared/ipc/contract';
import { formatTime } from '../drafts/format';

export type DraftAction = 'open' | 'duplicate' | 'delete' | 'rollover' | 'saveAs';

export interface DraftRowProps {
  draft: DraftSummary;
  kindName: string;
  busy: boolean;
  onAction: (action: DraftAction, draft: DraftSummary) => void;
}

/** One draft in the list: what it is, how far it is, and what can be done with it. */
export function DraftRow({ draft, kindName, busy, onAction }: DraftRowProps) {
  const { t, i18n } = useTranslation();
  const title = draft.title || t('home.untitled');
  const secondary: DraftAction[] = ['duplicate', 'rollover', 'saveAs', 'delete'];
  return (
    <li className="draft-row" aria-label={title}>
      <div className="draft-main">
        <button type="button" className="draft-title link" disabled={busy} onClick={() => onAction('open', draft)} title={title}>
          {title}
        </button>
        <div className="draft-meta">
          <span className="draft-kind" title={t('home.kindLabel')}>
            {kindName}
          </span>
          <span className="draft-year">{draft.reportYear !== null ? t('home.year', { year: draft.reportYear }) : t('home.noYear')}</span>
          <span className="draft-modified">{t('home.modified', { time: formatTime(draft.modifiedAt, i18n.language) })}</span>
          {draft.conflictOf ? (
            <span className="draft-conflict" title={t('home.conflictCopyNote')}>
              {t('home.conflictCopy')}
            </span>
          ) : null}
        </div>
      </div>
      <span className={`check-state check-${draft.checkState}`}>
        <span className="check-dot" aria-hidden="true" />
        {t(`home.checkState.${draft.checkState}`)}
      </span>
      <div className="draft-actions" role="group" aria-label={t('home.actions.group', { title })}>
        <button type="button" className="open" disabled={busy} onClick={() => onAction('open', draft)}>
          {t('home.actions.open')}
        </button>
        {secondary.map((action) => (
          <button key={action} type="button" className={action === 'delete' ? 'danger' : undefined} disabled={busy} onClick={() => onAction(action, draft)}>
            {t(`home.actions.${action}`)}
          </button>
        ))}
      </div>
    </li>
  );
}
