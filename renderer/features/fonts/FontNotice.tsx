import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FontCheck, FontStatus } from '../../../shared/ipc/contract';
import { useFontStatus } from './use-font-status';
import { useStartup } from '../../platform/startup';
import './fonts.css';

export interface FontNoticeProps {
  /** 'bar' on start (dismissable); 'export' inside the export dialog (says what the .docx will do). */
  variant?: 'bar' | 'export';
  /** Tests and the export dialog may pass a status they already have. */
  status?: FontStatus | null;
}

/**
 * Says in plain words which of the four standard fonts this PC lacks, what the screen and
 * print use instead, and that the .docx still names the standard fonts. Renders nothing when
 * all four are installed or when the PC's fonts could not be read.
 */
export function FontNotice({ variant = 'bar', status: given }: FontNoticeProps) {
  const { t } = useTranslation();
  const startup = useStartup();
  // the bar on start takes the window's start-up answer; the export dialog asks afresh
  const fetched = useFontStatus(variant === 'bar' ? startup : undefined);
  const status = given === undefined ? fetched.status : given;
  // an answer that came after the first paint floats in a corner instead of pushing the page down
  const late = variant === 'bar' && given === undefined && fetched.late;
  const [open, setOpen] = useState(variant === 'export');
  const [dismissed, setDismissed] = useState(false);
  if (!status || status.missing === 0 || dismissed) return null;

  const fontName = (name: string) => t(`fonts.names.${name}`, { defaultValue: name });
  const row = (font: FontCheck) => {
    const values = { standard: font.standard, use: t(`fonts.use.${font.key}`), fallback: fontName(font.fallback ?? 'serif') };
    if (font.installed) return t('fonts.row.installed', values);
    return t(font.equivalent ? 'fonts.row.equivalent' : 'fonts.row.substitute', values);
  };

  return (
    <section className={`font-notice font-notice-${variant}${late ? ' late-notice' : ''}`} role="status" aria-label={t('fonts.title', { count: status.missing })}>
      <p className="font-notice-title">
        <strong>{t('fonts.title', { count: status.missing })}</strong>{' '}
        <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('fonts.hideDetails') : t('fonts.details')}
        </button>
        {variant === 'bar' ? (
          <button type="button" className="link" onClick={() => setDismissed(true)}>
            {t('common.dismiss')}
          </button>
        ) : null}
      </p>
      {open ? (
        <div className="font-notice-details">
          <p>{t('fonts.summary')}</p>
          <ul>
            {status.fonts.map((font) => (
              <li key={font.key} className={font.installed ? 'font-ok' : font.equivalent ? 'font-equivalent' : 'font-missing'}>
                {row(font)}
              </li>
            ))}
          </ul>
          <p>{t('fonts.docx')}</p>
          <p className="font-notice-howto">{t('fonts.howTo')}</p>
        </div>
      ) : null}
    </section>
  );
}
