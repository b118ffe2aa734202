/**
 * The flat view of a body that checks, export and import share.
 *
 * A heading keeps the number label exactly as written (`label`), or null when the
 * editor generates it: imported reports keep their own numbers so the checks can
 * report gaps and wrong brackets; "renumber" sets every label to null.
 */
export type HeadingLevel = 1 | 2 | 3 | 4;

/**
 * Inline marks the document keeps. Only 加粗: GB/T 9704 fixes the face of every element
 * (黑体, 楷体, 仿宋) and names no emphasis, and bold (仿宋加粗) is the one emphasis offices use
 * in practice — lead-ins such as 一是…, 三级标题. 着重号, italic (no italic in Chinese faces),
 * underline and colours are not kept (see README "Inline marks").
 */
export type Mark = 'bold';
export const MARKS: readonly Mark[] = ['bold'];

/** A stretch of text with the same marks. */
export interface Run {
  text: string;
  bold?: boolean;
}

export interface HeadingBlock {
  type: 'heading';
  level: HeadingLevel;
  /** Number as written, e.g. "一、", "(二)", "3．"; null = generated from position. */
  label: string | null;
  /** Heading text without the number, e.g. "强化组织领导，推进依法行政。" */
  text: string;
  /** Paragraph text that runs on after the heading in the same paragraph, or null. */
  runIn: string | null;
  /** The marks of `text`, when any part is marked (see `runsOf`). */
  runs?: Run[];
  /** The marks of `runIn`, when any part is marked. */
  runInRuns?: Run[];
}

export interface ParagraphBlock {
  type: 'paragraph';
  /** The plain text (what checks read). */
  text: string;
  /** The same text with its marks, when any part is marked (see `runsOf`). */
  runs?: Run[];
}

/** Template guidance: shown as grey placeholder text, must not survive into an export. */
export interface GuidanceBlock {
  type: 'guidance';
  text: string;
}

/** One cell of a table: its text (with marks) and how far it spans. */
export interface TableCell {
  text: string;
  runs?: Run[];
  colSpan: number;
  rowSpan: number;
}

/**
 * A table (figures by department, cases by type, 附件 lists). `rows` lists the cells each
 * row starts (a cell spanning rows appears once, in its first row). The first `headerRows`
 * rows are the header, repeated on every page. `text` is every cell's text, cells joined by
 * a tab and rows by a newline: the checks read it for placeholders and years, and never as
 * a heading.
 */
export interface TableBlock {
  type: 'table';
  rows: TableCell[][];
  headerRows: number;
  text: string;
}

export type Block = HeadingBlock | ParagraphBlock | GuidanceBlock | TableBlock;

/** The derived `text` of a table. */
export function tableText(rows: readonly (readonly TableCell[])[]): string {
  return rows.map((row) => row.map((cell) => cell.text).join('\t')).join('\n');
}

/** A cell that holds only a figure: 12, 3.5, 1,200, 85%, -2 (not 2024年, not 第1名). */
const FIGURE = /^[+\-−]?\d[\d,，.]*[%％]?$/;

/**
 * Header rows of a table that does not say (tab-separated text from Excel/WPS, a Word table
 * without 标题行重复, Excel's HTML clipboard): the first row is the header when it holds labels
 * over figures — no cell of it is a figure, every cell of it has text, and some column is
 * figures in at least half of the rows under it (序号 | 单位 | 案件数 over 1 | 城关镇 | 12). A
 * table of words only is left without a header: nothing says its first row is one.
 */
export function guessHeaderRows(rows: readonly (readonly TableCell[])[]): number {
  if (rows.length < 2) return 0;
  const first = rows[0]!;
  if (first.length < 2 || first.some((c) => c.rowSpan > 1 || !c.text.trim() || FIGURE.test(c.text.trim()))) return 0;
  const body = rows.slice(1);
  for (let col = 0; col < first.length; col++) {
    const figures = body.filter((row) => FIGURE.test(row[col]?.text.trim() ?? '')).length;
    if (figures > 0 && figures * 2 >= body.length) return 1;
  }
  return 0;
}

/** A table from plain cell texts (import of tab-separated text, tests). */
export function tableBlock(cells: readonly (readonly string[])[], headerRows = 0): TableBlock {
  const rows = cells.map((row) => row.map((text) => ({ text, colSpan: 1, rowSpan: 1 })));
  return { type: 'table', rows, headerRows, text: tableText(rows) };
}

const sameMarks = (a: Run, b: Run): boolean => !!a.bold === !!b.bold;

/** Adjacent runs with the same marks joined, empty runs dropped, `bold: false` left out. */
export function compactRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (!run.text) continue;
    const last = out[out.length - 1];
    if (last && sameMarks(last, run)) last.text += run.text;
    else out.push(run.bold ? { text: run.text, bold: true } : { text: run.text });
  }
  return out;
}

export const runsText = (runs: readonly Run[]): string => runs.map((r) => r.text).join('');

export const hasMarks = (runs: readonly Run[]): boolean => runs.some((r) => r.bold);

/**
 * The runs to write for `text`: the given runs when they spell exactly that text, else one
 * plain run. Code that edits `text` without knowing about marks (quick fixes, rollover)
 * therefore never writes stale runs: the edited block simply loses its marks.
 */
export function runsOf(text: string, runs: readonly Run[] | undefined): Run[] {
  if (runs && runsText(runs) === text) return compactRuns(runs);
  return text ? [{ text }] : [];
}

/**
 * Runs split at each '\n' into lines (a cell's paragraphs, a paragraph's soft line breaks):
 * `n` newlines give `n + 1` lines, an empty line as `[]`. The one place the lines of a run
 * list are cut — the editor JSON (cells, line breaks), the .docx writer and import all use it.
 */
export function runLines(runs: readonly Run[]): Run[][] {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ ...run, text: part });
    });
  }
  return lines;
}

/** The inverse of `runLines`: lines joined by '\n' runs, compacted. */
export function joinRunLines(lines: readonly (readonly Run[])[]): Run[] {
  return compactRuns(lines.flatMap((line, i) => [...(i > 0 ? [{ text: '\n' }] : []), ...line]));
}

/** Runs for `text` from bold spans ([start, end) offsets into `text`). */
export function runsFromSpans(text: string, bold: readonly (readonly [number, number])[], from = 0, to = text.length): Run[] {
  const runs: Run[] = [];
  let pos = from;
  for (const [a0, b0] of bold) {
    const a = Math.max(a0, pos);
    const b = Math.min(b0, to);
    if (b <= a) continue;
    runs.push({ text: text.slice(pos, a) }, { text: text.slice(a, b), bold: true });
    pos = b;
  }
  runs.push({ text: text.slice(pos, to) });
  return compactRuns(runs);
}
