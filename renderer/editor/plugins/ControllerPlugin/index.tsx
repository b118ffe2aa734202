/**
 * The EditorController handed to the screen (check panel jumps, quick fixes, restore).
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import type { GongwenDocument, ReportHeader } from '../../../../shared/model';
import { $replaceBody } from '../../bridge';
import { revealBlock } from '../OutlinePlugin';

export interface EditorController {
  /** Index into toBlocks(doc.body): scroll into view, caret there, highlighted briefly. */
  jumpToBlock(index: number): void;
  /** Focus a header field. */
  jumpToField(field: keyof ReportHeader): void;
  /** Replace header and body; the body change is one undo step. */
  replaceDocument(document: GongwenDocument): void;
  getDocument(): GongwenDocument;
}

export interface ControllerPluginProps {
  onReady?: (controller: EditorController) => void;
  getDocument: () => GongwenDocument;
  setHeader: (header: ReportHeader) => void;
  focusField: (field: keyof ReportHeader) => void;
}

export function ControllerPlugin({ onReady, getDocument, setHeader, focusField }: ControllerPluginProps): null {
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
        setHeader(document.header);
      },
      getDocument,
    });
  }, [editor, onReady, getDocument, setHeader, focusField]);
  return null;
}
