/**
 * HTML import: .docx converted by mammoth, and HTML from the clipboard (Word, WPS, web
 * pages). shared/ has no DOM, so a small tolerant tokenizer turns the markup into lines —
 * one per block element or <br>, bold kept as `**` — and the text importer structures
 * them. A report therefore gives the same document as .txt and as .docx, and foreign
 * fonts, colours and sizes are dropped by construction: only text and bold survive.
 */
import type { GongwenDocument } from '../model/document';
import { hasMarks, joinRunLines, runsFromSpans, runsText, guessHeaderRows, tableText, type TableBlock, type TableCell } from '../model/blocks';
import { matchHeadingLabel } from './patterns';
import { toSourceLine } from './source-line';
import { parseReportLines, tablePlaceholder, toDocument, type ImportOptions } from './text';

export function importHtml(html: string, _options: ImportOptions = {}): GongwenDocument {
  const { lines, tables } = htmlLinesAndTables(html);
  return toDocument(parseReportLines(lines, tables));
}

/** HTML → the lines the text importer reads, each top-level table a placeholder line. */
export function htmlLinesAndTables(html: string): { lines: string[]; tables: TableBlock[] } {
  const { html: rest, tables } = extractHtmlTables(typeof html === 'string' ? html : String(html));
  return { lines: htmlToLines(rest), tables };
}

const TABLE_TAG = /<(\/?)(table|tr|td|th|thead)\b([^>]*)>/gi;

