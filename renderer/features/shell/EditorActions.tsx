/**
 * The editor's action bar (返回, save state, 修订记录, 审核, counts, 检查, export, print). Its own
 * memo component: the screen re-renders whenever the editor's text reaches its state (after
 * each pause in typing), and this bar's dozen translations cost more than the rest of that
 * render (≈ 0.4 ms a key at 30 pages, issue 12); it re-renders only when what it shows changes.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveState } from './use-autosave';
import type { ExportAction } from '../export/ExportDialog';

export interface EditorActionsProps {
  saveStatus: SaveState['status'];
  /** The live check's counts; null before the first check. */
  counts: { errors: number; warnings: number } | null;
  onBack: () => void;
  /** null: no revisions to show (the screen cannot reload a revision). */
  onRevisions: (() => void) | null;
  onApprovals: () => void;
  onCheck: () => void;
  onExport: (action: ExportAction) => void;
}

export const EditorActions = memo(function EditorActions({ saveStatus, counts, onBack, onRevisions, onApprovals, onCheck, onExport }: EditorActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="editor-actions" role="toolbar" aria-label={t('editor.actions')}>
      <button type="button" onClick={onBack}>
        {t('editor.back')}
      </button>
      <span className={`save-state ${saveStatus}`} role="status" aria-live="polite">
        {t(`editor.saveState.${saveStatus}`)}
      </span>
      <span className="spacer" />
      {onRevisions ? (
        <button type="button" onClick={onRevisions}>
          {t('drafts.revisions.open')}
        </button>
      ) : null}
      <button type="button" onClick={onApprovals}>
        {t('approvals.open')}
      </button>
      {counts ? <span className={counts.errors ? 'check-counts has-errors' : 'check-counts'}>{t('checkPanel.counts', { errors: counts.errors, warnings: counts.warnings })}</span> : null}
      <button type="button" onClick={onCheck}>
        {t('editor.check')}
      </button>
      <button type="button" className="primary" onClick={() => onExport('docx')}>
        {t('editor.exportWord')}
      </button>
      <button type="button" onClick={() => onExport('pdf')}>
        {t('editor.exportPdf')}
      </button>
      <button type="button" onClick={() => onExport('print')}>
        {t('editor.print')}
      </button>
    </div>
  );
});
