/**
 * The JSON shape of our Lexical editor state, typed here so that `shared/` can read and
 * write bodies without importing Lexical (house rule 7). The node classes in
 * renderer/editor/nodes/ export exactly these shapes; tests/renderer round-trip them.
 */
import { compactRuns, hasMarks, runsOf, type Block, type HeadingLevel, type Run } from './blocks';

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

/** Lexical's format bits we keep (TextNode.format); every other bit is dropped on the way in. */
export const FORMAT_BOLD = 1;
export const KEPT_FORMAT = FORMAT_BOLD;

function textNode(text: string, format = 0): SerializedTextJson {
  return { type: 'text', text, format, detail: 0, mode: 'normal', style: '', version: 1 };
}

const LINE_BREAK: SerializedLineBreakJson = { type: 'linebreak', version: 1 };

/** Runs → text and line-break nodes (a '\n' in a run is a soft line break). */
export function inlineFromRuns(runs: readonly Run[]): (SerializedTextJson | SerializedLineBreakJson)[] {
  const out: (SerializedTextJson | SerializedLineBreakJson)[] = [];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push({ ...LINE_BREAK });
      if (part) out.push(textNode(part, run.bold ? FORMAT_BOLD : 0));
    });
  }
  return out;
}

function element<T extends string>(type: T, children: SerializedInlineJson[]) {
  return { type, children, direction: 'ltr' as const, format: '' as const, indent: 0, version: 1 as const };
}

function inlineRuns(children: readonly SerializedInlineJson[] | undefined, skipRunIn: boolean, out: Run[] = []): Run[] {
  for (const child of children ?? []) {
    if (child.type === 'text') {
      if (typeof child.text === 'string') out.push({ text: child.text, bold: ((child.format ?? 0) & FORMAT_BOLD) !== 0 });
    } else if (child.type === 'linebreak') out.push({ text: '\n' });
    else if (child.type === 'gw-run-in') {
      if (!skipRunIn) inlineRuns(child.children, false, out);
    } else if (Array.isArray((child as ElementBase).children)) inlineRuns((child as ElementBase).children, skipRunIn, out);
  }
  return out;
}

/** Text and, when anything is marked, runs. */
function textAndRuns(children: readonly SerializedInlineJson[] | undefined, skipRunIn: boolean): { text: string; runs: Run[] | undefined } {
  const runs = compactRuns(inlineRuns(children, skipRunIn));
  return { text: runs.map((r) => r.text).join(''), runs: hasMarks(runs) ? runs : undefined };
}

/** Body JSON → flat blocks. Unknown node types are read as paragraphs of their text (forward-compatible). */
export function toBlocks(body: SerializedBody): Block[] {
  const blocks: Block[] = [];
  for (const node of body.root.children) {
    if (node.type === 'gw-heading') {
      const runInNode = node.children.find((c): c is SerializedRunInJson => c.type === 'gw-run-in');
      const head = textAndRuns(node.children, true);
      const runIn = runInNode ? textAndRuns(runInNode.children, false) : null;
      const block: Block = { type: 'heading', level: node.level, label: node.label ?? null, text: head.text, runIn: runIn && runIn.text.length > 0 ? runIn.text : null };
      if (head.runs) block.runs = head.runs;
      if (runIn?.runs) block.runInRuns = runIn.runs;
      blocks.push(block);
    } else if (node.type === 'gw-guidance') {
      blocks.push({ type: 'guidance', text: textAndRuns(node.children, false).text });
    } else {
      const { text, runs } = textAndRuns((node as ElementBase).children, false);
      blocks.push(runs ? { type: 'paragraph', text, runs } : { type: 'paragraph', text });
    }
  }
  return blocks;
}

/** Flat blocks → body JSON (import, templates, quick fixes). */
export function fromBlocks(blocks: readonly Block[]): SerializedBody {
  const children: SerializedBlockJson[] = blocks.map((block) => {
    if (block.type === 'heading') {
      const inline: SerializedInlineJson[] = inlineFromRuns(runsOf(block.text, block.runs));
      if (block.runIn) inline.push(element('gw-run-in', inlineFromRuns(runsOf(block.runIn, block.runInRuns))) as SerializedRunInJson);
      return { ...element('gw-heading', inline), level: block.level, label: block.label };
    }
    if (block.type === 'guidance') return element('gw-guidance', inlineFromRuns(runsOf(block.text, undefined)));
    return { ...element('paragraph', inlineFromRuns(runsOf(block.text, block.runs))), textFormat: 0, textStyle: '' };
  });
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } };
}
