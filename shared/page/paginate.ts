/**
 * Where the pages break — one policy for the screen, print and the .docx.
 *
 * The .docx states the policy to Word / LibreOffice (shared/docx/build.ts): every page holds
 * the 22 grid lines, widow/orphan control is OFF (a full page is always 22 lines, as the
 * classic 公文 template does), and a stand-alone heading (and the title) is kept with the
 * next paragraph (w:keepNext). This module lays a flow of measured blocks out by the same
 * rules, so the editor's sheets and the print view break where the word processor does:
 *
 * - a breakable block (a paragraph, a heading, the 附件 lines) fills the page line by line
 *   and continues on the next page;
 * - an unbreakable block (the 版头 with the title, the 署名/日期 box) moves whole to the next
 *   page when it does not fit;
 * - a block that keeps with the next one moves to the next page when the next block's
 *   first line does, together with any keep-with-next blocks right before it — unless that
 *   chain already starts a page (then the keep is ignored, as Word and LibreOffice do);
 * - a table breaks between rows only (w:cantSplit): a row that does not fit starts the next
 *   page, below the table's header rows repeated there (w:tblHeader); the header rows keep
 *   with the first row under them, and rows joined by a cell spanning them stay together.
 *   A table whose first rows do not fit moves whole, like an unbreakable block;
 * - the 版记 sits on a page of its own at the foot of the type area: the next even page
 *   after the body (a blank, unnumbered page in between when the body ends on an even page),
 *   which is what the .docx's even-page section does.
 *
 * Units are grid lines (28.95 pt); a block may be a fraction of a line tall (the 版头).
 * Pure and cheap: one pass over the blocks, no DOM.
 */
import { GRID } from './geometry';

export interface FlowBlock {
  /** Height in grid lines (blank lines before it included); may be fractional. */
  lines: number;
  /** Unbreakable blocks move whole to the next page. */
  unbreakable?: boolean;
  /** Keep on the same page as the first line of the next block (w:keepNext). */
  keepWithNext?: boolean;
  /** A table: the height of each row in lines (each unbreakable); `lines` is then their sum. */
  rows?: readonly number[];
  /** Leading rows repeated at the top of every page the table continues on. */
  headerRows?: number;
  /** rowJoined[r]: row r stays on the page of row r + 1 (a cell spans both). */
  rowJoined?: readonly boolean[];
}

/** Where a page's content starts: block index and the line of that block (0 = its top). */
export interface PageStart {
  block: number;
  line: number;
  /** In a table continued from the page before: its first row here (the header rows come before it). */
  row?: number;
  /** Lines of the repeated header rows at the top of this page (with `row`). */
  repeat?: number;
}

export interface Pagination {
  /** Start of every content page (pages[0] = { block: 0, line: 0 }). */
  starts: PageStart[];
  /** Lines used on each content page (the cut for the screen's page layer). */
  used: number[];
  /** Content pages (the body's last page, 1-based). */
  contentPages: number;
  /** Page that carries the 版记 (1-based), or null without one. */
  colophonPage: number | null;
  /** A blank page between the body and the 版记 (1-based), or null. */
  blankPage: number | null;
  /** Pages in all, as the .docx prints. */
  pages: number;
}

export interface PaginateOptions {
  /** Lines a page holds (22). */
  linesPerPage?: number;
  /** The document ends with a 版记 on its own even page. */
  colophon?: boolean;
}

/** Rounding slack: a block measured at 2.9999 lines takes 3 lines. */
const EPS = 0.02;

export function paginate(blocks: readonly FlowBlock[], options: PaginateOptions = {}): Pagination {
  const cap = options.linesPerPage ?? GRID.linesPerPage;
  const starts: PageStart[] = [{ block: 0, line: 0 }];
  const used: number[] = [];
  // Where each block starts: page index and the line on that page.
  const startPage: number[] = [];
  const startY: number[] = [];
  let page = 0;
  let y = 0;
  const newPage = (block: number, line: number) => {
    used[page] = y;
    page += 1;
    y = 0;
    starts[page] = { block, line };
  };
  /** Moves block `i` (and the keep-with-next chain before it) to the next page. */
  const moveToNextPage = (i: number): number => {
    // The block starts the next page and pulls the keep-with-next chain before it along,
    // unless that chain starts this page (then the keep is ignored).
    let first = i;
    while (first > 0 && blocks[first - 1]!.keepWithNext && startPage[first - 1] === page) first -= 1;
    if (first < i && startY[first]! <= EPS) first = i;
    if (first < i) y = startY[first]!;
    newPage(first, 0);
    return first;
  };
  let i = 0;
  /**
   * Lays table `i` out row by row: 'moved' when its first rows do not fit here and it (with
   * the chain before it) moves to the next page, to be placed again from there.
   */
  const placeTable = (b: FlowBlock, rows: readonly number[]): 'placed' | 'moved' => {
    const header = Math.min(b.headerRows ?? 0, rows.length);
    const repeat = rows.slice(0, header).reduce((a, r) => a + Math.max(0, r), 0);
    // Units of rows that stay together: the header with the first row under it, joined rows.
    const units: { from: number; to: number; lines: number }[] = [];
    for (let r = 0; r < rows.length; ) {
      let to = r;
      while (to + 1 < rows.length && (to < header || b.rowJoined?.[to])) to += 1;
      let lines = 0;
      for (let k = r; k <= to; k++) lines += Math.max(0, rows[k]!);
      units.push({ from: r, to, lines });
      r = to + 1;
    }
    const first = units[0]!;
    if (first.lines > cap - y + EPS && y > EPS) {
      i = moveToNextPage(i);
      return 'moved';
    }
    startPage[i] = page;
    startY[i] = y;
    let line = 0;
    units.forEach((u, k) => {
      if (k > 0 && u.lines > cap - y + EPS && y > repeat + EPS) {
        newPage(i, line);
        starts[page] = { block: i, line, row: u.from, repeat };
        y = repeat;
      }
      // A unit taller than a page overflows it (nothing better can be done).
      y += u.lines;
      line += u.lines;
    });
    return 'placed';
  };
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (b.rows && b.rows.length > 0) {
      const placed = placeTable(b, b.rows);
      if (placed === 'moved') continue;
      i += 1;
      continue;
    }
    const n = Math.max(0, b.lines);
    const room = cap - y;
    if (n <= room + EPS) {
      startPage[i] = page;
      startY[i] = y;
      y += n;
      i += 1;
      continue;
    }
    // Does not fit. Where does the block's first line go?
    const fitLines = b.unbreakable ? 0 : Math.floor(room + EPS);
    if (fitLines <= 0 && y > EPS) {
      i = moveToNextPage(i);
      continue;
    }
    startPage[i] = page;
    startY[i] = y;
    if (b.unbreakable) {
      // Taller than a page: it overflows (nothing better can be done).
      y += n;
      i += 1;
      continue;
    }
    // Split: `fitLines` lines here, the rest on following pages.
    let line = fitLines;
    y += fitLines;
    while (n - line > EPS) {
      newPage(i, line);
      const take = Math.min(n - line, cap);
      y = take;
      line += take;
    }
    i += 1;
  }
  used[page] = y;
  const contentPages = page + 1;
  let colophonPage: number | null = null;
  let blankPage: number | null = null;
  if (options.colophon) {
    colophonPage = contentPages + 1;
    if (colophonPage % 2 === 1) {
      blankPage = colophonPage;
      colophonPage += 1;
    }
  }
  return { starts, used, contentPages, colophonPage, blankPage, pages: colophonPage ?? contentPages };
}
