/**
 * Block levels: body paragraph (0) or heading level 1–4. A heading whose level changes
 * loses its written number (it would be the wrong kind of number) and is numbered from its
 * position. Tab / Shift+Tab demote / promote a heading.
 */
import { useEffect } from 'react';
import { $isTableNode } from '@lexical/table';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $createParagraphNode,
  $getPreviousSelection,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  COMMAND_PRIORITY_EDITOR,
  KEY_TAB_COMMAND,
  createCommand,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import type { HeadingLevel } from '../../../../shared/model';
import { $createGwHeadingNode, $isGwGuidanceNode, $isGwHeadingNode, $isGwRunInNode, GwHeadingNode } from '../../nodes';

/** 0 = body paragraph. */
export type BlockLevel = 0 | HeadingLevel;

export const SET_BLOCK_LEVEL_COMMAND = createCommand<BlockLevel>('SET_BLOCK_LEVEL_COMMAND');

/** The top-level blocks the selection touches, in order. */
export function $selectedBlocks(): ElementNode[] {
  // The toolbar's level list takes focus from the text; the caret it means is the last one.
  const selection = $getSelection() ?? $getPreviousSelection();
  if (!$isRangeSelection(selection)) return [];
  const seen = new Set<string>();
  const out: ElementNode[] = [];
  const add = (node: LexicalNode | null) => {
    if (!node) return;
    const top = $isElementNode(node) && $isRootOrShadowRoot(node.getParent()) ? node : node.getTopLevelElement();
    // A table is one block of its own: levels, run-ins and paste targets never apply to it.
    if (top && $isElementNode(top) && !$isTableNode(top) && !seen.has(top.getKey())) {
      seen.add(top.getKey());
      out.push(top);
    }
  };
  const anchor = selection.anchor.getNode();
  add(anchor);
  // A caret in a block is that block alone: getNodes() would build the selection's caret ranges
  // on every update (the toolbar asks after each key, ~0.1 ms at 30 pages). A caret on the root
  // or a table cell means the block at its offset: getNodes() finds that one.
  if (selection.isCollapsed() && !$isRootOrShadowRoot(anchor)) return out;
  for (const node of selection.getNodes()) add(node);
  add(selection.focus.getNode());
  return out.sort((a, b) => a.getIndexWithinParent() - b.getIndexWithinParent());
}

/** The level of the block holding the caret (0 for body text and guidance). */
export function $currentBlockLevel(): BlockLevel {
  const block = $selectedBlocks()[0];
  return $isGwHeadingNode(block) ? block.getLevel() : 0;
}

function $moveChildren(from: ElementNode, to: ElementNode, unwrapRunIn: boolean): void {
  for (const child of from.getChildren()) {
    if (unwrapRunIn && $isGwRunInNode(child)) child.getChildren().forEach((c) => to.append(c));
    else to.append(child);
  }
}

export function $setBlockLevel(block: ElementNode, level: BlockLevel): ElementNode {
  if ($isGwHeadingNode(block)) {
    if (level === 0) {
      const paragraph = $createParagraphNode();
      $moveChildren(block, paragraph, true);
      block.replace(paragraph);
      return paragraph;
    }
    if (block.getLevel() !== level) block.setLevel(level).setLabel(null);
    return block;
  }
  if (level === 0) {
    if (!$isGwGuidanceNode(block)) return block;
    const paragraph = $createParagraphNode();
    $moveChildren(block, paragraph, false);
    block.replace(paragraph);
    return paragraph;
  }
  const heading = $createGwHeadingNode(level);
  $moveChildren(block, heading, false);
  block.replace(heading);
  return heading;
}

export function $setSelectedBlocksLevel(level: BlockLevel): void {
  const selection = $getSelection() ?? $getPreviousSelection();
  const anchor = $isRangeSelection(selection) ? { key: selection.anchor.key, offset: selection.anchor.offset, type: selection.anchor.type } : null;
  const blocks = $selectedBlocks();
  const replaced = blocks.map((block) => $setBlockLevel(block, level));
  // Text nodes move with their keys, so a text caret survives; an element caret in an
  // empty block (its key is gone) is put back into the new block.
  if (anchor && anchor.type === 'element' && blocks[0] && anchor.key === blocks[0].getKey() && replaced[0] && replaced[0] !== blocks[0]) replaced[0].selectStart();
}

export function registerHeadingLevels(editor: LexicalEditor): () => void {
  return mergeRegister(
    editor.registerCommand(
      SET_BLOCK_LEVEL_COMMAND,
      (level) => {
        editor.update(() => $setSelectedBlocksLevel(level));
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
    editor.registerCommand(
      KEY_TAB_COMMAND,
      (event) => {
        const blocks = $selectedBlocks();
        if (blocks.length === 0 || !blocks.every($isGwHeadingNode)) return false;
        event?.preventDefault();
        for (const block of blocks) {
          if (!$isGwHeadingNode(block)) continue;
          const next = block.getLevel() + (event?.shiftKey ? -1 : 1);
          if (next >= 1 && next <= 4) block.setLevel(next as HeadingLevel).setLabel(null);
        }
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
  );
}

export function HeadingLevelPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!editor.hasNodes([GwHeadingNode])) throw new Error('HeadingLevelPlugin: GwHeadingNode not registered');
    return registerHeadingLevels(editor);
  }, [editor]);
  return null;
}
