/**
 * Typing goes through the same door as everything else (shared/model/normalize.ts): a text
 * node that gets a mark we do not keep (Ctrl+I, Ctrl+U), an inline style or a special mode
 * is set back at once, and an element's alignment or indent is cleared. Node transforms run
 * only on the nodes an update dirtied, so a keystroke costs one node, never the document.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { ParagraphNode, TextNode, type ElementNode, type LexicalEditor } from 'lexical';
import { KEPT_FORMAT } from '../../../../shared/model';
import { GwGuidanceNode, GwHeadingNode } from '../../nodes';

function $cleanText(node: TextNode): void {
  const format = node.getFormat();
  if ((format & ~KEPT_FORMAT) !== 0) node.setFormat(format & KEPT_FORMAT);
  if (node.getStyle() !== '') node.setStyle('');
  if (node.getMode() !== 'normal') node.setMode('normal');
  if (node.getDetail() !== 0) node.setDetail(0);
}

function $cleanElement(node: ElementNode): void {
  if (node.getFormatType() !== '') node.setFormat('');
  if (node.getIndent() !== 0) node.setIndent(0);
  if (node instanceof ParagraphNode) {
    if ((node.getTextFormat() & ~KEPT_FORMAT) !== 0) node.setTextFormat(node.getTextFormat() & KEPT_FORMAT);
    if (node.getTextStyle() !== '') node.setTextStyle('');
  }
}

export function registerNormalize(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerNodeTransform(TextNode, $cleanText),
    editor.registerNodeTransform(ParagraphNode, $cleanElement),
    editor.registerNodeTransform(GwHeadingNode, $cleanElement),
    editor.registerNodeTransform(GwGuidanceNode, $cleanElement),
  );
}

export function NormalizePlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerNormalize(editor), [editor]);
  return null;
}
