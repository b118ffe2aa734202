import { useTranslation } from 'react-i18next';
import { formatTime } from './format';
import './drafts.css';

export interface RecoveryPromptProps {
  title: string;
  /** When the draft was last saved: the recovered typing is newer than this. */
  savedAt: string;
  busy?: boolean;
  onRestore: () => void;
  onDiscard: () => void;
}

/**
 * Offered before the editor opens when a crashed session left typing newer than the last
 * save. Restore is the default (the focused button): losing work should take a decision.
 */
export function RecoveryPrompt({ title, savedAt, busy = false, onRestore, onDiscard }: RecoveryPromptProps) {
  const { t, i18n } = useTranslation();
  return (
    <div className="modal-backdrop">
      <div className="dialog recovery-prompt" role="alertdialog" aria-modal="true" aria-labelledby="recovery-title" aria-describedby="recovery-body">
        <h2 id="recovery-title">{t('drafts.recovery.title')}</h2>
        <p id="recovery-body">{t('drafts.recovery.body', { title, time: formatTime(savedAt, i18n.language) })}</p>
        <p className="muted small">{t('drafts.recovery.discardNote')}</p>
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={onDiscard}>
            {t('drafts.recovery.discard')}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={onRestore} autoFocus>
            {t('drafts.recovery.restore')}
          </button>
        </div>
      </div>
    </div>
  );
}
