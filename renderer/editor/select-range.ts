/**
 * A finding's place → a selection in the editor. The engine counts offsets in blockText of a
 * block (shared/checks/types.ts FindingWhere): a heading's text then its run-in text, a table's
 * cells joined by a tab and rows by a newline (a cell's non-empty paragraphs by a newline),
 * a line break as one '\n'. This walks the live Lexical nodes in exactly that order
 * (toBlocks in shared/model/lexical-json.ts reads the same shape from JSON), so the text
 * selected is the text the check found. Heading numbers are drawn by CSS, never text.
 */
import { $createRangeSelection, $isElementNode, $isLineBreakNode, $isTextNode, $setSelection, type ElementNode, type LexicalNode, type TextNode } from 'lexical';
import { $isTableCellNode, $isTableNode, $isTableRowNode } from '@lexical/table';
import { GwRunInNode } from './nodes/GwRunInNode';

interface Segment {
  /** null: a separator (line break, tab between cells, newline between rows or cell lines). */
  node: TextNode | null;
  start: number;
  length: number;
}

function inline(node: ElementNode, out: Segment[], pos: { at: number }, skipRunIn: boolean): void {
  for (const child of node.getChildren()) {
    if ($isTextNode(child)) {
      out.push({ node: child, start: pos.at, length: child.getTextContentSize() });
      pos.at += child.getTextContentSize();
    } else if ($isLineBreakNode(child)) {
      out.push({ node: null, start: pos.at, length: 1 });
      pos.at += 1;
    } else if (child instanceof GwRunInNode) {
      if (!skipRunIn) inline(child, out, pos, false);
    } else if ($isElementNode(child)) inline(child, out, pos, skipRunIn);
  }
}

function separator(out: Segment[], pos: { at: number }): void {
  out.push({ node: null, start: pos.at, length: 1 });
  pos.at += 1;
}

/** The text segments of one top-level block, in blockText order. */
export function $segments(block: LexicalNode): Segment[] {
  const out: Segment[] = [];
  const pos = { at: 0 };
  if (!$isElementNode(block)) return out;
  if ($isTableNode(block)) {
    block.getChildren().forEach((row, r) => {
      if (r > 0) separator(out, pos);
      if (!$isTableRowNode(row)) return;
      row.getChildren().forEach((cell, c) => {
        if (c > 0) separator(out, pos);
        if (!$isTableCellNode(cell)) return;
        let lines = 0;
        for (const para of cell.getChildren()) {
          if (!$isElementNode(para) || para.getTextContent() === '') continue;
          if (lines++ > 0) separator(out, pos);
          inline(para, out, pos, false);
        }
      });
    });
    return out;
  }
  inline(block, out, pos, true);
  const runIn = block.getChildren().find((c): c is GwRunInNode => c instanceof GwRunInNode);
  if (runIn) inline(runIn, out, pos, false);
  return out;
}

type Point = { node: TextNode; offset: number };

/** The text point at `offset`; a start point leans forward (never the end of the text before), an end point back. */
function pointAt(segments: Segment[], offset: number, lean: 'forward' | 'back'): Point | null {
  const texts = segments.filter((s): s is Segment & { node: TextNode } => s.node !== null);
  if (texts.length === 0) return null;
  if (lean === 'forward') {
    for (const s of texts) if (offset < s.start + s.length || (offset === s.start + s.length && s === texts[texts.length - 1])) return { node: s.node, offset: Math.max(0, offset - s.start) };
    const last = texts[texts.length - 1]!;
    return { node: last.node, offset: last.length };
  }
  for (let i = texts.length - 1; i >= 0; i--) {
    const s = texts[i]!;
    if (offset > s.start || (offset === s.start && i === 0)) return { node: s.node, offset: Math.min(s.length, offset - s.start) };
  }
  return { node: texts[0]!.node, offset: 0 };
}

/**
 * Selects [start, end) of the block (inside editor.update). Returns the key of the text node
 * the selection starts in, or null when the block has no text (the caller falls back to the block).
 */
export function $selectBlockRange(block: LexicalNode, start: number, end: number): string | null {
  const segments = $segments(block);
  const from = pointAt(segments, start, 'forward');
  const to = end > start ? pointAt(segments, end, 'back') : from;
  if (!from || !to) return null;
  const selection = $createRangeSelection();
  selection.anchor.set(from.node.getKey(), from.offset, 'text');
  selection.focus.set(to.node.getKey(), to.offset, 'text');
  $setSelection(selection);
  return from.node.getKey();
}
