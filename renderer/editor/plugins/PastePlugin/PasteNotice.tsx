/**
 * The notice after a whole-report paste: which header fields took which lines, and 撤销,
 * which gives back the paste exactly as it was (the same as Ctrl+Z while it is the last step).
 */
import { useTranslation } from 'react-i18next';
import type { MovedField } from '../../../../shared/import/paste';

/** The header field's label key (header.<key>). */
const LABEL_KEY: Partial<Record<MovedField['field'], string>> = { issuerLines: 'issuer' };

export function PasteNotice({ moved, canUndo, onUndo, onDismiss }: { moved: MovedField[]; canUndo: boolean; onUndo: () => void; onDismiss: () => void }) {
  const { t } = useTranslation();
  const fields = moved.map((m) => t('editor.pasteMove.field', { name: t(`header.${LABEL_KEY[m.field] ?? m.field}`), value: m.value })).join(t('editor.pasteMove.separator'));
  return (
    <div className="gw-paste-notice" role="status" aria-label={t('editor.pasteMove.label')}>
      <p>{t('editor.pasteMove.moved', { count: moved.length, fields })}</p>
      {canUndo ? (
        <button type="button" onClick={onUndo} title={t('editor.pasteMove.undoHint')}>
          {t('editor.pasteMove.undo')}
        </button>
      ) : null}
      <button type="button" className="link" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
