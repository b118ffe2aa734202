/**
 * The status bar under the page: 字数 (see ./count.ts for exactly what is counted), the
 * page estimate and the zoom. Recomputed after typing pauses (250 ms), never per keystroke.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { displayLabels, toBlocks, type ReportHeader } from '../../../../shared/model';
import { bodyFromEditorState } from '../../bridge';
import { documentStats, type DocumentStats } from './count';

export function StatusBarPlugin({ header, zoom, measuredPages }: { header: ReportHeader; zoom: number; measuredPages: number | null }) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [stats, setStats] = useState<DocumentStats | null>(null);
  useEffect(() => {
    const compute = () => {
      const blocks = toBlocks(bodyFromEditorState(editor.getEditorState()));
      setStats(documentStats(header, blocks, displayLabels(blocks)));
    };
    compute();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(compute, 250);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [editor, header]);
  const pages = measuredPages ?? stats?.pages ?? 1;
  return (
    <div className="gw-status" role="status" aria-label={t('editor.status.label')}>
      <span title={t('editor.status.charsHelp')}>{t('editor.status.chars', { n: stats?.chars ?? 0 })}</span>
      <span title={t('editor.status.pagesHelp')}>{t('editor.status.pages', { n: pages })}</span>
      <span>{t('editor.status.zoom', { percent: zoom })}</span>
    </div>
  );
}
