/**
 * The status bar under the page: 字数 (see ./count.ts for exactly what is counted), the
 * page estimate and the zoom. Recomputed after typing pauses (the page layer's EDIT_PAUSE_MS,
 * when the sheets are re-cut too, then when idle), never per keystroke, and then only for the
 * blocks that changed (createIncrementalStats). A shorter wait refreshed 字数 between keys of
 * steady typing: a frame of its own each time (at 300 pages ~20 ms of main thread).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { ReportHeader } from '../../../../shared/model';
import { whenIdle } from '../../../platform/idle';
import { createPauseTimer } from '../../../platform/pause-timer';
import { createBodyCache } from '../../body-cache';
import { EDIT_PAUSE_MS } from '../../page/page-layer';
import { createIncrementalStats, type DocumentStats } from './count';

export function StatusBarPlugin({ header, zoom, measuredPages }: { header: ReportHeader; zoom: number; measuredPages: number | null }) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [stats, setStats] = useState<DocumentStats | null>(null);
  const [counter] = useState(createIncrementalStats);
  useEffect(() => {
    const cache = createBodyCache(editor);
    const compute = () => setStats(counter(header, cache.body()));
    compute();
    let cancelIdle: (() => void) | undefined;
    const pause = createPauseTimer(() => {
      cancelIdle?.();
      cancelIdle = whenIdle(compute, 500);
    }, EDIT_PAUSE_MS);
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      pause.poke();
    });
    return () => {
      pause.cancel();
      cancelIdle?.();
      off();
      cache.dispose();
    };
  }, [editor, header, counter]);
  const pages = measuredPages ?? stats?.pages ?? 1;
  return (
    <div className="gw-status" role="status" aria-label={t('editor.status.label')}>
      <span title={t('editor.status.charsHelp')}>{t('editor.status.chars', { n: stats?.chars ?? 0 })}</span>
      <span title={t('editor.status.pagesHelp')}>{t('editor.status.pages', { n: pages })}</span>
      <span>{t('editor.status.zoom', { percent: zoom })}</span>
    </div>
  );
}
