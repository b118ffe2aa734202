/**
 * The 版头 and the title block, on the page as they print (GB/T 9704 §7.2, §7.3.1–2):
 * 份号/密级/紧急程度 top-left, the red issuer mark, the 文号 (and 签发人 for up-going
 * documents), the red line, the title and the recipient. Sizes and fonts come from the
 * page CSS variables (shared/page/geometry.ts).
 */
import { useTranslation } from 'react-i18next';
import { useMemo, type CSSProperties } from 'react';
import type { ReportHeader } from '../../../shared/model';
import { GRID, issuerLinePt, issuerMarkSizeFor, issuerSpaceBeforePt } from '../../../shared/page/geometry';
import { titleLines } from '../../../shared/page/title-breaks';
import { DraftField } from './DraftField';
import { normalizeDocNumber, splitNames, stripTrailingColon } from './field-format';
import { PRINT_TEXT } from './print-text';
import type { FieldRegistrar, HeaderUpdate } from './types';

export function PageHeader({ header, update, register }: { header: ReportHeader; update: HeaderUpdate; register: FieldRegistrar }) {
  const { t } = useTranslation();
  const longest = Math.max(6, ...header.issuerLines.map((l) => [...l].length));
  const size = issuerMarkSizeFor(longest);
  // The same vertical metrics as the .docx's paragraphs (shared/page/geometry.ts), so the body
  // starts on page 1 where Word and LibreOffice start it.
  const fieldsAbove = [header.copyNumber, header.secrecy, header.urgency].filter((f) => f.trim()).length;
  const issuerStyle = { '--gw-issuer-now': `${size}pt`, '--gw-issuer-line': `${issuerLinePt(size)}pt` } as CSSProperties;
  const bannerStyle = { paddingTop: `${fieldsAbove * GRID.linePitchPt + issuerSpaceBeforePt(size, fieldsAbove)}pt` } as CSSProperties;
  const up = header.direction === 'up';
  // Broken by words (Intl.Segmenter's dictionary): once per title, not on every re-render.
  const printedTitle = useMemo(() => titleLines(header.title).join('\n'), [header.title]);
  return (
    <header className="gw-head">
      {header.redHeader ? (
        <div className="gw-banner" style={bannerStyle}>
          <div className="gw-corner" aria-hidden={!header.copyNumber && !header.secrecy && !header.urgency}>
            {header.copyNumber ? <div className="gw-copy-number">{header.copyNumber}</div> : null}
            {header.secrecy ? <div className="gw-secrecy">{header.secrecy}</div> : null}
            {header.urgency ? <div className="gw-urgency">{header.urgency}</div> : null}
          </div>
          <DraftField
            label={t('header.issuer')}
            placeholder={t('header.placeholder.issuer')}
            multiline
            className="gw-issuer"
            style={issuerStyle}
            value={header.issuerLines.join('\n')}
            onCommit={(text) => update({ issuerLines: text.split('\n') })}
            normalize={(text) => text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n')}
            fieldRef={register('issuerLines')}
          />
          <div className={up ? 'gw-docline gw-docline-up' : 'gw-docline gw-docline-centre'}>
            <DraftField
              label={t('header.docNumber')}
              placeholder={t('header.placeholder.docNumber')}
              className="gw-doc-number"
              value={header.docNumber}
              onCommit={(text) => update({ docNumber: text })}
              normalize={normalizeDocNumber}
              fieldRef={register('docNumber')}
            />
            {up ? (
              <span className="gw-signer">
                <span className="gw-signer-lead">
                  {PRINT_TEXT.signerLead}
                  {PRINT_TEXT.colon}
                </span>
                <DraftField
                  label={t('header.signers')}
                  placeholder={t('header.placeholder.signers')}
                  className="gw-signer-names"
                  value={header.signers.join(' ')}
                  onCommit={(text) => update({ signers: splitNames(text) })}
                  normalize={(text) => splitNames(text).join(' ')}
                  fieldRef={register('signers')}
                />
              </span>
            ) : null}
          </div>
          <div className="gw-red-line" role="presentation" />
        </div>
      ) : null}
      <DraftField
        label={t('header.title')}
        placeholder={t('header.placeholder.title')}
        multiline
        className="gw-title"
        value={printedTitle}
        editValue={header.title}
        onCommit={(text) => update({ title: text })}
        normalize={(text) => text.split('\n').map((l) => l.trim()).filter(Boolean).join('\n')}
        fieldRef={register('title')}
      />
      <div className="gw-recipient-line">
        <DraftField
          label={t('header.recipient')}
          placeholder={t('header.placeholder.recipient')}
          className="gw-recipient"
          value={header.recipient}
          onCommit={(text) => update({ recipient: text })}
          normalize={stripTrailingColon}
          fieldRef={register('recipient')}
        />
        <span className="gw-recipient-colon">{PRINT_TEXT.colon}</span>
      </div>
    </header>
  );
}
