import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, Revision } from '../../../shared/ipc/contract';
import type { GongwenDocument } from '../../../shared/model';
import { usePlatform } from '../../platform/context';
import { ErrorBanner } from '../shell/ErrorBanner';
import { useEscape } from '../shell/use-escape';
import { formatTimeSeconds } from './format';
import type { Approvals } from '../../../shared/model/approvals';
import { ApprovalHistory } from '../approvals/ApprovalHistory';
import './drafts.css';

export interface RevisionsPanelProps {
  draftId: string;
  /** The draft's sign-offs, secrecy reviews and 公开版 exports, shown under the revisions. */
  approvals?: Approvals | undefined;
  /** Called before restoring: the editor saves what is typed, so the restore snapshot holds it. */
  beforeRestore?: () => Promise<void>;
  onRestored: (document: GongwenDocument, revision?: number) => void;
  onClose: () => void;
}

/** 历史版本: the draft's snapshots, newest first; restoring keeps the current text as a snapshot too. */
export function RevisionsPanel({ draftId, approvals, beforeRestore, onRestored, onClose }: RevisionsPanelProps) {
  const { t, i18n } = useTranslation();
  const { api } = usePlatform();
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api['drafts:revisions']({ id: draftId }).then((result) => {
      if (!live) return;
      if (result.ok) setRevisions(result.value);
      else {
        setRevisions([]);
        setError(result.error);
      }
    });
    return () => {
      live = false;
    };
  }, [api, draftId]);

  useEscape(onClose);

  const restore = async (revision: Revision) => {
    setBusy(revision.id);
    setError(null);
    if (beforeRestore) await beforeRestore();
    const result = await api['drafts:restoreRevision']({ id: draftId, revisionId: revision.id });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    onRestored(result.value.document, result.value.revision);
  };

  return (
    <div className="modal-backdrop">
      <div className="dialog revisions-panel" role="dialog" aria-modal="true" aria-labelledby="revisions-title">
        <div className="dialog-head">
          <h2 id="revisions-title">{t('drafts.revisions.title')}</h2>
          <button type="button" className="link" onClick={onClose}>
            {t('drafts.revisions.close')}
          </button>
        </div>
        <p className="muted small">{t('drafts.revisions.note')}</p>
        <ErrorBanner error={error} onDismiss={() => setError(null)} />
        {revisions === null ? (
          <p className="muted">{t('drafts.revisions.loading')}</p>
        ) : revisions.length === 0 ? (
          <p className="muted">{t('drafts.revisions.empty')}</p>
        ) : (
          <ul className="revision-list">
            {revisions.map((revision) => {
              const when = formatTimeSeconds(revision.savedAt, i18n.language);
              const reason = t(`drafts.revisionReason.${revision.reason}`);
              return (
                <li key={revision.id} className="revision" aria-label={`${when} ${reason}`}>
                  <span className="revision-time">{when}</span>
                  <span className={`revision-reason reason-${revision.reason}`}>{reason}</span>
                  <button type="button" disabled={busy !== null} onClick={() => void restore(revision)}>
                    {t('drafts.revisions.restore')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <ApprovalHistory approvals={approvals} />
      </div>
    </div>
  );
}
