import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckReport } from '../../../shared/checks';
import { FontNotice } from '../fonts/FontNotice';

export type ExportAction = 'docx' | 'pdf' | 'print';

export interface ExportDialogProps {
  action: ExportAction;
  report: CheckReport;
  /** The user already confirmed these warnings for this very document state. */
  warningsConfirmed?: boolean;
  /** The browser preview: 导出 PDF goes through the browser's print window (另存为 PDF). */
  browserPdf?: boolean;
  onCancel: () => void;
  onConfirm: (options: { variant: 'official' | 'public'; acceptWarnings: boolean }) => void;
}

/**
 * The gate in the renderer: errors refuse and are listed; warnings are shown once and the
 * user confirms. (The Node side checks again before it writes.)
 */
export function ExportDialog({ action, report, warningsConfirmed = false, browserPdf = false, onCancel, onConfirm }: ExportDialogProps) {
  const { t } = useTranslation();
  const [variant, setVariant] = useState<'official' | 'public'>('official');
  const errors = report.findings.filter((f) => f.severity === 'error');
  const warnings = report.findings.filter((f) => f.severity === 'warning');
  const title = t(`exportDialog.title.${action}`);
  return (
    <div className="modal-backdrop">
      <div className="dialog modal" role="dialog" aria-modal="true" aria-label={title}>
        <h2>{title}</h2>
        {errors.length > 0 ? (
          <>
            <p className="blocked">{t('exportDialog.blocked', { count: errors.length })}</p>
            <ul className="finding-list">
              {errors.map((f, i) => (
                <li key={i}>{t(f.messageKey, f.values)}</li>
              ))}
            </ul>
            <div className="dialog-actions">
              <button type="button" className="primary" onClick={onCancel}>
                {t('exportDialog.backToFix')}
              </button>
            </div>
          </>
        ) : (
          <>
            <fieldset className="variant">
              <legend>{t('exportDialog.variant')}</legend>
              <label>
                <input type="radio" name="variant" checked={variant === 'official'} onChange={() => setVariant('official')} />
                {t('exportDialog.official')}
              </label>
              <label>
                <input type="radio" name="variant" checked={variant === 'public'} onChange={() => setVariant('public')} />
                {t('exportDialog.public')}
              </label>
            </fieldset>
            {warnings.length > 0 && warningsConfirmed ? <p className="warnings-confirmed">{t('exportDialog.warningsConfirmed', { count: warnings.length })}</p> : null}
            {warnings.length > 0 && !warningsConfirmed ? (
              <>
                <p>{t('exportDialog.warnings', { count: warnings.length })}</p>
                <ul className="finding-list">
                  {warnings.map((f, i) => (
                    <li key={i}>{t(f.messageKey, f.values)}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {action === 'pdf' && browserPdf ? <p className="pdf-hint">{t('exportDialog.pdfInBrowser')}</p> : null}
            <FontNotice variant="export" />
            <div className="dialog-actions">
              <button type="button" onClick={onCancel}>
                {t('exportDialog.cancel')}
              </button>
              <button type="button" className="primary" onClick={() => onConfirm({ variant, acceptWarnings: warnings.length > 0 })}>
                {warnings.length > 0 && !warningsConfirmed ? t('exportDialog.confirmWithWarnings') : t(`exportDialog.go.${action}`)}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
