/** 审核与公开记录: sign-offs, secrecy reviews and 公开版 exports with what was accepted, newest first. */
import { useTranslation } from 'react-i18next';
import type { Approvals, HistoryEntry } from '../../../shared/model/approvals';
import { formatTimeSeconds } from '../drafts/format';
import './approvals.css';

function Entry({ entry }: { entry: HistoryEntry }) {
  const { t, i18n } = useTranslation();
  const when = formatTimeSeconds(entry.recordedAt, i18n.language);
  const conclusion = (c: string) => t(`approvals.conclusion.${c}`);
  let body;
  if (entry.type === 'signOff') body = <p>{t('approvals.history.signOff', { name: entry.name, role: entry.role, date: entry.date })}</p>;
  else if (entry.type === 'secrecyReview') {
    body = (
      <>
        <p>{t('approvals.history.secrecyReview', { reviewer: entry.reviewer, date: entry.date, conclusion: conclusion(entry.conclusion) })}</p>
        {entry.note ? <p className="muted small">{t('approvals.history.reviewNote', { note: entry.note })}</p> : null}
      </>
    );
  } else {
    const review = entry.secrecyReview;
    body = (
      <>
        <p>{t('approvals.history.publicExport', { fileName: entry.fileName })}</p>
        <p className="small">
          {review ? t('approvals.history.reviewAtExport', { reviewer: review.reviewer, date: review.date, conclusion: conclusion(review.conclusion) }) : t('approvals.history.noReview')}
          {review && !entry.secrecyReviewCurrent ? ` ${t('approvals.history.reviewWasStale')}` : ''}
        </p>
        {entry.by ? <p className="small">{t('approvals.history.acceptedBy', { by: entry.by })}</p> : null}
        {entry.reason ? <p className="small">{t('approvals.history.reason', { reason: entry.reason })}</p> : null}
        {entry.accepted.length > 0 ? (
          <>
            <p className="small">{t('approvals.history.accepted', { count: entry.accepted.length })}</p>
            <ul className="accepted-list">
              {entry.accepted.map((a, i) => (
                <li key={i} data-rule={a.rule}>
                  {a.message}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </>
    );
  }
  return (
    <li className={`history-entry history-${entry.type}`}>
      <span className="revision-time">{t('approvals.history.recordedAt', { when })}</span>
      {body}
    </li>
  );
}

export function ApprovalHistory({ approvals }: { approvals: Approvals | undefined }) {
  const { t } = useTranslation();
  const entries = [...(approvals?.history ?? [])].reverse();
  return (
    <section className="approval-history" aria-labelledby="approval-history-title">
      <h3 id="approval-history-title">{t('approvals.history.title')}</h3>
      {entries.length === 0 ? (
        <p className="muted small">{t('approvals.history.empty')}</p>
      ) : (
        <ul className="history-list">
          {entries.map((entry, i) => (
            <Entry key={`${entry.recordedAt}-${i}`} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}
