/**
 * 审核签字: records 主要负责人审核签字 (name, role, date) and 保密审查 (reviewer, date,
 * conclusion, remarks) for the text as it is now. The Node side adds the time and the text's
 * fingerprint and keeps the signed text as a revision (drafts:approve).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/ipc/contract';
import { SECRECY_CONCLUSIONS, type ApprovalState, type SecrecyConclusion } from '../../../shared/model/approvals';
import { todayIso } from '../../platform/clock';
import { ErrorBanner } from '../shell/ErrorBanner';
import { useEscape } from '../shell/use-escape';
import './approvals.css';

export type ApprovalRequest =
  | { type: 'signOff'; name: string; role: string; date: string }
  | { type: 'secrecyReview'; reviewer: string; date: string; conclusion: SecrecyConclusion; note: string };

export interface ApprovalsDialogProps {
  state: ApprovalState;
  /** Records one approval; resolves to an error to show, or null when recorded. */
  onRecord: (request: ApprovalRequest) => Promise<AppError | null>;
  onClose: () => void;
}

export function ApprovalsDialog({ state, onRecord, onClose }: ApprovalsDialogProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(state.signOff?.name ?? '');
  const [role, setRole] = useState(state.signOff?.role ?? '');
  const [signDate, setSignDate] = useState(todayIso());
  const [reviewer, setReviewer] = useState(state.secrecyReview?.reviewer ?? '');
  const [reviewDate, setReviewDate] = useState(todayIso());
  const [conclusion, setConclusion] = useState<SecrecyConclusion>(state.secrecyReview?.conclusion ?? 'publish');
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState<'signOff' | 'secrecyReview' | null>(null);
  const [busy, setBusy] = useState(false);

  useEscape(onClose);

  const record = async (request: ApprovalRequest) => {
    setBusy(true);
    setError(null);
    setSaved(null);
    const failed = await onRecord(request);
    setBusy(false);
    if (failed) setError(failed);
    else setSaved(request.type);
  };

  const { signOff, secrecyReview } = state;
  return (
    <div className="modal-backdrop">
      <div className="dialog approvals-dialog" role="dialog" aria-modal="true" aria-labelledby="approvals-title">
        <div className="dialog-head">
          <h2 id="approvals-title">{t('approvals.title')}</h2>
          <button type="button" className="link" onClick={onClose}>
            {t('approvals.close')}
          </button>
        </div>
        <p className="muted small">{t('approvals.note')}</p>
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        <form
          className="approval-form"
          onSubmit={(event) => {
            event.preventDefault();
            void record({ type: 'signOff', name: name.trim(), role: role.trim(), date: signDate });
          }}
        >
          <fieldset>
            <legend>{t('approvals.signOff.legend')}</legend>
            {signOff ? (
              <p className={state.signOffStale ? 'approval-current stale' : 'approval-current'}>
                {t(state.signOffStale ? 'approvals.signOff.currentStale' : 'approvals.signOff.current', { name: signOff.name, role: signOff.role, date: signOff.date })}
              </p>
            ) : null}
            <label>
              {t('approvals.signOff.name')}
              <input value={name} required maxLength={50} onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              {t('approvals.signOff.role')}
              <input value={role} maxLength={50} onChange={(e) => setRole(e.target.value)} />
            </label>
            <label>
              {t('approvals.signOff.date')}
              <input type="date" value={signDate} required onChange={(e) => setSignDate(e.target.value)} />
            </label>
            <button type="submit" disabled={busy || !name.trim() || !signDate}>
              {t('approvals.signOff.submit')}
            </button>
            {saved === 'signOff' ? <span role="status">{t('approvals.saved')}</span> : null}
          </fieldset>
        </form>
        <form
          className="approval-form"
          onSubmit={(event) => {
            event.preventDefault();
            void record({ type: 'secrecyReview', reviewer: reviewer.trim(), date: reviewDate, conclusion, note: note.trim() });
          }}
        >
          <fieldset>
            <legend>{t('approvals.review.legend')}</legend>
            {secrecyReview ? (
              <p className={state.secrecyReviewStale ? 'approval-current stale' : 'approval-current'}>
                {t(state.secrecyReviewStale ? 'approvals.review.currentStale' : 'approvals.review.current', {
                  reviewer: secrecyReview.reviewer,
                  date: secrecyReview.date,
                  conclusion: t(`approvals.conclusion.${secrecyReview.conclusion}`),
                })}
              </p>
            ) : null}
            <label>
              {t('approvals.review.reviewer')}
              <input value={reviewer} required maxLength={50} onChange={(e) => setReviewer(e.target.value)} />
            </label>
            <label>
              {t('approvals.review.date')}
              <input type="date" value={reviewDate} required onChange={(e) => setReviewDate(e.target.value)} />
            </label>
            <label>
              {t('approvals.review.conclusion')}
              <select value={conclusion} onChange={(e) => setConclusion(e.target.value as SecrecyConclusion)}>
                {SECRECY_CONCLUSIONS.map((c) => (
                  <option key={c} value={c}>
                    {t(`approvals.conclusion.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('approvals.review.note')}
              <input value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
            </label>
            <button type="submit" disabled={busy || !reviewer.trim() || !reviewDate}>
              {t('approvals.review.submit')}
            </button>
            {saved === 'secrecyReview' ? <span role="status">{t('approvals.saved')}</span> : null}
          </fieldset>
        </form>
      </div>
    </div>
  );
}
