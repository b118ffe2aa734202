/**
 * Undo/redo: Lexical's HistoryPlugin, with the history seeded with the document as opened.
 * Lexical never makes an editor's first update undoable (it has no "before" entry yet); a
 * quick fix or restore applied before the user has clicked into the text must still be.
 */
import { useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { createEmptyHistoryState } from '@lexical/history';

export function UndoPlugin() {
  const [editor] = useLexicalComposerContext();
  const [history] = useState(createEmptyHistoryState);
  useEffect(() => {
    if (history.current === null) history.current = { editor, editorState: editor.getEditorState() };
  }, [editor, history]);
  return <HistoryPlugin externalHistoryState={history} />;
}
