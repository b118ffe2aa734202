/**
 * The toolbar above the page. It only dispatches commands exported by the plugins that
 * handle them, and reads the state it shows (block level, bold, undo/redo) through
 * listeners.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
} from 'lexical';
import { $currentBlockLevel, SET_BLOCK_LEVEL_COMMAND, type BlockLevel } from '../HeadingLevelPlugin';
import { RENUMBER_HEADINGS_COMMAND } from '../NumberingPlugin';
import { JOIN_RUN_IN_COMMAND, SPLIT_RUN_IN_COMMAND } from '../RunInPlugin';
import { OPEN_FIND_COMMAND } from '../FindReplacePlugin';
import { TableTools } from '../TablePlugin';
import { ZOOM_IN_COMMAND, ZOOM_MAX, ZOOM_MIN, ZOOM_OUT_COMMAND, ZOOM_SET_COMMAND } from '../ZoomPlugin';

const LEVELS: BlockLevel[] = [0, 1, 2, 3, 4];

export function ToolbarPlugin({ zoom }: { zoom: number }) {
  const { t } = useTranslation();
  const [editor] = useLexicalComposerContext();
  const [level, setLevel] = useState<BlockLevel>(0);
  const [bold, setBold] = useState(false);
  const [canUndo, setCanUndo] = useState(false);
  const [canRedo, setCanRedo] = useState(false);

  useEffect(
    () =>
      mergeRegister(
        editor.registerUpdateListener(({ editorState }) => {
          editorState.read(
            () => {
            setLevel($currentBlockLevel());
            const selection = $getSelection();
            setBold($isRangeSelection(selection) && selection.hasFormat('bold'));
            },
            { editor },
          );
        }),
        editor.registerCommand(CAN_UNDO_COMMAND, (v) => (setCanUndo(v), false), COMMAND_PRIORITY_LOW),
        editor.registerCommand(CAN_REDO_COMMAND, (v) => (setCanRedo(v), false), COMMAND_PRIORITY_LOW),
      ),
    [editor],
  );

  return (
    // Buttons keep the caret in the text (no focus change on press); the list takes focus and
    // HeadingLevelPlugin falls back to the last selection.
    <div className="gw-toolbar" role="toolbar" aria-label={t('editor.toolbar.label')} onMouseDown={(e) => {
      if ((e.target as HTMLElement).closest('button')) e.preventDefault();
    }}>
      <button type="button" disabled={!canUndo} onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)} title={t('editor.toolbar.undoHint')}>
        {t('editor.toolbar.undo')}
      </button>
      <button type="button" disabled={!canRedo} onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)} title={t('editor.toolbar.redoHint')}>
        {t('editor.toolbar.redo')}
      </button>
      <span className="gw-toolbar-sep" />
      <select
        aria-label={t('editor.toolbar.blockLevel')}
        title={t('editor.toolbar.blockLevelHint')}
        value={String(level)}
        onChange={(e) => editor.dispatchCommand(SET_BLOCK_LEVEL_COMMAND, Number(e.target.value) as BlockLevel)}
      >
        {LEVELS.map((l) => (
          <option key={l} value={String(l)}>
            {t(`editor.level.${l}`)}
          </option>
        ))}
      </select>
      <button type="button" aria-pressed={bold} className="gw-bold-button" onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')} title={t('editor.toolbar.boldHint')}>
        {t('editor.toolbar.bold')}
      </button>
      <button type="button" onClick={() => editor.dispatchCommand(JOIN_RUN_IN_COMMAND, undefined)} title={t('editor.toolbar.joinRunInHint')}>
        {t('editor.toolbar.joinRunIn')}
      </button>
      <button type="button" onClick={() => editor.dispatchCommand(SPLIT_RUN_IN_COMMAND, undefined)} title={t('editor.toolbar.splitRunInHint')}>
        {t('editor.toolbar.splitRunIn')}
      </button>
      <button type="button" onClick={() => editor.dispatchCommand(RENUMBER_HEADINGS_COMMAND, undefined)} title={t('editor.toolbar.renumberHint')}>
        {t('editor.toolbar.renumber')}
      </button>
      <span className="gw-toolbar-sep" />
      <TableTools />
      <span className="gw-toolbar-sep" />
      <button type="button" onClick={() => editor.dispatchCommand(OPEN_FIND_COMMAND, undefined)} title={t('editor.toolbar.findHint')}>
        {t('editor.toolbar.find')}
      </button>
      <span className="spacer" />
      <button type="button" disabled={zoom <= ZOOM_MIN} onClick={() => editor.dispatchCommand(ZOOM_OUT_COMMAND, undefined)} aria-label={t('editor.toolbar.zoomOut')} title={t('editor.toolbar.zoomOut')}>
        −
      </button>
      <button type="button" className="gw-zoom-value" onClick={() => editor.dispatchCommand(ZOOM_SET_COMMAND, 100)} aria-label={t('editor.toolbar.zoomReset', { percent: zoom })} title={t('editor.toolbar.zoomResetHint')}>
        {zoom}%
      </button>
      <button type="button" disabled={zoom >= ZOOM_MAX} onClick={() => editor.dispatchCommand(ZOOM_IN_COMMAND, undefined)} aria-label={t('editor.toolbar.zoomIn')} title={t('editor.toolbar.zoomIn')}>
        +
      </button>
    </div>
  );
}
