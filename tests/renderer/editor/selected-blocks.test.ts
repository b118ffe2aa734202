/**
 * The blocks a selection touches (HeadingLevelPlugin's $selectedBlocks, asked by the toolbar after
 * every update): a caret in a block is that block, found without walking the selection's nodes;
 * a caret on the root means the block at its offset; a range is every block it touches, in order.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { $createParagraphNode, $createRangeSelection, $createTextNode, $getRoot, $setSelection, createEditor, type ElementNode, type RangeSelection } from 'lexical';
import { EDITOR_NODES, $createGwHeadingNode } from '../../../renderer/editor/nodes';
import { $currentBlockLevel, $selectedBlocks } from '../../../renderer/editor/plugins/HeadingLevelPlugin';

function editorWith(texts: string[]) {
  const editor = createEditor({ namespace: 'test', nodes: [...EDITOR_NODES], onError: (e) => { throw e; } });
  editor.update(
    () => {
      const root = $getRoot();
      texts.forEach((text, i) => root.append((i === 1 ? $createGwHeadingNode(2) : $createParagraphNode()).append($createTextNode(text))));
    },
    { discrete: true },
  );
  return editor;
}

/** Keys of the blocks $selectedBlocks gives for a selection from (block, offset) to (block, offset) of text. */
function selected(texts: string[], from: [number, number], to: [number, number] = from, onRoot = false) {
  const editor = editorWith(texts);
  let out: { texts: string[]; level: number } = { texts: [], level: -1 };
  editor.update(
    () => {
      const blocks = $getRoot().getChildren<ElementNode>();
      const selection = $createRangeSelection();
      if (onRoot) {
        selection.anchor.set('root', from[0], 'element');
        selection.focus.set('root', to[0], 'element');
      } else {
        selection.anchor.set(blocks[from[0]]!.getFirstChild()!.getKey(), from[1], 'text');
        selection.focus.set(blocks[to[0]]!.getFirstChild()!.getKey(), to[1], 'text');
      }
      $setSelection(selection);
      out = { texts: $selectedBlocks().map((b) => b.getTextContent()), level: $currentBlockLevel() };
    },
    { discrete: true },
  );
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('$selectedBlocks', () => {
  it('a caret in a block is that block, without walking the selection (no getNodes per update)', () => {
    const proto = Object.getPrototypeOf(editorWith([]).getEditorState().read(() => $createRangeSelection())) as RangeSelection;
    const getNodes = vi.spyOn(proto, 'getNodes');
    expect(selected(['甲', '乙标题', '丙'], [1, 1])).toEqual({ texts: ['乙标题'], level: 2 });
    expect(selected(['甲', '乙标题', '丙'], [2, 0])).toEqual({ texts: ['丙'], level: 0 });
    expect(getNodes).not.toHaveBeenCalled();
  });

  it('a caret on the root is the block at its offset', () => {
    expect(selected(['甲', '乙标题', '丙'], [1, 0], [1, 0], true).texts).toEqual(['乙标题']);
  });

  it('a range is every block it touches, in document order, also selected backwards', () => {
    expect(selected(['甲', '乙标题', '丙', '丁'], [0, 0], [2, 1]).texts).toEqual(['甲', '乙标题', '丙']);
    expect(selected(['甲', '乙标题', '丙', '丁'], [3, 1], [1, 0])).toEqual({ texts: ['乙标题', '丙', '丁'], level: 2 });
  });
});
