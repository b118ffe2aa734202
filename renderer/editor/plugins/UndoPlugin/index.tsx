/**
 * Undo/redo: Lexical's HistoryPlugin, with the history seeded with the document as opened.
 * Lexical never makes an editor's first update undoable (it has no "before" entry yet); a
 * quick fix or restore applied before the user has clicked into the text must still be.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import type { HistoryState } from '@lexical/history';

/** `history` is owned by the editor view: the paste plugin reads it to undo a whole-report move with the body. */
export function UndoPlugin({ history }: { history: HistoryState }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (history.current === null) history.current = { editor, editorState: editor.getEditorState() };
  }, [editor, history]);
  return <HistoryPlugin externalHistoryState={history} />;
}
