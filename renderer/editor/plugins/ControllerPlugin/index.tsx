/**
 * The EditorController handed to the screen (check panel jumps, quick fixes, restore).
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import type { GongwenDocument, ReportHeader } from '../../../../shared/model';
import { $replaceBody } from '../../bridge';
import { revealBlock } from '../OutlinePlugin';
import { OPEN_FIND_COMMAND } from '../FindReplacePlugin';
import { ZOOM_DEFAULT, ZOOM_IN_COMMAND, ZOOM_OUT_COMMAND, ZOOM_SET_COMMAND } from '../ZoomPlugin';

export interface EditorController {
  /** Index into toBlocks(doc.body): scroll into view, caret there, highlighted briefly. */
  jumpToBlock(index: number): void;
  /** Focus a header field. */
  jumpToField(field: keyof ReportHeader): void;
  /** Replace header and body; the body change is one undo step. */
  replaceDocument(document: GongwenDocument): void;
  getDocument(): GongwenDocument;
  /** The menu's 查找 and zoom items: the same commands as the page's own keys. */
  command(name: 'find' | 'zoom-in' | 'zoom-out' | 'zoom-reset'): void;
}

export interface ControllerPluginProps {
  onReady?: (controller: EditorController) => void;
  getDocument: () => GongwenDocument;
  setHeader: (header: ReportHeader) => void;
  /** The 报告年度 as the replacing document has it. */
  setYear: (year: Pick<GongwenDocument, 'reportYear' | 'reportYearFixed'>) => void;
  focusField: (field: keyof ReportHeader) => void;
}

export function ControllerPlugin({ onReady, getDocument, setHeader, setYear, focusField }: ControllerPluginProps): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!onReady) return;
    onReady({
      jumpToBlock(index) {
        const key = editor.getEditorState().read(() => $getRoot().getChildAtIndex(index)?.getKey() ?? null);
        if (key !== null) revealBlock(editor, key);
      },
      jumpToField: focusField,
      replaceDocument(document) {
        editor.update(() => $replaceBody(document.body));
        setYear(document);
        setHeader(document.header);
      },
      getDocument,
      command(name) {
        if (name === 'find') editor.dispatchCommand(OPEN_FIND_COMMAND, undefined);
        else if (name === 'zoom-in') editor.dispatchCommand(ZOOM_IN_COMMAND, undefined);
        else if (name === 'zoom-out') editor.dispatchCommand(ZOOM_OUT_COMMAND, undefined);
        else editor.dispatchCommand(ZOOM_SET_COMMAND, ZOOM_DEFAULT);
      },
    });
  }, [editor, onReady, getDocument, setHeader, setYear, focusField]);
  return null;
}
