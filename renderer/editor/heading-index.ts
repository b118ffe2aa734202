/**
 * Headings of the body with the numbers to show, read from the editor state in one pass
 * over the top-level blocks (cheap even for a 30-page report: a few hundred nodes, only
 * headings are looked at closely). NumberingPlugin, OutlinePlugin and the controller share it;
 * they read it again only when registerHeadingWatch reports a change to a heading.
 */
import { $getNodeByKey, $getRoot, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { displayLabels, type Block, type HeadingLevel } from '../../shared/model';
import { $isGwHeadingNode, $isGwRunInNode, GwHeadingNode } from './nodes';

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

/** What a heading looks like to the numbering and the outline. */
interface HeadingShape {
  level: HeadingLevel;
  label: string | null;
  prev: NodeKey | null;
  next: NodeKey | null;
  text: string;
}

export interface HeadingChange {
  /** The sequence of headings (order, levels, written labels) may have changed: numbers must be worked out again. */
  structure: boolean;
  /** Headings whose text or DOM changed (their numbers stay, but the outline shows the text and a re-created DOM needs its label again). */
  touched: NodeKey[];
}

/**
 * Calls `onChange` after an update that touched a heading (Lexical's mutation listener on
 * GwHeadingNode, so typing in a paragraph costs nothing here). A heading created,
 * destroyed, moved (its neighbours changed), or with another level or written label is a
 * structural change; typing inside a heading is not.
 */
export function registerHeadingWatch(editor: LexicalEditor, onChange: (change: HeadingChange) => void): () => void {
  const shapes = new Map<NodeKey, HeadingShape>();
  const shapeOf = (node: GwHeadingNode): HeadingShape => ({
    level: node.getLevel(),
    label: node.getLabel(),
    prev: node.getPreviousSibling()?.getKey() ?? null,
    next: node.getNextSibling()?.getKey() ?? null,
    text: $headingText(node),
  });
  return editor.registerMutationListener(
    GwHeadingNode,
    (mutations) => {
      let structure = false;
      const touched: NodeKey[] = [];
      editor.getEditorState().read(() => {
        for (const [key, mutation] of mutations) {
          if (mutation === 'destroyed') {
            shapes.delete(key);
            structure = true;
            continue;
          }
          const node = $getNodeByKey(key);
          if (!$isGwHeadingNode(node)) {
            shapes.delete(key);
            structure = true;
            continue;
          }
          const before = shapes.get(key);
          const now = shapeOf(node);
          shapes.set(key, now);
          touched.push(key);
          if (mutation === 'created' || !before || before.level !== now.level || before.label !== now.label || before.prev !== now.prev || before.next !== now.next) structure = true;
        }
      });
      onChange({ structure, touched });
    },
    { skipInitialization: false },
  );
}
