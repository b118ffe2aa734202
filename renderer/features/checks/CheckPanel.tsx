import { memo } from 'react';
import { GroupedFindings } from './FindingGroups';
import { useTranslation } from 'react-i18next';
import { type CheckReport, type Finding, type Severity } from '../../../shared/checks';

const ORDER: Severity[] = ['error', 'warning', 'hint'];

export interface CheckPanelProps {
  report: CheckReport | null;
  onJump: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
  /** The 公开版's report (public screening on); shown on the 公开版 tab. */
  publicReport?: CheckReport | null;
  tab?: 'official' | 'public';
  /** Given: the panel shows the 正式版 / 公开版 tabs. */
  onTab?: (tab: 'official' | 'public') => void;
}

export { sameFinding } from './FindingGroups';

export type CheckTab = 'official' | 'public';

export interface FindingGroupsProps {
  findings: Finding[];
  onJump: (finding: Finding) => void;
  onFix: (finding: Finding) => void;
}

function FindingGroups({ findings, onJump, onFix }: FindingGroupsProps) {
  const { t } = useTranslation();
  return (
    <>
      {ORDER.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        return (
          <section key={severity} className={`check-group ${severity}`}>
            <h3>{t(`checks.severity.${severity}`)}</h3>
            <GroupedFindings findings={group} onJump={onJump} onFix={onFix} />
          </section>
        );
      })}
    </>
  );
}

/** The 公开版 tab shows the screening of the public version only (public.*): the rest is on the 正式版 tab. */
export function publicFindings(report: CheckReport): Finding[] {
  return report.findings.filter((f) => f.rule.startsWith('public.'));
}

/**
 * Findings grouped by severity; a click jumps to the place, a button applies the safe fix.
 * Rendered only when the report or the handlers change (memo): the screen re-renders with
 * every document change, which must not re-render hundreds of findings per keystroke.
 * With `onTab`, two tabs: 正式版 (the report) and 公开版 (the public version's screening).
 */
export const CheckPanel = memo(function CheckPanel({ report, onJump, onFix, publicReport = null, tab = 'official', onTab }: CheckPanelProps) {
  const { t } = useTranslation();
  const showPublic = tab === 'public' && onTab !== undefined;
  const shown = showPublic ? publicReport : report;
  const findings = shown ? (showPublic ? publicFindings(shown) : shown.findings) : [];
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  return (
    <aside className="check-panel" aria-label={t('checkPanel.title')}>
      <h2>{t('checkPanel.title')}</h2>
      {onTab ? (
        <div className="check-tabs" role="tablist" aria-label={t('checkPanel.tabs.label')}>
          {(['official', 'public'] as const).map((id) => (
            <button key={id} type="button" role="tab" aria-selected={tab === id} className={tab === id ? 'active' : ''} onClick={() => onTab(id)}>
              {t(`checkPanel.tabs.${id}`)}
            </button>
          ))}
        </div>
      ) : null}
      {showPublic ? <p className="muted small">{t('checkPanel.publicNote')}</p> : null}
      {!shown ? (
        <p className="muted">{t('checkPanel.running')}</p>
      ) : findings.length === 0 ? (
        <p className="check-ok">{t(showPublic ? 'checkPanel.publicAllGood' : 'checkPanel.allGood')}</p>
      ) : (
        <>
          <p className="check-summary" role="status">
            {t(showPublic ? 'checkPanel.publicSummary' : 'checkPanel.summary', { errors: count('error'), warnings: count('warning') })}
          </p>
          <FindingGroups findings={findings} onJump={onJump} onFix={onFix} />
        </>
      )}
    </aside>
  );
});
