/**
 * Heading numbers: generated labels follow the headings' positions (一、二、… restart
 * under a new parent). The numbers are written into `data-gw-label` on the heading's DOM
 * and drawn by CSS, so renumbering after an insert/move/delete touches a few attributes,
 * not the editor state — undo restores the old order and with it the old numbers.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getRoot, COMMAND_PRIORITY_EDITOR, createCommand, type LexicalEditor } from 'lexical';
import { $readHeadings } from '../../heading-index';
import { $isGwHeadingNode, GwHeadingNode } from '../../nodes';

/** Drop every written number: all headings are numbered from their position. */
export const RENUMBER_HEADINGS_COMMAND = createCommand<void>('RENUMBER_HEADINGS_COMMAND');

function applyLabels(editor: LexicalEditor): void {
  editor.getEditorState().read(() => {
    for (const heading of $readHeadings(false)) {
      const dom = editor.getElementByKey(heading.key);
      if (dom && dom.getAttribute('data-gw-label') !== heading.label) dom.setAttribute('data-gw-label', heading.label);
    }
  });
}

export function registerNumbering(editor: LexicalEditor): () => void {
  applyLabels(editor);
  return mergeRegister(
    editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      // Selection-only updates cannot change numbers; text edits inside a paragraph mark
      // only the root dirty among top-level nodes, which is still cheap to re-walk.
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      applyLabels(editor);
    }),
    editor.registerRootListener(() => applyLabels(editor)),
    editor.registerCommand(
      RENUMBER_HEADINGS_COMMAND,
      () => {
        editor.update(() => {
          for (const node of $getRoot().getChildren()) if ($isGwHeadingNode(node) && node.getLabel() !== null) node.setLabel(null);
        });
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
  );
}

export function NumberingPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([GwHeadingNode])) throw new Error('NumberingPlugin: GwHeadingNode not registered');
    return registerNumbering(editor);
  }, [editor]);
  return null;
}
