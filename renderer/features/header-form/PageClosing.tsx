/**
 * After the body: 附件说明, the signature (发文机关署名) and 成文日期 in the layout GB/T 9704
 * 7.3.5 gives for documents with and without a seal, and the 附注.
 */
import { useTranslation } from 'react-i18next';
import type { ReportHeader } from '../../../shared/model';
import { DraftField } from './DraftField';
import { chineseDateToIso, isoToChineseDate, normalizeDate } from './field-format';
import { PRINT_TEXT } from './print-text';
import type { FieldRegistrar, HeaderUpdate } from './types';

export function PageClosing({ header, update, register }: { header: ReportHeader; update: HeaderUpdate; register: FieldRegistrar }) {
  const { t } = useTranslation();
  const attachments = header.attachments.filter(Boolean);
  return (
    <footer className="gw-closing">
      {attachments.length > 0 ? (
        <div className="gw-attachments">
          {attachments.map((name, i) => (
            <p key={i} className={i === 0 ? 'gw-attachment gw-attachment-first' : 'gw-attachment'}>
              {i === 0 ? (
                <span className="gw-attachment-lead">
                  {PRINT_TEXT.attachmentsLead}
                  {PRINT_TEXT.colon}
                </span>
              ) : null}
              {attachments.length > 1 ? `${i + 1}. ` : ''}
              {name}
            </p>
          ))}
        </div>
      ) : null}
      <div className={header.withSeal ? 'gw-signature gw-signature-seal' : 'gw-signature gw-signature-noseal'}>
        <div className="gw-signature-box">
          <div className="gw-organ-wrap">
          <DraftField
            label={t('header.signingOrgans')}
            placeholder={t('header.placeholder.signingOrgans')}
            multiline
            className="gw-organ"
            value={header.signingOrgans.join('\n')}
            onCommit={(text) => update({ signingOrgans: text.split('\n') })}
            normalize={(text) => text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n')}
            fieldRef={register('signingOrgans')}
          />
          </div>
          <div className="gw-date-row">
            <DraftField
              label={t('header.date')}
              placeholder={t('header.placeholder.date')}
              className="gw-date"
              value={header.date}
              onCommit={(text) => update({ date: text })}
              normalize={normalizeDate}
              fieldRef={register('date')}
            />
            <input
              type="date"
              className="gw-date-picker"
              aria-label={t('header.datePicker')}
              title={t('header.datePicker')}
              value={chineseDateToIso(header.date)}
              onChange={(e) => {
                const date = isoToChineseDate(e.target.value);
                if (date) update({ date });
              }}
            />
          </div>
        </div>
      </div>
      {header.note ? (
        <p className="gw-note">
          {PRINT_TEXT.openParen}
          {header.note}
          {PRINT_TEXT.closeParen}
        </p>
      ) : null}
    </footer>
  );
}

export function PageColophon({ header }: { header: ReportHeader }) {
  if (!header.cc && !header.printOrgan && !header.printDate) return null;
  const cc = header.cc.replace(/[。.]$/, '');
  return (
    <div className="gw-colophon">
      {cc ? (
        <p className="gw-colophon-row gw-cc">
          {PRINT_TEXT.ccLead}
          {PRINT_TEXT.colon}
          {cc}
          {PRINT_TEXT.fullStop}
        </p>
      ) : null}
      <p className="gw-colophon-row gw-print-line">
        <span>{header.printOrgan}</span>
        <span>
          {header.printDate}
          {header.printDate ? PRINT_TEXT.printedSuffix : ''}
        </span>
      </p>
    </div>
  );
}
