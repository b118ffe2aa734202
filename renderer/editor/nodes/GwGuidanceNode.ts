/**
 * Template guidance ("在此简述本年度……"): grey placeholder text that must not survive into
 * an export. GuidancePlugin turns it into a normal paragraph holding only what the user
 * typed, so the node remembers the text it was created with (`__original`, runtime only —
 * the JSON is just the visible text, as shared/model/lexical-json.ts defines it).
 */
import {
  $applyNodeReplacement,
  $getDocument,
  $createParagraphNode,
  $createTextNode,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type LexicalUpdateJSON,
  type NodeKey,
  type SerializedElementNode,
  type Spread,
} from 'lexical';

export type SerializedGwGuidanceNode = Spread<{ type: 'gw-guidance'; version: 1 }, SerializedElementNode>;

interface JsonChild {
  type?: unknown;
  text?: unknown;
  children?: unknown;
}

function serializedText(children: unknown): string {
  if (!Array.isArray(children)) return '';
  let out = '';
  for (const child of children as JsonChild[]) {
    if (child.type === 'text' && typeof child.text === 'string') out += child.text;
    else if (child.type === 'linebreak') out += '\n';
    else out += serializedText(child.children);
  }
  return out;
}

export class GwGuidanceNode extends ElementNode {
  /** The guidance text as the template wrote it; null = take it from the first read. */
  __original: string | null;

  static override getType(): string {
    return 'gw-guidance';
  }

  static override clone(node: GwGuidanceNode): GwGuidanceNode {
    return new GwGuidanceNode(node.__original, node.__key);
  }

  constructor(original: string | null = null, key?: NodeKey) {
    super(key);
    this.__original = original;
  }

  override afterCloneFrom(prev: this): void {
    super.afterCloneFrom(prev);
    this.__original = prev.__original;
  }

  static override importJSON(json: SerializedGwGuidanceNode): GwGuidanceNode {
    return $createGwGuidanceNode(serializedText(json.children)).updateFromJSON(json);
  }

  override updateFromJSON(json: LexicalUpdateJSON<SerializedGwGuidanceNode>): this {
    return super.updateFromJSON(json);
  }

  override exportJSON(): SerializedGwGuidanceNode {
    return { ...super.exportJSON(), type: 'gw-guidance', version: 1 };
  }

  getOriginalText(): string {
    const latest = this.getLatest();
    return latest.__original ?? latest.getTextContent();
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('p');
    dom.className = 'gw-guidance';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  /** Backspace at its start clears the guidance instead of merging grey text into the paragraph above. */
  override collapseAtStart(): true {
    const paragraph = $createParagraphNode();
    this.replace(paragraph);
    paragraph.select();
    return true;
  }
}

export function $createGwGuidanceNode(text = ''): GwGuidanceNode {
  const node = $applyNodeReplacement(new GwGuidanceNode(text));
  return node;
}

/** Guidance with its text as a child (templates, tests). */
export function $createGwGuidanceWithText(text: string): GwGuidanceNode {
  const node = $createGwGuidanceNode(text);
  if (text) node.append($createTextNode(text));
  return node;
}

export function $isGwGuidanceNode(node: LexicalNode | null | undefined): node is GwGuidanceNode {
  return node instanceof GwGuidanceNode;
}
