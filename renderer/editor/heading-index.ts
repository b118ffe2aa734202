/**
 * Headings of the body with the numbers to show, read from the editor state in one pass
 * over the top-level blocks (cheap even for a 30-page report: a few hundred nodes, only
 * headings are looked at closely). NumberingPlugin, OutlinePlugin and the controller share it.
 */
import { $getRoot, type LexicalNode, type NodeKey } from 'lexical';
import { displayLabels, type Block, type HeadingLevel } from '../../shared/model';
import { $isGwHeadingNode, $isGwRunInNode } from './nodes';

export interface HeadingEntry {
  key: NodeKey;
  /** Index into toBlocks(body) (= index among the root's children). */
  index: number;
  level: HeadingLevel;
  /** The number shown: as written, or generated. */
  label: string;
  /** Heading text without the run-in paragraph. */
  text: string;
}

const OTHER: Block = { type: 'paragraph', text: '' };

/** Heading text without its run-in part. */
export function $headingText(node: LexicalNode): string {
  if (!$isGwHeadingNode(node)) return node.getTextContent();
  let out = '';
  for (const child of node.getChildren()) if (!$isGwRunInNode(child)) out += child.getTextContent();
  return out;
}

export function $readHeadings(withText = true): HeadingEntry[] {
  const children = $getRoot().getChildren();
  const skeleton: Block[] = children.map((node) =>
    $isGwHeadingNode(node) ? { type: 'heading', level: node.getLevel(), label: node.getLabel(), text: '', runIn: null } : OTHER,
  );
  const labels = displayLabels(skeleton);
  const out: HeadingEntry[] = [];
  children.forEach((node, index) => {
    if ($isGwHeadingNode(node)) out.push({ key: node.getKey(), index, level: node.getLevel(), label: labels[index] ?? '', text: withText ? $headingText(node) : '' });
  });
  return out;
}
