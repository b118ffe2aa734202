/**
 * Template guidance behaves like a placeholder: the first thing typed into it (keys, IME,
 * paste, deletion) turns it into a normal paragraph holding only what was typed. It works
 * by comparing the guidance's text with the text it was created with, after the edit, so
 * it does not depend on how the browser delivered the input; it waits while an IME
 * composition is open so the composition is not torn down mid-word.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  INSERT_PARAGRAPH_COMMAND,
  TextNode,
  type LexicalEditor,
} from 'lexical';
import { $isGwGuidanceNode, GwGuidanceNode } from '../../nodes';

/** What was typed into `original` to give `current`: the middle part after removing the common prefix and suffix. */
export function typedInto(original: string, current: string): string {
  let start = 0;
  while (start < original.length && start < current.length && original[start] === current[start]) start++;
  let end = 0;
  while (end < original.length - start && end < current.length - start && original[original.length - 1 - end] === current[current.length - 1 - end]) end++;
  return current.slice(start, current.length - end);
}

export function $resolveGuidance(node: GwGuidanceNode, editor: LexicalEditor): void {
  if (editor.isComposing() || !node.isAttached()) return;
  const current = node.getTextContent();
  const original = node.getOriginalText();
  if (current === original) return;
  const selection = $getSelection();
  const caretInside = $isRangeSelection(selection) && (selection.anchor.getNode() === node || node.isParentOf(selection.anchor.getNode()));
  const typed = typedInto(original, current);
  const paragraph = $createParagraphNode();
  const text = typed ? $createTextNode(typed) : null;
  if (text) paragraph.append(text);
  node.replace(paragraph);
  if (caretInside || !$isRangeSelection(selection)) {
    if (text) text.select(typed.length, typed.length);
    else paragraph.select();
  }
}

export function registerGuidance(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(TextNode, (text) => {
      const parent = text.getParent();
      if ($isGwGuidanceNode(parent)) $resolveGuidance(parent, editor);
    }),
    editor.registerNodeTransform(GwGuidanceNode, (node) => $resolveGuidance(node, editor)),
    // Enter inside guidance must not split the grey text into a real paragraph: it opens
    // an empty paragraph after the guidance instead.
    editor.registerCommand(
      INSERT_PARAGRAPH_COMMAND,
      () => {
        const selection = $getSelection();
        if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
        const block = selection.anchor.getNode().getTopLevelElement();
        if (!$isGwGuidanceNode(block)) return false;
        const paragraph = $createParagraphNode();
        block.insertAfter(paragraph);
        paragraph.select();
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
  );
}

export function GuidancePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([GwGuidanceNode])) throw new Error('GuidancePlugin: GwGuidanceNode not registered');
    return registerGuidance(editor);
  }, [editor]);
  return null;
}
