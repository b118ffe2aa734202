import { useTranslation } from 'react-i18next';
import { SOURCE_KEY, type CheckReport, type Finding, type Severity } from '../../../shared/checks';

const ORDER: Severity[] = ['error', 'warning', 'hint'];

export interface CheckPanelProps {
  report: CheckReport | null;
  onJump: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}

/** Findings grouped by severity; a click jumps to the place, a button applies the safe fix. */
export function CheckPanel({ report, onJump, onFix }: CheckPanelProps) {
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
                    <li key={`${finding.rule}-${i}`} className={`finding ${severity}`} data-rule={finding.rule}>
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
                  ))}
                </ul>
              </section>
            );
          })}
        </>
      )}
    </aside>
  );
}
