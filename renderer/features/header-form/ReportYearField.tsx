/**
 * 报告年度: the year the report is about (shared/model/report-year.ts). It shows the year in
 * force; while the user has not set it, that is the title's year and says so. Typing a year
 * sets it (from then on it stays, whatever the title says); 改为随标题 or clearing the field
 * goes back to following the title. A year that is not four digits in range is refused with
 * a message and the field shows the year in force again.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_YEAR_MAX, REPORT_YEAR_MIN, isReportYear } from '../../../shared/model';

export interface ReportYearFieldProps {
  /** The year in force (reportYearOf), null when neither the user nor the title gives one. */
  year: number | null;
  fixed: boolean;
  /** A year the user set, or null to follow the title again. */
  onSet: (year: number | null) => void;
}

const halfWidth = (s: string) => s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\u3000]|年(度)?$/g, '');

export function ReportYearField({ year, fixed, onSet }: ReportYearFieldProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const shown = year === null ? '' : String(year);
  const commit = (text: string) => {
    setDraft(null);
    const value = halfWidth(text);
    if (value === shown) return setInvalid(false);
    if (value === '') {
      setInvalid(false);
      return onSet(null);
    }
    const n = Number(value);
    if (!/^\d{4}$/.test(value) || !isReportYear(n)) return setInvalid(true);
    setInvalid(false);
    onSet(n);
  };
  return (
    <section className="gw-report-year" aria-label={t('header.reportYear.label')}>
      <label className="gw-more-field">
        <span>{t('header.reportYear.label')}</span>
        <input
          type="text"
          inputMode="numeric"
          className="gw-field"
          aria-label={t('header.reportYear.label')}
          aria-invalid={invalid}
          aria-describedby="gw-report-year-state"
          placeholder={t('header.reportYear.placeholder')}
          value={draft ?? shown}
          spellCheck={false}
          onFocus={() => setDraft(shown)}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            else if (e.key === 'Escape') {
              setDraft(shown);
              e.currentTarget.blur();
            }
          }}
        />
      </label>
      <p id="gw-report-year-state" className="gw-report-year-state">
        {fixed ? t('header.reportYear.fixed') : year === null ? t('header.reportYear.none') : t('header.reportYear.followsTitle')}
        {fixed ? (
          <button type="button" className="gw-link" onClick={() => onSet(null)}>
            {t('header.reportYear.follow')}
          </button>
        ) : null}
      </p>
      {invalid ? (
        <p className="gw-report-year-error" role="alert">
          {t('header.reportYear.invalid', { min: REPORT_YEAR_MIN, max: REPORT_YEAR_MAX })}
        </p>
      ) : null}
    </section>
  );
}
