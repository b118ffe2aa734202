/**
 * The text layer of a PDF (positioned runs of text, as pdf.js gives them) → the paragraphs a
 * reader sees. Pure: the PDF parsing itself happens in the import worker
 * (electron/services/import-pdf.ts); this decides, from positions only:
 *
 * - lines: runs on one baseline, left to right; a space between runs where the source has
 *   one: a space character at a run's edge, a gap between Latin words, a gap wider than the
 *   spacing writers leave round digits among Chinese (2023年 stays 2023年, 街道 2024年度 keeps
 *   its space), half an em between Chinese characters (never a space from kerning), a wide
 *   gap (a tab, two names);
 * - paragraphs: a line continues the one above when that one runs to the right edge of the
 *   text block, this one starts at the left edge (no first-line indent), the gap between them
 *   is an ordinary line pitch and the size is the same; a numbered heading (一、 （一） 1.)
 *   starts a paragraph, unless the line above runs to the edge and stops mid-sentence (then
 *   the wrap put the 一、 there); a paragraph broken by a page break goes on across it;
 * - page numbers (— 1 —, - 2 -, 3, 第 3 页) at the top or foot of a page are dropped.
 *
 * The paragraphs then go through the plain-text import (title, 版头, headings, closing) like
 * every other file.
 */
import { LINE_COMPLETE, isPageNumber, matchHeadingLabel } from './patterns';

export interface PdfTextRun {
  str: string;
  /** Baseline start, PDF user space (y grows upwards). */
  x: number;
  y: number;
  /** Advance width of the run. */
  width: number;
  /** Font size (height of the em square). */
  size: number;
}

export interface PdfPageText {
  runs: PdfTextRun[];
}

interface Line {
  y: number;
  x0: number;
  x1: number;
  size: number;
  text: string;
}

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u{20000}-\u{3ffff}]/u;
const WORDISH = /[A-Za-z0-9\u00c0-\u024f]/;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Between two pieces of text on one line (or across a line break): a space or nothing.
 * `spaced`: a space character stood at the edge of one of the runs (pdf.js keeps the space a
 * writer put in the text, and a run's width includes it, so no gap shows).
 */
function joiner(before: string, after: string, gap: number, size: number, spaced = false): string {
  const a = before.slice(-1);
  const b = after.charAt(0);
  if (!a || !b || /\s/.test(a) || /\s/.test(b)) return '';
  if (spaced || gap > 1.5 * size) return ' ';
  if (CJK.test(a) && CJK.test(b)) return gap >= CJK_SPACE * size ? ' ' : '';
  // Writers leave up to a quarter em round digits and Latin words set among Chinese (Word's and
  // LibreOffice's spacing between Asian and Latin text: 2023年 stays 2023年); a space typed
  // there (街道 2024年度) shows as a wider gap.
  if (CJK.test(a) || CJK.test(b)) return gap >= MIXED_SPACE * size ? ' ' : '';
  return WORDISH.test(a) && WORDISH.test(b) && gap > 0.15 * size ? ' ' : '';
}

/** A gap this wide (in em) between Chinese characters is a typed space, not kerning or justification. */
const CJK_SPACE = 0.45;
/** A gap this wide between a Chinese character and a digit or Latin letter is a typed space. */
const MIXED_SPACE = 0.35;

/** Runs of one page → its lines, top to bottom. */
export function pageLines(page: PdfPageText): Line[] {
  const runs = page.runs.filter((r) => r.str.trim() !== '' && Number.isFinite(r.x) && Number.isFinite(r.y) && r.size > 0);
  runs.sort((p, q) => q.y - p.y || p.x - q.x);
  const groups: PdfTextRun[][] = [];
  for (const run of runs) {
    const group = groups[groups.length - 1];
    if (group && Math.abs(group[0]!.y - run.y) <= 0.4 * Math.max(group[0]!.size, run.size)) group.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => {
    group.sort((p, q) => p.x - q.x);
    let text = '';
    let end = -Infinity;
    const size = median(group.map((r) => r.size));
    let spaceAfter = false;
    for (const run of group) {
      const str = run.str.replace(/\s+/g, ' ');
      text += joiner(text, str.trimStart(), run.x - end, size, spaceAfter || str.startsWith(' ')) + (text ? str.trimStart() : str.trim());
      text = text.trimEnd();
      spaceAfter = str.endsWith(' ');
      end = Math.max(end, run.x + run.width);
    }
    return { y: group[0]!.y, x0: group[0]!.x, x1: end, size, text: text.trim() };
  });
}

/** The paragraphs of a whole document, in reading order. */
export function pdfParagraphs(pages: readonly PdfPageText[]): string[] {
  const pageList = pages.map((page) => {
    let lines = pageLines(page);
    // Page numbers at the top or foot of the page are not text of the report.
    while (lines.length && isPageNumber(lines[lines.length - 1]!.text, true)) lines = lines.slice(0, -1);
    while (lines.length && isPageNumber(lines[0]!.text, true)) lines = lines.slice(1);
    return lines;
  });
  const all = pageList.flat();
  if (all.length === 0) return [];
  // The text block, over the whole document (a page may hold one line): its left edge is where
  // most lines start, its right edge where most of the long lines end. Not where the longest
  // ends: in ragged-right text (左对齐) a wide Latin run or an overhanging mark sticks out past
  // the edge, and measured from there every wrapped line looks short and ends its paragraph.
  const starts = new Map<number, number>();
  for (const l of all) starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
  const left = [...starts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const longest = Math.max(...all.map((l) => l.x1));
  const reach = 3 * median(all.map((l) => l.size));
  const ends = new Map<number, number>();
  for (const l of all) if (l.x1 >= longest - reach) ends.set(Math.round(l.x1), (ends.get(Math.round(l.x1)) ?? 0) + 1);
  const right = [...ends.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  const atLeft = (l: Line) => Math.abs(l.x0 - left) <= 0.5 * l.size;
  const full = (l: Line) => l.x1 >= right - 1.5 * l.size;
  const paragraphs: string[] = [];
  /** The last paragraph is still open: its last line ran to the right edge of its page. */
  let open: Line | null = null;
  for (const lines of pageList) {
    if (lines.length === 0) continue;
    const pitches = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((d) => d > 0);
    const pitch = median(pitches) || Math.max(...lines.map((l) => l.size)) * 1.5;
    let previous: Line | null = null;
    for (const line of lines) {
      const sameSize = (size: number) => Math.abs(size - line.size) <= 0.15 * Math.max(size, line.size);
      // A numbered heading starts a paragraph, unless the wrap put 一、 or 1. at the start of a
      // line: the line before runs to the edge and stops mid-sentence (权责统 / 一、运转协调…).
      const above = previous ?? open;
      const heading = matchHeadingLabel(line.text) !== null && !(above && full(above) && !LINE_COMPLETE.test(above.text) && matchHeadingLabel(above.text) === null);
      const continues = previous
        ? full(previous) && atLeft(line) && previous.y - line.y <= 1.6 * pitch && sameSize(previous.size) && !heading
        : open !== null && atLeft(line) && sameSize(open.size) && !heading;
      if (continues && paragraphs.length) {
        const last = paragraphs[paragraphs.length - 1]!;
        paragraphs[paragraphs.length - 1] = last + joiner(last, line.text, 0, line.size) + line.text;
      } else paragraphs.push(line.text);
      previous = line;
    }
    open = previous && full(previous) ? previous : null;
  }
  return paragraphs;
}
