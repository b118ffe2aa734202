/**
 * Run-in headings ("（一）强化组织领导。一是……"): the paragraph text after the heading
 * lives in a GwRunInNode inside the heading and is drawn in the body font (CSS). The
 * plugin keeps that structure sound and offers joining a heading with the paragraph after
 * it, or splitting the run-in text back out.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $createParagraphNode, $isParagraphNode, COMMAND_PRIORITY_EDITOR, createCommand, type LexicalEditor } from 'lexical';
import { $createGwRunInNode, $isGwHeadingNode, $isGwRunInNode, GwRunInNode } from '../../nodes';
import { $selectedBlocks } from '../HeadingLevelPlugin';

/** Heading + the following paragraph → one run-in heading. */
export const JOIN_RUN_IN_COMMAND = createCommand<void>('JOIN_RUN_IN_COMMAND');
/** Run-in heading → heading + a paragraph after it. */
export const SPLIT_RUN_IN_COMMAND = createCommand<void>('SPLIT_RUN_IN_COMMAND');

export function $joinRunIn(): boolean {
  const heading = $selectedBlocks()[0];
  if (!$isGwHeadingNode(heading)) return false;
  const next = heading.getNextSibling();
  if (!$isParagraphNode(next) || heading.getChildren().some($isGwRunInNode)) return false;
  const runIn = $createGwRunInNode();
  next.getChildren().forEach((child) => runIn.append(child));
  if (runIn.getChildrenSize() === 0) return false;
  heading.append(runIn);
  next.remove();
  return true;
}

export function $splitRunIn(): boolean {
  const heading = $selectedBlocks()[0];
  if (!$isGwHeadingNode(heading)) return false;
  const runIn = heading.getChildren().find($isGwRunInNode);
  if (!runIn) return false;
  const paragraph = $createParagraphNode();
  runIn.getChildren().forEach((child) => paragraph.append(child));
  runIn.remove();
  heading.insertAfter(paragraph);
  return true;
}

export function registerRunIn(editor: LexicalEditor): () => void {
  return mergeRegister(
    // A run-in outside a heading (after pasting or changing the block to body text) is plain text.
    editor.registerNodeTransform(GwRunInNode, (node) => {
      if ($isGwHeadingNode(node.getParent())) return;
      for (const child of node.getChildren()) node.insertBefore(child);
      node.remove();
    }),
    editor.registerCommand(JOIN_RUN_IN_COMMAND, () => {
      editor.update(() => void $joinRunIn());
      return true;
    }, COMMAND_PRIORITY_EDITOR),
    editor.registerCommand(SPLIT_RUN_IN_COMMAND, () => {
      editor.update(() => void $splitRunIn());
      return true;
    }, COMMAND_PRIORITY_EDITOR),
  );
}

export function RunInPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([GwRunInNode])) throw new Error('RunInPlugin: GwRunInNode not registered');
    return registerRunIn(editor);
  }, [editor]);
  return null;
}