function spanAttr(attrs: string, name: string): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d{1,3})`, 'i').exec(attrs);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 ? Math.min(n, 100) : 1;
}

/** A cell's inner markup → its text and bold runs (lines of the cell joined by newlines). */
function cellOf(inner: string, colSpan: number, rowSpan: number): TableCell {
  const lines = htmlToLines(inner).map(toSourceLine).filter((l) => l.text !== '');
  const runs = joinRunLines(lines.map((line) => runsFromSpans(line.text, line.bold)));
  const cell: TableCell = { text: runsText(runs), colSpan, rowSpan };
  if (hasMarks(runs)) cell.runs = runs;
  return cell;
}

/**
 * Top-level <table>s (mammoth's .docx tables, Word/WPS/web clipboard) → table blocks, each
 * replaced in the markup by a paragraph holding its placeholder. Rows in <thead>, or a first
 * row of <th> only, are the header. A table inside a cell gives its text to that cell.
 */
export function extractHtmlTables(html: string): { html: string; tables: TableBlock[] } {
  if (!/<table\b/i.test(html)) return { html, tables: [] };
  const tables: TableBlock[] = [];
  let out = '';
  let copied = 0;
  let depth = 0;
  let start = 0;
  let rows: TableCell[][] = [];
  let headerFlags: boolean[] = [];
  let inThead = false;
  let cell: { start: number; colSpan: number; rowSpan: number; th: boolean } | null = null;
  let rowAllTh = true;
  const closeCell = (end: number) => {
    if (!cell) return;
    const row = rows[rows.length - 1] ?? (rows.push([]), headerFlags.push(inThead), rows[rows.length - 1]!);
    row.push(cellOf(html.slice(cell.start, end), cell.colSpan, cell.rowSpan));
    if (!cell.th) rowAllTh = false;
    cell = null;
  };
  const closeRow = () => {
    if (rows.length > 0 && !headerFlags[rows.length - 1]) headerFlags[rows.length - 1] = rowAllTh && rows.length === 1;
  };
  TABLE_TAG.lastIndex = 0;
  for (let m = TABLE_TAG.exec(html); m; m = TABLE_TAG.exec(html)) {
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (name === 'table') {
      if (!closing) {
        if (depth === 0) {
          start = m.index;
          rows = [];
          headerFlags = [];
          cell = null;
        }
        depth++;
      } else if (depth > 0) {
        depth--;
        if (depth === 0) {
          closeCell(m.index);
          closeRow();
          let headerRows = 0;
          while (headerRows < rows.length && headerFlags[headerRows]) headerRows++;
          const kept = rows.filter((r) => r.length > 0);
          if (kept.length > 0) {
            out += `${html.slice(copied, start)}<p>${tablePlaceholder(tables.length)}</p>`;
            // A table that marks no header row (Excel's clipboard, a Word table without 标题行重复): guessed.
            const header = headerRows > 0 ? Math.min(headerRows, kept.length) : guessHeaderRows(kept);
            tables.push({ type: 'table', rows: kept, headerRows: header, text: tableText(kept) });
            copied = m.index + m[0].length;
          }
        }
      }
      continue;
    }
    if (depth !== 1) continue; // tags of a nested table are text of the outer cell
    if (name === 'thead') inThead = !closing;
    else if (name === 'tr') {
      closeCell(m.index);
      if (!closing) {
        closeRow();
        rows.push([]);
        headerFlags.push(inThead);
        rowAllTh = true;
      }
    } else if (!closing) {
      closeCell(m.index);
      cell = { start: m.index + m[0].length, colSpan: spanAttr(m[3]!, 'colspan'), rowSpan: spanAttr(m[3]!, 'rowspan'), th: name === 'th' };
    } else closeCell(m.index);
  }
  if (tables.length === 0) return { html, tables };
  return { html: out + html.slice(copied), tables };
}

/** Elements whose content is never text of the report. */
const SKIPPED = new Set(['script', 'style', 'title', 'xml', 'template', 'noscript', 'head', 'svg', 'math', 'object', 'iframe', 'select', 'textarea']);
/** Elements that start and end a line. */
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'table', 'tr', 'thead', 'tbody', 'tfoot', 'caption',
  'blockquote', 'section', 'article', 'header', 'footer', 'pre', 'hr', 'dl', 'dt', 'dd', 'address', 'figure', 'figcaption',
  'main', 'nav', 'aside', 'body', 'html', 'center', 'form', 'fieldset', 'details', 'summary', 'br',
]);
const CELLS = new Set(['td', 'th']);
const BOLD = new Set(['b', 'strong']);
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'col', 'area', 'base', 'wbr', 'source', 'embed', 'param', 'track']);

const TAG_START = /<(\/?)([A-Za-z][A-Za-z0-9:_-]{0,60})/y;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

interface ListState {
  ordered: boolean;
  count: number;
}

/** Markup → text lines (bold as `**`). Never throws; unclosed or stray tags are tolerated. */
export function htmlToLines(html: string): string[] {
  const lines: string[] = [];
  let parts: string[] = [];
  let bold = 0;
  let pre = 0;
  const spans: boolean[] = [];
  const lists: ListState[] = [];
  let pendingLabel: string | null = null;

  const flush = () => {
    if (bold > 0) parts.push('**');
    let line = parts.join('');
    if (pendingLabel !== null) {
      // A numbered list item (mammoth writes Word's numbering as <ol>) gets the number a
      // browser shows, unless its text already starts with one.
      const visible = line.replace(/\*\*/g, '').replace(/^[\s\u3000]+/, '');
      if (visible !== '' && !matchHeadingLabel(visible)) line = pendingLabel + line;
      pendingLabel = null;
    }
    lines.push(line);
    parts = bold > 0 ? ['**'] : [];
  };
  const setBold = (delta: number) => {
    const before = bold;
    bold = Math.max(0, bold + delta);
    if ((before === 0) !== (bold === 0)) parts.push('**');
  };

  let i = 0;
  const n = html.length;
  while (i < n) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      parts.push(textOf(html.slice(i, textEnd), pre > 0));
      i = textEnd;
      continue;
    }
    // html[i] === '<'
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (html.startsWith('<![CDATA[', i)) {
      const close = html.indexOf(']]>', i + 9);
      parts.push(textOf(html.slice(i + 9, close < 0 ? n : close), pre > 0));
      i = close < 0 ? n : close + 3;
      continue;
    }
    if (html.startsWith('<!', i) || html.startsWith('<?', i)) {
      // Doctype, Word's <![if !supportLists]> markers: the markers go, their content stays.
      const close = html.indexOf('>', i + 2);
      i = close < 0 ? n : close + 1;
      continue;
    }
    TAG_START.lastIndex = i;
    const m = TAG_START.exec(html);
    if (!m) {
      parts.push('<');
      i++;
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const tagEnd = findTagEnd(html, i + m[0].length);
    const attrs = html.slice(i + m[0].length, tagEnd < 0 ? n : tagEnd);
    i = tagEnd < 0 ? n : tagEnd + 1;
    const selfClosing = /\/\s*$/.test(attrs) || VOID.has(name);

    if (!closing && SKIPPED.has(name) && !selfClosing) {
      // Everything up to the matching close tag is not report text (CSS, scripts, Word's XML).
      const closeRe = new RegExp(`</${name.replace(/[^a-z0-9]/g, '')}\\s*>`, 'ig');
      closeRe.lastIndex = i;
      const close = closeRe.exec(html);
      // Unclosed: ignore the tag alone rather than lose the rest of the document.
      if (close) i = close.index + close[0].length;
      continue;
    }
    if (BLOCKS.has(name)) {
      flush();
      if (name === 'pre') pre = closing ? Math.max(0, pre - 1) : pre + 1;
      if (name === 'ol' || name === 'ul') {
        if (closing) lists.pop();
        else lists.push({ ordered: name === 'ol', count: startOf(attrs) - 1 });
      }
      if (name === 'li' && !closing) {
        const list = lists[lists.length - 1];
        if (list?.ordered) {
          list.count++;
          pendingLabel = `${list.count}.`;
        }
      }
      continue;
    }
    if (CELLS.has(name)) {
      if (!closing) parts.push(' ');
      continue;
    }
    if (BOLD.has(name)) {
      if (!selfClosing) setBold(closing ? -1 : 1);
      continue;
    }
    if (name === 'span' || name === 'font') {
      // Word and WPS paste bold as <span style="font-weight:bold">.
      if (closing) {
        if (spans.pop()) setBold(-1);
      } else if (!selfClosing) {
        const isBold = /font-weight\s*:\s*(bold|bolder|[6-9]00)\b/i.test(attrs);
        spans.push(isBold);
        if (isBold) setBold(1);
      }
    }
  }
  flush();
  return lines;
}

/** The index of the `>` that ends a tag whose attributes start at `from` (quotes respected), or -1. */
function findTagEnd(html: string, from: number): number {
  let quote = '';
  // If a quoted value never closes, the tag ends at the first `>` after all (lose a tag, not the document).
  let firstGt = -1;
  for (let j = from; j < html.length; j++) {
    const c = html[j]!;
    if (quote) {
      if (c === quote) quote = '';
      else if (c === '>' && firstGt < 0) firstGt = j;
    } else if (c === '"' || c === "'") {
      // A quote only opens a value right after `=` (attribute syntax); stray quotes are text.
      if (/=\s*$/.test(html.slice(Math.max(from, j - 8), j))) quote = c;
    } else if (c === '>') return j;
    // A `<` inside a tag means the tag was never closed: it ends where the next one starts.
    else if (c === '<') return j - 1;
  }
  return firstGt;
}

function startOf(attrs: string): number {
  const m = /\bstart\s*=\s*["']?(\d{1,4})/i.exec(attrs);
  return m ? Number(m[1]) : 1;
}

/** Text node → text: whitespace collapsed as a browser shows it (nothing between CJK characters), entities decoded. */
function textOf(raw: string, pre: boolean): string {
  let text = raw;
  if (!pre) {
    text = text.replace(/[ \t\n\r\f]+/g, (run, offset: number, whole: string) => {
      if (!/[\n\r]/.test(run)) return ' ';
      const before = whole[offset - 1];
      const after = whole[offset + run.length];
      // Word wraps long source lines; between two Chinese characters that break is no space.
      if ((before === undefined || CJK.test(before)) && (after === undefined || CJK.test(after))) return '';
      return ' ';
    });
  }
  return decodeEntities(text).replace(/[\n\r\t\f]/g, ' ');
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', ndash: '–', hellip: '…', middot: '·', bull: '•',
  times: '×', divide: '÷', deg: '°', plusmn: '±', permil: '‰', copy: '©', reg: '®', trade: '™', sect: '§',
  laquo: '«', raquo: '»', lsaquo: '‹', rsaquo: '›', hyphen: '-', shy: '\u00ad', zwsp: '\u200b', yen: '¥',
  rarr: '→', larr: '←', uarr: '↑', darr: '↓', le: '≤', ge: '≥', ne: '≠', star: '☆', starf: '★', cir: '○',
};
/** Windows-1252 numbers some Word versions write as character references. */
const CP1252: Record<number, string> = { 133: '…', 145: '‘', 146: '’', 147: '“', 148: '”', 149: '•', 150: '–', 151: '—' };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,15});?/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (CP1252[code]) return CP1252[code]!;
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    const named = NAMED[ref] ?? NAMED[ref.toLowerCase()];
    return named ?? whole;
  });
}
