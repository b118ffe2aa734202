/**
 * The JSON shape of our Lexical editor state, typed here so that `shared/` can read and
 * write bodies without importing Lexical (house rule 7). The node classes in
 * renderer/editor/nodes/ export exactly these shapes; tests/renderer round-trip them.
 */
import { compactRuns, hasMarks, joinRunLines, runLines, runsOf, runsText, tableText, type Block, type HeadingLevel, type Run, type TableBlock, type TableCell } from './blocks';

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

type ElementShell = Omit<ElementBase, 'children'>;

/** @lexical/table's cell: headerState bit 1 = header row, 2 = header column. */
export interface SerializedTableCellJson extends ElementShell {
  type: 'tablecell';
  children: SerializedParagraphJson[];
  headerState: number;
  colSpan: number;
  rowSpan: number;
  backgroundColor: null;
}

export interface SerializedTableRowJson extends ElementShell {
  type: 'tablerow';
  children: SerializedTableCellJson[];
}

export interface SerializedTableJson extends ElementShell {
  type: 'table';
  children: SerializedTableRowJson[];
}

export const HEADER_ROW = 1;

export type SerializedBlockJson = SerializedHeadingJson | SerializedParagraphJson | SerializedGuidanceJson | SerializedTableJson;

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
  return runLines(runs).flatMap((line, i) => [...(i > 0 ? [{ ...LINE_BREAK }] : []), ...line.map((run) => textNode(run.text, run.bold ? FORMAT_BOLD : 0))]);
}

function element<T extends string, C>(type: T, children: C[]) {
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
    } else if (node.type === 'table') {
      blocks.push(tableFromJson(node));
    } else {
      const { text, runs } = textAndRuns((node as ElementBase).children, false);
      blocks.push(runs ? { type: 'paragraph', text, runs } : { type: 'paragraph', text });
    }
  }
  return blocks;
}

const spanOf = (v: unknown): number => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? Math.min(v, 1_000) : 1);

function tableFromJson(node: SerializedTableJson): TableBlock {
  const rows: TableCell[][] = [];
  let headerRows = 0;
  let inHeader = true;
  for (const row of Array.isArray(node.children) ? node.children : []) {
    const cells: TableCell[] = [];
    const rowCells = Array.isArray(row?.children) ? row.children : [];
    for (const cell of rowCells) {
      // Empty paragraphs in a cell (left by merging cells, or by Enter at its end) are no text of it.
      const lines = (Array.isArray(cell?.children) ? cell.children : []).map((p) => textAndRuns(Array.isArray(p?.children) ? p.children : [], false)).filter((l) => l.text !== '');
      const runs = joinRunLines(lines.map((l) => runsOf(l.text, l.runs)));
      const out: TableCell = { text: runsText(runs), colSpan: spanOf(cell?.colSpan), rowSpan: spanOf(cell?.rowSpan) };
      if (hasMarks(runs)) out.runs = runs;
      cells.push(out);
    }
    inHeader = inHeader && rowCells.length > 0 && rowCells.every((c) => ((c?.headerState ?? 0) & HEADER_ROW) !== 0);
    if (inHeader) headerRows++;
    rows.push(cells);
  }
  return { type: 'table', rows, headerRows, text: tableText(rows) };
}

const paragraphJson = (children: SerializedInlineJson[]): SerializedParagraphJson => ({ ...element('paragraph', children), textFormat: 0, textStyle: '' });

function tableToJson(block: TableBlock): SerializedTableJson {
  const rows = block.rows.map((row, r) => {
    const cells = row.map((cell): SerializedTableCellJson => {
      // One paragraph per line of the cell.
      return {
        ...element('tablecell', runLines(runsOf(cell.text, cell.runs)).map((l) => paragraphJson(inlineFromRuns(l)))),
        headerState: r < block.headerRows ? HEADER_ROW : 0,
        colSpan: spanOf(cell.colSpan),
        rowSpan: spanOf(cell.rowSpan),
        backgroundColor: null,
      };
    });
    return element('tablerow', cells) as SerializedTableRowJson;
  });
  return element('table', rows) as SerializedTableJson;
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
    if (block.type === 'table') return tableToJson(block);
    return paragraphJson(inlineFromRuns(runsOf(block.text, block.runs)));
  });
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } };
}
