import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckReport, Finding } from '../../../shared/checks';
import { GroupedFindings } from '../checks/FindingGroups';
import { FontNotice } from '../fonts/FontNotice';

export type ExportAction = 'docx' | 'pdf' | 'print';

export interface ExportOptions {
  variant: 'official' | 'public';
  acceptWarnings: boolean;
  /** 公开版 with screening warnings kept: who accepts them and why (recorded in the draft's history). */
  acceptance?: { by: string; reason: string };
}

export interface ExportDialogProps {
  action: ExportAction;
  report: CheckReport;
  /** The 公开版's report (public screening on), checked when the dialog opened. */
  publicReport?: CheckReport | null;
  /** Suggested 确认人: the 保密审查's reviewer on record. */
  defaultAcceptedBy?: string;
  /** The user already confirmed these warnings for this very document state. */
  warningsConfirmed?: boolean;
  /** The browser preview: 导出 PDF goes through the browser's print window (另存为 PDF). */
  browserPdf?: boolean;
  onCancel: () => void;
  onConfirm: (options: ExportOptions) => void;
  /** 定位: show a finding's place (the dialog closes). */
  onJump?: (finding: Finding) => void;
}

/** The dialog's list: repeated findings of a rule as one row opening onto its places (each clickable), the others with their place and 定位. */
function FindingList({ findings, onJump }: { findings: Finding[]; onJump?: ((finding: Finding) => void) | undefined }) {
  return <GroupedFindings className="finding-list" findings={findings} onJump={onJump} placed />;
}

/**
 * The gate in the renderer: errors refuse and are listed; warnings are shown once and the
 * user confirms. The 公开版 is screened too (public.*): its errors refuse it, and the
 * screening's warnings are kept only when a named person accepts them. (The Node side checks
 * again before it writes.)
 */
export function ExportDialog({ action, report, publicReport = null, defaultAcceptedBy = '', warningsConfirmed = false, browserPdf = false, onCancel, onConfirm, onJump }: ExportDialogProps) {
  const { t } = useTranslation();
  const [variant, setVariant] = useState<'official' | 'public'>('official');
  const [acceptedBy, setAcceptedBy] = useState(defaultAcceptedBy);
  const [reason, setReason] = useState('');
  const errors = report.findings.filter((f) => f.severity === 'error');
  const shown = variant === 'public' && publicReport ? publicReport : report;
  const variantErrors = shown.findings.filter((f) => f.severity === 'error');
  const warnings = shown.findings.filter((f) => f.severity === 'warning');
  const screeningWarnings = variant === 'public' ? warnings.filter((f) => f.rule.startsWith('public.')) : [];
  const needsAcceptance = screeningWarnings.length > 0;
  const confirmed = warningsConfirmed && !needsAcceptance;
  const title = t(`exportDialog.title.${action}`);
  const blocked = variantErrors.length > 0 || (needsAcceptance && !acceptedBy.trim());
  return (
    <div className="modal-backdrop">
      <div className="dialog modal" role="dialog" aria-modal="true" aria-label={title}>
        <h2>{title}</h2>
        {errors.length > 0 ? (
          <>
            <p className="blocked">{t('exportDialog.blocked', { count: errors.length })}</p>
            <FindingList findings={errors} onJump={onJump} />
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
            {variantErrors.length > 0 ? (
              <>
                <p className="blocked">{t('exportDialog.publicBlocked', { count: variantErrors.length })}</p>
                <FindingList findings={variantErrors} onJump={onJump} />
              </>
            ) : null}
            {variantErrors.length === 0 && warnings.length > 0 && confirmed ? <p className="warnings-confirmed">{t('exportDialog.warningsConfirmed', { count: warnings.length })}</p> : null}
            {variantErrors.length === 0 && warnings.length > 0 && !confirmed ? (
              <>
                <p>{t('exportDialog.warnings', { count: warnings.length })}</p>
                <FindingList findings={warnings} onJump={onJump} />
              </>
            ) : null}
            {variantErrors.length === 0 && needsAcceptance ? (
              <div className="acceptance">
                <p>{t('exportDialog.acceptance')}</p>
                <label>
                  {t('exportDialog.acceptBy')}
                  <input value={acceptedBy} maxLength={50} onChange={(e) => setAcceptedBy(e.target.value)} />
                </label>
                <label>
                  {t('exportDialog.acceptReason')}
                  <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
                </label>
              </div>
            ) : null}
            {action === 'pdf' && browserPdf ? <p className="pdf-hint">{t('exportDialog.pdfInBrowser')}</p> : null}
            <FontNotice variant="export" />
            <div className="dialog-actions">
              <button type="button" onClick={onCancel}>
                {t('exportDialog.cancel')}
              </button>
              <button
                type="button"
                className="primary"
                disabled={blocked}
                onClick={() => onConfirm({ variant, acceptWarnings: warnings.length > 0, ...(needsAcceptance ? { acceptance: { by: acceptedBy.trim(), reason: reason.trim() } } : {}) })}
              >
                {warnings.length > 0 && !confirmed ? t('exportDialog.confirmWithWarnings') : t(`exportDialog.go.${action}`)}
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
