/**
 * The JSON shape of our Lexical editor state, typed here so that `shared/` can read and
 * write bodies without importing Lexical (house rule 7). The node classes in
 * renderer/editor/nodes/ export exactly these shapes; tests/renderer round-trip them.
 */
import type { Block, HeadingLevel } from './blocks';

export interface SerializedTextJson {
  type: 'text';
  text: string;
  /** Lexical's format bitmask (1 = bold). */
  format: number;
  detail: number;
  mode: 'normal' | 'token' | 'segmented';
  style: string;
  version: 1;
}

export interface SerializedLineBreakJson {
  type: 'linebreak';
  version: 1;
}

interface ElementBase {
  children: SerializedInlineJson[];
  direction: 'ltr' | 'rtl' | null;
  format: string | '';
  indent: number;
  version: 1;
}

/** The run-on paragraph text inside a run-in heading (inline element, body font). */
export interface SerializedRunInJson extends ElementBase {
  type: 'gw-run-in';
  children: (SerializedTextJson | SerializedLineBreakJson)[];
}

export type SerializedInlineJson = SerializedTextJson | SerializedLineBreakJson | SerializedRunInJson;

export interface SerializedHeadingJson extends ElementBase {
  type: 'gw-heading';
  level: HeadingLevel;
  label: string | null;
}

export interface SerializedParagraphJson extends ElementBase {
  type: 'paragraph';
  textFormat?: number;
  textStyle?: string;
}

export interface SerializedGuidanceJson extends ElementBase {
  type: 'gw-guidance';
}

export type SerializedBlockJson = SerializedHeadingJson | SerializedParagraphJson | SerializedGuidanceJson;

export interface SerializedBody {
  root: {
    type: 'root';
    children: SerializedBlockJson[];
    direction: 'ltr' | 'rtl' | null;
    format: string | '';
    indent: number;
    version: 1;
  };
}

function textNode(text: string): SerializedTextJson {
  return { type: 'text', text, format: 0, detail: 0, mode: 'normal', style: '', version: 1 };
}

function element<T extends string>(type: T, children: SerializedInlineJson[]) {
  return { type, children, direction: 'ltr' as const, format: '' as const, indent: 0, version: 1 as const };
}

function inlineText(children: readonly SerializedInlineJson[] | undefined, skipRunIn: boolean): string {
  let out = '';
  for (const child of children ?? []) {
    if (child.type === 'text') out += child.text;
    else if (child.type === 'linebreak') out += '\n';
    else if (child.type === 'gw-run-in' && !skipRunIn) out += inlineText(child.children, false);
  }
  return out;
}

/** Body JSON → flat blocks. Unknown node types are read as paragraphs of their text (forward-compatible). */
export function toBlocks(body: SerializedBody): Block[] {
  const blocks: Block[] = [];
  for (const node of body.root.children) {
    if (node.type === 'gw-heading') {
      const runInNode = node.children.find((c): c is SerializedRunInJson => c.type === 'gw-run-in');
      const runIn = runInNode ? inlineText(runInNode.children, false) : null;
      blocks.push({ type: 'heading', level: node.level, label: node.label ?? null, text: inlineText(node.children, true), runIn: runIn && runIn.length > 0 ? runIn : null });
    } else if (node.type === 'gw-guidance') {
      blocks.push({ type: 'guidance', text: inlineText(node.children, false) });
    } else {
      blocks.push({ type: 'paragraph', text: inlineText((node as ElementBase).children, false) });
    }
  }
  return blocks;
}

/** Flat blocks → body JSON (import, templates, quick fixes). */
export function fromBlocks(blocks: readonly Block[]): SerializedBody {
  const children: SerializedBlockJson[] = blocks.map((block) => {
    if (block.type === 'heading') {
      const inline: SerializedInlineJson[] = [];
      if (block.text) inline.push(textNode(block.text));
      if (block.runIn) inline.push(element('gw-run-in', [textNode(block.runIn)]) as SerializedRunInJson);
      return { ...element('gw-heading', inline), level: block.level, label: block.label };
    }
    if (block.type === 'guidance') return element('gw-guidance', block.text ? [textNode(block.text)] : []);
    return { ...element('paragraph', block.text ? [textNode(block.text)] : []), textFormat: 0, textStyle: '' };
  });
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } };
}
