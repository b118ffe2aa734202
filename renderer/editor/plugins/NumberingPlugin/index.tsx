/**
 * Heading numbers: generated labels follow the headings' positions (一、二、… restart
 * under a new parent). The numbers are written into `data-gw-label` on the heading's DOM
 * and drawn by CSS, so renumbering after an insert/move/delete touches a few attributes,
 * not the editor state — undo restores the old order and with it the old numbers. They are
 * worked out again only when a heading is created, removed, moved or changes level or
 * written label (registerHeadingWatch), never for typing in the body.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getRoot, COMMAND_PRIORITY_EDITOR, createCommand, type LexicalEditor, type NodeKey } from 'lexical';
import { $readHeadings, registerHeadingWatch } from '../../heading-index';
import { $isGwHeadingNode, GwHeadingNode } from '../../nodes';

/** Drop every written number: all headings are numbered from their position. */
export const RENUMBER_HEADINGS_COMMAND = createCommand<void>('RENUMBER_HEADINGS_COMMAND');

/** Labels by heading key, worked out from the whole heading sequence. */
function readLabels(editor: LexicalEditor): Map<NodeKey, string> {
  return editor.getEditorState().read(() => new Map($readHeadings(false).map((h) => [h.key, h.label])));
}

function writeLabel(editor: LexicalEditor, key: NodeKey, label: string | undefined): void {
  const dom = editor.getElementByKey(key);
  if (dom && label !== undefined && dom.getAttribute('data-gw-label') !== label) dom.setAttribute('data-gw-label', label);
}

export function registerNumbering(editor: LexicalEditor): () => void {
  let labels = new Map<NodeKey, string>();
  const applyAll = () => {
    labels = readLabels(editor);
    for (const [key, label] of labels) writeLabel(editor, key, label);
  };
  applyAll();
  return mergeRegister(
    // Numbers change only when the heading sequence does; typing in a paragraph never
    // reaches here, typing in a heading only puts its label back on a re-created DOM.
    registerHeadingWatch(editor, ({ structure, touched }) => {
      if (structure) applyAll();
      else for (const key of touched) writeLabel(editor, key, labels.get(key));
    }),
    editor.registerRootListener(() => applyAll()),
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
