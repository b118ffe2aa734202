/**
 * Paragraph indent: every body paragraph and heading is indented two characters by the
 * page CSS (GB/T 9704 7.3.3), as Word's first-line indent does. Clerks used to indenting
 * by hand type or paste two full-width spaces, which would then indent four characters:
 * leading spaces of a block are removed as they appear.
 */
import { useEffect } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, $isRootOrShadowRoot, TextNode, type LexicalEditor } from 'lexical';

const LEADING_SPACE = /^[\s\u3000]+/;

export function registerIndent(editor: LexicalEditor): () => void {
  return editor.registerNodeTransform(TextNode, (text) => {
    if (text.getPreviousSibling() !== null) return;
    const parent = text.getParent();
    if (!parent || !$isRootOrShadowRoot(parent.getParent())) return;
    const content = text.getTextContent();
    const match = LEADING_SPACE.exec(content);
    if (!match) return;
    const rest = content.slice(match[0].length);
    if (rest.length === 0) {
      // Only spaces so far: keep them until there is text, then strip, so the caret does not jump.
      return;
    }
    const cut = match[0].length;
    const writable = text.setTextContent(rest);
    const selection = $getSelection();
    if ($isRangeSelection(selection)) {
      for (const point of [selection.anchor, selection.focus]) {
        if (point.key === writable.getKey()) point.set(point.key, Math.max(0, point.offset - cut), 'text');
      }
    }
  });
}

export function IndentPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerIndent(editor), [editor]);
  return null;
}
