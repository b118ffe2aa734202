/**
 * Finding text across a block's text nodes (a match may span a bold run and plain text).
 * Pure Lexical-state logic, usable in the headless editor.
 */
import { $createRangeSelection, $getRoot, $getSelection, $isElementNode, $isRangeSelection, $setSelection, type NodeKey, type TextNode } from 'lexical';

export interface TextSpan {
  key: NodeKey;
  start: number;
  end: number;
}

export interface FindMatch {
  blockKey: NodeKey;
  /** Offsets in the block's text (all text nodes concatenated, run-ins included). */
  start: number;
  end: number;
  spans: TextSpan[];
}

function $textNodesOf(block: unknown): TextNode[] {
  return $isElementNode(block as never) ? (block as { getAllTextNodes(): TextNode[] }).getAllTextNodes() : [];
}

export function $findMatches(query: string, limit = 5000): FindMatch[] {
  if (!query) return [];
  const out: FindMatch[] = [];
  for (const block of $getRoot().getChildren()) {
    const nodes = $textNodesOf(block);
    if (nodes.length === 0) continue;
    const starts: number[] = [];
    let text = '';
    for (const node of nodes) {
      starts.push(text.length);
      text += node.getTextContent();
    }
    let from = 0;
    for (;;) {
      const at = text.indexOf(query, from);
      if (at < 0) break;
      const end = at + query.length;
      const spans: TextSpan[] = [];
      nodes.forEach((node, i) => {
        const s = starts[i]!;
        const e = s + node.getTextContentSize();
        if (e > at && s < end) spans.push({ key: node.getKey(), start: Math.max(at, s) - s, end: Math.min(end, e) - s });
      });
      out.push({ blockKey: block.getKey(), start: at, end, spans });
      if (out.length >= limit) return out;
      from = end;
    }
  }
  return out;
}

/** Select a match (inside an update). */
export function $selectMatch(match: FindMatch): void {
  const first = match.spans[0];
  const last = match.spans[match.spans.length - 1];
  if (!first || !last) return;
  const selection = $createRangeSelection();
  selection.anchor.set(first.key, first.start, 'text');
  selection.focus.set(last.key, last.end, 'text');
  $setSelection(selection);
}

/** Replace every match (inside one update: one undo step). Returns the number replaced. */
export function $replaceAll(query: string, replacement: string): number {
  const matches = $findMatches(query, Number.MAX_SAFE_INTEGER);
  // From the end, so earlier offsets stay valid.
  for (let i = matches.length - 1; i >= 0; i--) {
    $selectMatch(matches[i]!);
    const current = $getSelectionText();
    if (current === query) $insertAtSelection(replacement);
  }
  return matches.length;
}

function $getSelectionText(): string {
  const selection = $getSelection();
  return selection ? selection.getTextContent() : '';
}

function $insertAtSelection(text: string): void {
  const selection = $getSelection();
  if ($isRangeSelection(selection)) selection.insertText(text);
}

/** Replace the match under the selection, if the selection is one. */
export function $replaceSelected(query: string, replacement: string): boolean {
  if ($getSelectionText() !== query || !query) return false;
  $insertAtSelection(replacement);
  return true;
}
