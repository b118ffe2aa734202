/**
 * The secondary 版头/版记 fields and switches, in a collapsible panel beside the page:
 * 份号, 密级, 紧急程度, 行文方向, red header on/off, seal, 附件, 附注, 抄送, 印发机关/日期.
 * The page shows them as they print.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Direction, ReportHeader } from '../../../shared/model';
import { DraftField } from './DraftField';
import { chineseDateToIso, isoToChineseDate, normalizeDate } from './field-format';
import type { FieldRegistrar, HeaderUpdate } from './types';

const DIRECTIONS: Direction[] = ['up', 'parallel', 'down'];

export function HeaderMorePanel({ header, update, register }: { header: ReportHeader; update: HeaderUpdate; register: FieldRegistrar }) {
  const { t } = useTranslation();
  // A disclosure button, not <details>: with a closed <details> in the page (rendered with a
  // display lock, as we read it) Chromium's own text insertion in the body took ≈ 3 ms a key
  // more at 300 pages (bench A/B: textInput 15.0 → 12.1 ms with it open). The fields exist only while open;
  // focusField (ReportEditor) opens the panel to reach one.
  const [open, setOpen] = useState(false);
  const bodyId = useId();
  const text = (field: 'copyNumber' | 'secrecy' | 'urgency' | 'note' | 'cc' | 'printOrgan', normalize?: (s: string) => string) => (
    <label className="gw-more-field">
      <span>{t(`header.${field}`)}</span>
      <DraftField
        label={t(`header.${field}`)}
        placeholder={t(`header.placeholder.${field}`)}
        value={header[field]}
        onCommit={(v) => update({ [field]: v } as Partial<ReportHeader>)}
        normalize={normalize ?? ((s) => s.trim())}
        fieldRef={register(field)}
      />
    </label>
  );
  return (
    <div className="gw-more" ref={register('redHeader')}>
      <button type="button" className="gw-more-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        {t('header.more')}
      </button>
      {open ? (
        <div className="gw-more-body" id={bodyId}>
          <fieldset className="gw-more-switches">
            <legend>{t('header.direction')}</legend>
            {DIRECTIONS.map((d) => (
              <label key={d}>
                <input type="radio" name="gw-direction" value={d} checked={header.direction === d} onChange={() => update({ direction: d })} />
                {t(`header.directions.${d}`)}
              </label>
            ))}
          </fieldset>
          <label className="gw-more-check">
            <input type="checkbox" checked={header.redHeader} onChange={(e) => update({ redHeader: e.target.checked })} />
            {t('header.redHeader')}
          </label>
          <label className="gw-more-check">
            <input type="checkbox" checked={header.withSeal} onChange={(e) => update({ withSeal: e.target.checked })} ref={register('withSeal')} />
            {t('header.withSeal')}
          </label>
          {text('copyNumber')}
          {text('secrecy')}
          {text('urgency')}
          <label className="gw-more-field">
            <span>{t('header.attachments')}</span>
            <DraftField
              label={t('header.attachments')}
              placeholder={t('header.placeholder.attachments')}
              multiline
              value={header.attachments.join('\n')}
              onCommit={(v) => update({ attachments: v.split('\n') })}
              normalize={(v) => v.split('\n').map((l) => l.trim().replace(/^\d+[.．、]\s*/, '').replace(/[。；;，,]$/, '')).filter(Boolean).join('\n')}
              fieldRef={register('attachments')}
            />
          </label>
          {text('note', (s) => s.trim().replace(/^[（(]/, '').replace(/[）)]$/, ''))}
          {text('cc', (s) => s.trim().replace(/^抄送[：:]?/, '').replace(/[。.]$/, ''))}
          {text('printOrgan')}
          <label className="gw-more-field">
            <span>{t('header.printDate')}</span>
            <span className="gw-more-date">
              <DraftField
                label={t('header.printDate')}
                placeholder={t('header.placeholder.printDate')}
                value={header.printDate}
                onCommit={(v) => update({ printDate: v })}
                normalize={(v) => normalizeDate(v.replace(/印发$/, ''))}
                fieldRef={register('printDate')}
              />
              <input
                type="date"
                className="gw-date-picker"
                aria-label={t('header.printDatePicker')}
                title={t('header.printDatePicker')}
                value={chineseDateToIso(header.printDate)}
                onChange={(e) => {
                  const date = isoToChineseDate(e.target.value);
                  if (date) update({ printDate: date });
                }}
              />
            </span>
          </label>
        </div>
      ) : null}
    </div>
  );
}
