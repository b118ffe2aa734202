/**
 * A numbered heading of GB/T 9704 (一、 （一） 1. （1））. The number is not text in the
 * node: `label` keeps a number as written (imports keep theirs so checks can report gaps),
 * null means "generated from position". NumberingPlugin writes the number to show into
 * `data-gw-label` and CSS draws it, so inserting or moving a section renumbers the others
 * without touching their nodes (no history entries, no re-render of the body).
 */
import {
  $applyNodeReplacement,
  $getDocument,
  $createParagraphNode,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type ParagraphNode,
  type RangeSelection,
  type SerializedElementNode,
  type Spread,
} from 'lexical';
import type { HeadingLevel } from '../../../shared/model';

export type SerializedGwHeadingNode = Spread<{ type: 'gw-heading'; level: HeadingLevel; label: string | null; version: 1 }, SerializedElementNode>;

export function isHeadingLevel(value: unknown): value is HeadingLevel {
  return value === 1 || value === 2 || value === 3 || value === 4;
}

export class GwHeadingNode extends ElementNode {
  __level: HeadingLevel;
  __label: string | null;

  static override getType(): string {
    return 'gw-heading';
  }

  static override clone(node: GwHeadingNode): GwHeadingNode {
    return new GwHeadingNode(node.__level, node.__label, node.__key);
  }

  constructor(level: HeadingLevel = 1, label: string | null = null, key?: NodeKey) {
    super(key);
    this.__level = level;
    this.__label = label;
  }

  static override importJSON(json: SerializedGwHeadingNode): GwHeadingNode {
    return $createGwHeadingNode(1).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedGwHeadingNode>): this {
    const level = isHeadingLevel(json.level) ? json.level : 1;
    const label = typeof json.label === 'string' ? json.label : null;
    return super.updateFromJSON(json).setLevel(level).setLabel(label);
  }

  override exportJSON(): SerializedGwHeadingNode {
    return { ...super.exportJSON(), type: 'gw-heading', level: this.getLevel(), label: this.getLabel(), version: 1 };
  }

  getLevel(): HeadingLevel {
    return this.getLatest().__level;
  }

  setLevel(level: HeadingLevel): this {
    const self = this.getWritable();
    self.__level = level;
    return self;
  }

  getLabel(): string | null {
    return this.getLatest().__label;
  }

  setLabel(label: string | null): this {
    const self = this.getWritable();
    self.__label = label;
    return self;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('p');
    dom.className = `gw-heading gw-h${this.__level}`;
    // A written label is known here; a generated one arrives from NumberingPlugin.
    if (this.__label !== null) dom.setAttribute('data-gw-label', this.__label);
    return dom;
  }

  override updateDOM(prev: GwHeadingNode, dom: HTMLElement): boolean {
    if (prev.__level !== this.__level) dom.className = `gw-heading gw-h${this.__level}`;
    if (prev.__label !== this.__label && this.__label !== null) dom.setAttribute('data-gw-label', this.__label);
    return false;
  }

  /** Enter at the end of a heading starts a body paragraph; in the middle it splits the heading. */
  override insertNewAfter(selection: RangeSelection, restoreSelection = true): ParagraphNode | GwHeadingNode {
    const last = this.getLastDescendant();
    const atEnd = !last || (selection.anchor.key === last.getKey() && selection.anchor.offset === last.getTextContentSize());
    const next = atEnd ? $createParagraphNode() : $createGwHeadingNode(this.getLevel());
    this.insertAfter(next, restoreSelection);
    return next;
  }

  /** Backspace at the start of a heading turns it back into a body paragraph. */
  override collapseAtStart(): true {
    const paragraph = $createParagraphNode();
    this.getChildren().forEach((child) => paragraph.append(child));
    this.replace(paragraph);
    paragraph.selectStart();
    return true;
  }
}

export function $createGwHeadingNode(level: HeadingLevel, label: string | null = null): GwHeadingNode {
  return $applyNodeReplacement(new GwHeadingNode(level, label));
}

export function $isGwHeadingNode(node: LexicalNode | null | undefined): node is GwHeadingNode {
  return node instanceof GwHeadingNode;
}
