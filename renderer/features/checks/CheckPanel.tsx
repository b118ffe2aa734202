import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SOURCE_KEY, type CheckReport, type Finding, type Severity } from '../../../shared/checks';

const ORDER: Severity[] = ['error', 'warning', 'hint'];

export interface CheckPanelProps {
  report: CheckReport | null;
  onJump: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}

function sameValues(a: Finding['values'], b: Finding['values']): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Two findings that show the same row (the worker sends fresh objects with every report). */
export function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a === b ||
    (a.rule === b.rule &&
      a.severity === b.severity &&
      a.source === b.source &&
      a.basisRef === b.basisRef &&
      a.messageKey === b.messageKey &&
      a.where.block === b.where.block &&
      a.where.field === b.where.field &&
      a.where.text === b.where.text &&
      (a.fix?.id ?? null) === (b.fix?.id ?? null) &&
      (a.fix?.labelKey ?? null) === (b.fix?.labelKey ?? null) &&
      sameValues(a.values, b.values))
  );
}

interface RowProps {
  finding: Finding;
  onJump: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}

/**
 * One finding. A long report has hundreds, and a live report arrives every second while the
 * user types: a row whose finding reads the same is not rendered (nor translated) again.
 */
const FindingRow = memo(
  function FindingRow({ finding, onJump, onFix }: RowProps) {
    const { t } = useTranslation();
    return (
      <li className={`finding ${finding.severity}`} data-rule={finding.rule}>
        <button type="button" className="finding-text" onClick={() => onJump(finding)}>
          {t(finding.messageKey, finding.values)}
        </button>
        <span className="finding-source" data-source={finding.source} title={t(finding.basisRef ?? `checks.sourceName.${SOURCE_KEY[finding.source]}`)}>
          {t(`checks.source.${SOURCE_KEY[finding.source]}`)}
        </span>
        {finding.where.text ? <q className="finding-where">{finding.where.text}</q> : null}
        {finding.fix ? (
          <button type="button" className="finding-fix" onClick={() => onFix(finding)}>
            {t(finding.fix.labelKey, finding.values)}
          </button>
        ) : null}
      </li>
    );
  },
  // The click handlers read the newest finding through the props of the latest render, so a
  // row kept from an older report still jumps and fixes by what it shows (the same content).
  (prev, next) => prev.onJump === next.onJump && prev.onFix === next.onFix && sameFinding(prev.finding, next.finding),
);

/**
 * Findings grouped by severity; a click jumps to the place, a button applies the safe fix.
 * Rendered only when the report or the handlers change (memo): the screen re-renders with
 * every document change, which must not re-render hundreds of findings per keystroke.
 */
export const CheckPanel = memo(function CheckPanel({ report, onJump, onFix }: CheckPanelProps) {
  const { t } = useTranslation();
  return (
    <aside className="check-panel" aria-label={t('checkPanel.title')}>
      <h2>{t('checkPanel.title')}</h2>
      {!report ? (
        <p className="muted">{t('checkPanel.running')}</p>
      ) : report.findings.length === 0 ? (
        <p className="check-ok">{t('checkPanel.allGood')}</p>
      ) : (
        <>
          <p className="check-summary" role="status">
            {t('checkPanel.summary', { errors: report.counts.error, warnings: report.counts.warning })}
          </p>
          {ORDER.map((severity) => {
            const findings = report.findings.filter((f) => f.severity === severity);
            if (findings.length === 0) return null;
            return (
              <section key={severity} className={`check-group ${severity}`}>
                <h3>{t(`checks.severity.${severity}`)}</h3>
                <ul>
                  {findings.map((finding, i) => (
                    <FindingRow key={`${finding.rule}-${i}`} finding={finding} onJump={onJump} onFix={onFix} />
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </aside>
  );
});
