/**
 * The paragraph text that runs on after a level-1/2 heading in the same line, as in
 * "（一）强化组织领导。一是……". An inline element inside GwHeadingNode, drawn in the body
 * font; the heading's own text keeps the heading font.
 */
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';

export type SerializedGwRunInNode = Spread<{ type: 'gw-run-in'; version: 1 }, SerializedElementNode>;

export class GwRunInNode extends ElementNode {
  static override getType(): string {
    return 'gw-run-in';
  }

  static override clone(node: GwRunInNode): GwRunInNode {
    return new GwRunInNode(node.__key);
  }

  constructor(key?: NodeKey) {
    super(key);
  }

  static override importJSON(json: SerializedGwRunInNode): GwRunInNode {
    return $createGwRunInNode().updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedGwRunInNode>): this {
    return super.updateFromJSON(json);
  }

  override exportJSON(): SerializedGwRunInNode {
    return { ...super.exportJSON(), type: 'gw-run-in', version: 1 };
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('span');
    dom.className = 'gw-run-in';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): true {
    return true;
  }

  override canBeEmpty(): false {
    return false;
  }

  /** Typing right after the heading text stays in the heading; typing at the end of the run-in stays in it. */
  override canInsertTextBefore(): false {
    return false;
  }

  override canInsertTextAfter(): true {
    return true;
  }
}

export function $createGwRunInNode(): GwRunInNode {
  return $applyNodeReplacement(new GwRunInNode());
}

export function $isGwRunInNode(node: LexicalNode | null | undefined): node is GwRunInNode {
  return node instanceof GwRunInNode;
}
