/**
 * Plain-text (and Markdown) import: turns a report given as lines of text into a
 * structured document — 版头 (issuer mark, 文号, 签发人), title, recipient, numbered
 * headings (labels kept as written so the checks can flag them), body paragraphs, and
 * the closing part (附件, 署名, 成文日期, 附注, 抄送, 印发).
 *
 * The rules are about the shape of lines, never about particular reports (see
 * ../../docs in the shared folder: contract "Plain-text import"). The work is linear in
 * the input, so any paste, however odd, comes back as a valid document.
 */
import { hasMarks, runsFromSpans, guessHeaderRows, tableBlock, type Block, type HeadingBlock, type Run, type TableBlock } from '../model/blocks';
import { MAX_BODY_BLOCKS, SCHEMA_VERSION, emptyHeader, type GongwenDocument, type ReportHeader } from '../model/document';
import { fromBlocks } from '../model/lexical-json';
import { titleYear } from '../model/report-year';
import {
  CONTINUATION_START,
  GENRE_END,
  LINE_COMPLETE,
  SENTENCE_END,
  directionOfTitle,
  firstYear,
  isDateLine,
  isDocNumber,
  isNamesLine,
  isOrganName,
  isPageNumber,
  matchAttachmentLead,
  matchCc,
  matchHeadingLabel,
  matchNote,
  matchPrintLine,
  matchSigners,
  splitNames,
} from './patterns';
import { splitLines, toSourceLine, type SourceLine } from './source-line';

export interface ImportOptions {
  /**
   * Today's date, 'YYYY-MM-DD'. Import reads everything from the text itself; the option
   * is accepted so callers pass the clock the same way to every pure function (house rule 5).
   */
  today?: string;
}

/** A header field a line of the source can fill (the switches are never read from a line). */
export type HeaderField = Exclude<keyof ReportHeader, 'direction' | 'redHeader' | 'withSeal'>;

export interface ParsedReport {
  header: ReportHeader;
  blocks: Block[];
  kind: 'fazhi-annual' | 'generic';
  reportYear: number | null;
  /** The source lines read (blank lines dropped); `blocks` are made of `lines[bodyStart, bodyEnd)`. */
  lines: SourceLine[];
  /** For each line, the header fields it was read into ([] = body). */
  lineFields: HeaderField[][];
  bodyStart: number;
  bodyEnd: number;
}

/** Lines in the 版头 searched for the issuer mark, 文号 and 签发人. */
const HEAD_SCAN = 14;
/** A title is at most this many lines (a long title wraps into two or three). */
const MAX_TITLE_LINES = 4;
/** A body line shorter than this that stops without punctuation is a line of its own, not a PDF wrap. */
const MIN_WRAPPED_LINE = 20;

export function importText(text: string, _options: ImportOptions = {}): GongwenDocument {
  const { lines, tables } = extractTextTables(withoutPageNumbers(typeof text === 'string' ? text : String(text)));
  return toDocument(parseReportLines(lines, tables));
}

/**
 * The raw lines without the page numbers a copy from a PDF carries (pdftotext, a viewer's
 * select-all): — 1 — wherever it stands, and 3 / 第 3 页 when it is the first or last line of a
 * page (pdftotext ends each page with a form feed). Left in, a page number would end the
 * paragraph broken by the page break, or be glued to it.
 */
function withoutPageNumbers(text: string): string[] {
  if (!/[—–\-－─]|\f/.test(text)) return splitLines(text);
  const out: string[] = [];
  for (const page of text.split('\f')) {
    const lines = splitLines(page);
    const filled = lines.map((l, i) => (l.trim() === '' ? -1 : i)).filter((i) => i >= 0);
    const edges = new Set([filled[0], filled[filled.length - 1]]);
    lines.forEach((line, i) => {
      if (!isPageNumber(line.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, ''), edges.has(i) && text.includes('\f'))) out.push(line);
    });
  }
  return out;
}

/**
 * A table stands in the line list as one placeholder line (a private-use character and its
 * index), so the line rules (title, header, closing, wrapped lines) never read its cells.
 */
const TABLE_MARK = '\ue010';
const PLACEHOLDER = /^\ue010(\d{1,6})$/;
export const tablePlaceholder = (index: number): string => `${TABLE_MARK}${index}`;
const isPlaceholder = (text: string): boolean => text.startsWith(TABLE_MARK);

const cellsOfTabLine = (line: string): string[] | null => {
  const body = line.replace(/^[ \u3000]+|[\s\u3000]+$/g, '').replace(/^\t+/, '');
  if (!body.includes('\t')) return null;
  return body.split('\t').map((c) => c.replace(/^[ \u3000]+|[ \u3000]+$/g, ''));
};
const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*\|[\s:|-]*-[\s:|-]*\|\s*$/;
const cellsOfPipeLine = (line: string): string[] => line.trim().slice(1, -1).split('|').map((c) => c.trim());

/**
 * Tables in plain text: two or more consecutive lines of tab-separated cells (as Excel, Word
 * and WPS copy a table), each with the same number of cells, at least two; and Markdown
 * pipe tables with their |---| rule (the rows above the rule are the header).
 */
export function extractTextTables(rawLines: readonly string[]): { lines: string[]; tables: TableBlock[] } {
  const lines: string[] = [];
  const tables: TableBlock[] = [];
  for (let i = 0; i < rawLines.length; ) {
    const first = cellsOfTabLine(rawLines[i]!);
    if (first && first.length >= 2) {
      let j = i + 1;
      const rows = [first];
      for (; j < rawLines.length; j++) {
        const cells = cellsOfTabLine(rawLines[j]!);
        if (!cells || cells.length !== first.length) break;
        rows.push(cells);
      }
      if (rows.length >= 2) {
        lines.push(tablePlaceholder(tables.length));
        const table = tableBlock(rows, 0);
        tables.push({ ...table, headerRows: guessHeaderRows(table.rows) });
        i = j;
        continue;
      }
    }
    if (PIPE_ROW.test(rawLines[i]!) && i + 1 < rawLines.length && PIPE_RULE.test(rawLines[i + 1]!)) {
      const head = cellsOfPipeLine(rawLines[i]!);
      const rows = [head];
      let j = i + 2;
      for (; j < rawLines.length && PIPE_ROW.test(rawLines[j]!) && !PIPE_RULE.test(rawLines[j]!); j++) rows.push(cellsOfPipeLine(rawLines[j]!));
      const width = Math.max(...rows.map((r) => r.length));
      lines.push(tablePlaceholder(tables.length));
      tables.push(tableBlock(rows.map((r) => [...r, ...Array.from({ length: width - r.length }, () => '')]), 1));
      i = j;
      continue;
    }
    lines.push(rawLines[i]!);
    i++;
  }
  return { lines, tables };
}

/** The text lines of a table, row by row and cell by cell. */
function tableLines(table: TableBlock): string[] {
  return table.rows.flatMap((row) => row.flatMap((cell) => cell.text.split('\n'))).map((t) => t.trim()).filter((t) => t !== '');
}

/**
 * Word red-header templates often lay the 版头 out in tables (the issuer mark in one, 文号 and
 * 签发人 side by side in another). Small tables before any other line that hold a 文号, a
 * 签发人 line or an issuer mark (…文件) are read as those lines, so the 版头, title and 主送机关
 * after them are found as in plain text. Any other table stays a table.
 */
function unboxLeadingHeaderTables(rawLines: readonly string[], tables: readonly TableBlock[]): readonly string[] {
  const head: string[] = [];
  let i = 0;
  for (; i < rawLines.length; i++) {
    const text = rawLines[i]!.trim();
    if (text === '') continue;
    const index = PLACEHOLDER.exec(text);
    const table = index ? tables[Number(index[1])] : undefined;
    if (!table || table.rows.length > 3 || table.rows.some((row) => row.length > 3)) break;
    const cellLines = tableLines(table);
    const isHeadLine = (t: string) => t.length <= 60 && (isDocNumber(t) || matchSigners(t) !== null || /文件$/.test(t));
    if (cellLines.length === 0 || !cellLines.some(isHeadLine)) break;
    head.push(...cellLines);
  }
  return head.length ? [...head, ...rawLines.slice(i)] : rawLines;
}

/**
 * The 版记 (抄送, 印发) is often a table in Word and WPS templates, and it is one in our own
 * .docx: tables that end the document and hold only 抄送/印发 lines are read as those lines,
 * so the closing part (署名, 成文日期 above them) is found as in plain text. Any other table
 * stays a table.
 */
function unboxTrailingRecordTables(rawLines: readonly string[], tables: readonly TableBlock[]): readonly string[] {
  let end = rawLines.length;
  while (end > 0 && rawLines[end - 1]!.trim() === '') end--;
  const tail: string[] = [];
  for (;;) {
    const index = end > 0 ? PLACEHOLDER.exec(rawLines[end - 1]!.trim()) : null;
    const table = index ? tables[Number(index[1])] : undefined;
    if (!table) break;
    const cellLines = tableLines(table);
    const isRecordLine = (t: string) => matchCc(t) !== null || matchPrintLine(t) !== null;
    if (cellLines.length === 0 || !cellLines.every(isRecordLine)) break;
    tail.unshift(...cellLines);
    end--;
  }
  return tail.length ? [...rawLines.slice(0, end), ...tail] : rawLines;
}

/** Markdown is plain text with marks; the marks are stripped line by line. */
export const importMarkdown = importText;

/** The structured report in a list of raw lines (Markdown marks allowed). */
export function parseReportLines(rawLines: readonly string[], tables: readonly TableBlock[] = []): ParsedReport {
  const lines = unboxLeadingHeaderTables(unboxTrailingRecordTables(rawLines, tables), tables).map(toSourceLine).filter((line) => line.text !== '');
  const header = emptyHeader();
  const fields = new Fields(lines.length);
  let pos = parseHead(lines, header, fields);
  pos = parseTitle(lines, pos, header, fields);
  if (pos < lines.length && isRecipient(lines[pos]!.text)) {
    header.recipient = lines[pos]!.text.replace(/[：:]$/, '').trim();
    fields.mark(pos, 'recipient');
    pos++;
  }
  const end = parseClosing(lines, pos, header, fields);
  const blocks = bodyBlocks(lines.slice(pos, end), tables);
  header.direction = header.title ? directionOfTitle(header.title) : 'up';
  header.redHeader = header.issuerLines.length > 0 || header.docNumber !== '';
  return {
    header: clampHeader(header),
    blocks,
    kind: kindOf(header.title, blocks),
    reportYear: reportYearOf(header.title, blocks),
    lines,
    lineFields: fields.list,
    bodyStart: pos,
    bodyEnd: end,
  };
}

/** Body lines → blocks: lines broken mid-paragraph joined, headings by their numbers, tables in place. */
export function bodyBlocks(lines: readonly SourceLine[], tables: readonly TableBlock[] = []): Block[] {
  const blocks = joinWrappedLines(lines).map((line): Block => {
    const table = PLACEHOLDER.exec(line.text);
    return table ? (tables[Number(table[1])] ?? { type: 'paragraph', text: '' }) : toBlock(line);
  });
  return capBlocks(blocks);
}

/** Which header fields each line was read into. */
class Fields {
  readonly list: HeaderField[][];
  constructor(length: number) {
    this.list = Array.from({ length }, () => []);
  }
  mark(line: number, ...fields: HeaderField[]): void {
    for (const field of fields) if (!this.list[line]!.includes(field)) this.list[line]!.push(field);
  }
  range(from: number, to: number, field: HeaderField): void {
    for (let i = from; i < to; i++) this.mark(i, field);
  }
}

export function toDocument(parsed: ParsedReport): GongwenDocument {
  return { schemaVersion: SCHEMA_VERSION, kind: parsed.kind, reportYear: parsed.reportYear, header: parsed.header, body: fromBlocks(parsed.blocks) };
}

// ---------------------------------------------------------------------------------------
// 版头: copy number, secrecy, urgency, issuer mark, 文号, 签发人

const COPY_NUMBER = /^[0-9]{6}$/;
const SECRECY = /^(?:绝密|机密|秘密)(?:[★*☆][^，。]{0,10})?$/;
const URGENCY = /^(?:特急|加急|特提|平急)$/;

function isHeadStop(text: string): boolean {
  // Reaching a heading, a sentence, a title or a recipient means there is no 版头 above.
  return (
    matchHeadingLabel(text) !== null ||
    /[。！？；，]/.test(text) ||
    text.length > 60 ||
    /关于/.test(text) ||
    GENRE_END.test(text) ||
    /[：:]$/.test(text)
  );
}

function parseHead(lines: readonly SourceLine[], header: ReportHeader, fields: Fields): number {
  let pos = 0;
  for (; pos < lines.length && pos < 3; pos++) {
    const t = lines[pos]!.text;
    if (COPY_NUMBER.test(t)) header.copyNumber = t;
    else if (SECRECY.test(t)) header.secrecy = t;
    else if (URGENCY.test(t)) header.urgency = t;
    else break;
    fields.mark(pos, COPY_NUMBER.test(t) ? 'copyNumber' : SECRECY.test(t) ? 'secrecy' : 'urgency');
  }
  const start = pos;
  const limit = Math.min(lines.length, start + HEAD_SCAN);
  // 1. Organ names followed by a 文号 or 签发人 line: everything above them is the issuer mark.
  let k = -1;
  for (let i = start; i < limit; i++) {
    const t = lines[i]!.text;
    if (isDocNumber(docNumberPart(t)) || matchSigners(t)) {
      k = i;
      break;
    }
    if (isHeadStop(t) && !/文件$/.test(t)) break;
  }
  if (k >= 0) {
    header.issuerLines = issuerMarks(lines.slice(start, k).map((l) => l.text).filter((t) => t.length <= 60));
    fields.range(start, k, 'issuerLines');
    pos = k;
    while (pos < lines.length) {
      const t = lines[pos]!.text;
      const signerAt = t.search(/签[ \t\u3000]*发[ \t\u3000]*人[ \t\u3000]*[:：]/);
      const numberPart = docNumberPart(t);
      if (!header.docNumber && isDocNumber(numberPart)) {
        header.docNumber = numberPart;
        fields.mark(pos, 'docNumber');
        if (signerAt > 0) {
          header.signers.push(...(matchSigners(t.slice(signerAt)) ?? []));
          fields.mark(pos, 'signers');
        }
      } else if (header.signers.length === 0 && signerAt === 0) {
        header.signers.push(...(matchSigners(t) ?? []));
        fields.mark(pos, 'signers');
      } else if (header.signers.length > 0 && isNamesLine(t) && !isOrganName(t)) {
        header.signers.push(...splitNames(t));
        fields.mark(pos, 'signers');
      } else break;
      pos++;
    }
    return pos;
  }
  // 2. A line ending in 文件 near the top: it and the organ lines above it are the mark.
  for (let i = start; i < Math.min(limit, start + 6); i++) {
    const t = lines[i]!.text;
    if (/文件$/.test(t) && t.length <= 40 && !/^关于/.test(t)) {
      header.issuerLines = issuerMarks(lines.slice(start, i + 1).map((l) => l.text));
      fields.range(start, i + 1, 'issuerLines');
      return i + 1;
    }
    if (isHeadStop(t)) break;
  }
  return start;
}

/** A lone "文件" printed beside the names of a joint issuing belongs to the line above it. */
function issuerMarks(marks: string[]): string[] {
  if (marks.length > 1 && marks[marks.length - 1] === '文件') return [...marks.slice(0, -2), `${marks[marks.length - 2]}文件`];
  return marks;
}

/** The 文号 part of a line that may also carry the 签发人 (as printed side by side). */
function docNumberPart(text: string): string {
  const at = text.search(/签[ \t\u3000]*发[ \t\u3000]*人/);
  return (at > 0 ? text.slice(0, at) : text).trim();
}

// ---------------------------------------------------------------------------------------
// Title and recipient

function isTitleLine(text: string): boolean {
  if (matchHeadingLabel(text) !== null || isPlaceholder(text)) return false;
  if (/[。！？；：:，,、;!?]$/.test(text)) return false;
  if (/[。！？；!?]/.test(text)) return false;
  if (isDateLine(text) || matchAttachmentLead(text) !== null || matchCc(text) !== null || matchSigners(text) !== null) return false;
  const titleLike = /关于/.test(text) || GENRE_END.test(text);
  return text.length <= (titleLike ? 120 : 50);
}

function parseTitle(lines: readonly SourceLine[], pos: number, header: ReportHeader, fields: Fields): number {
  const parts: string[] = [];
  let p = pos;
  while (p < lines.length && parts.length < MAX_TITLE_LINES && isTitleLine(lines[p]!.text)) {
    parts.push(lines[p]!.text);
    p++;
    if (GENRE_END.test(parts[parts.length - 1]!)) break;
  }
  // A run of short lines with no 文种 and no sentence after it is not a title
  // (e.g. a list of names); leave such text to the body.
  if (parts.length === 0 || (parts.length === MAX_TITLE_LINES && !parts.some((t) => GENRE_END.test(t) || /关于/.test(t)))) return pos;
  header.title = joinTitle(parts);
  fields.range(pos, p, 'title');
  return p;
}

/**
 * Joins title lines. Names of several organs (联合行文) are separated by a space, as in
 * `中共××县委 ××县人民政府关于…的报告`; a title broken inside a phrase joins without one.
 */
function joinTitle(parts: readonly string[]): string {
  let title = parts[0]!;
  for (let i = 1; i < parts.length; i++) {
    const prev = parts[i - 1]!;
    const next = parts[i]!;
    const separate = isOrganName(prev) && !/^关于/.test(next) && /(关于|^[^的]{2,30}(委员会|委|政府|办事处|局|办公室)(?:$|[ \t]))/.test(next);
    title += (separate ? ' ' : '') + next;
  }
  return title.replace(/[ \t\u3000]+/g, ' ').trim();
}

function isRecipient(text: string): boolean {
  if (!/[：:]$/.test(text) || text.length > 60) return false;
  if (/[。！？；!?]/.test(text) || /如下|报告|汇报/.test(text)) return false;
  if (matchHeadingLabel(text) !== null) return false;
  return !/^(附\s*件|抄\s*送|签\s*发\s*人|联系人|电话|说明)/.test(text);
}

// ---------------------------------------------------------------------------------------
// Closing part: 附件, 署名, 成文日期, 附注, 抄送, 印发 (read from the end backwards)

function parseClosing(lines: readonly SourceLine[], pos: number, header: ReportHeader, fields: Fields): number {
  let end = lines.length;
  const notes: string[] = [];
  let dated = false;
  while (end > pos) {
    const t = lines[end - 1]!.text;
    const print = header.printOrgan || header.printDate ? null : matchPrintLine(t);
    const cc = header.cc ? null : matchCc(t);
    const note = dated ? null : matchNote(t);
    if (print) {
      header.printOrgan = print.organ;
      header.printDate = print.date;
      fields.mark(end - 1, ...(print.organ ? (['printOrgan', 'printDate'] as const) : (['printDate'] as const)));
    } else if (cc !== null) {
      header.cc = cc;
      fields.mark(end - 1, 'cc');
    } else if (!dated && isDateLine(t)) {
      header.date = t;
      dated = true;
      fields.mark(end - 1, 'date');
    } else if (note !== null && end - pos > 1 && closingNoteAllowed(lines, end - 1)) {
      notes.unshift(note);
      fields.mark(end - 1, 'note');
    } else break;
    end--;
  }
  header.note = notes.join('');
  // 署名: organ names directly above the date (or ending the document when undated).
  const organs: string[] = [];
  while (end - 1 > pos && organs.length < 4) {
    const t = lines[end - 1]!.text;
    const names = splitOrganLine(t);
    if (!names) break;
    if (!dated && organs.length === 0 && !LINE_COMPLETE.test(lines[end - 2]!.text)) break;
    organs.unshift(...names);
    fields.mark(end - 1, 'signingOrgans');
    end--;
  }
  header.signingOrgans = organs;
  // 附件说明: `附件：1. …` and the numbered names under it, just above the signature.
  let k = end;
  while (k - 1 > pos && end - k < 20 && isAttachmentItem(lines[k - 1]!.text)) k--;
  if (k - 1 >= pos) {
    const lead = matchAttachmentLead(lines[k - 1]!.text);
    if (lead !== null && (lead !== '' || k < end)) {
      const items = [lead, ...lines.slice(k, end).map((l) => l.text)].filter((t) => t !== '').map(stripItemLabel);
      header.attachments = items;
      fields.range(k - 1, end, 'attachments');
      end = k - 1;
    }
  }
  return end;
}

/** A bracketed line at the end is 附注 when it follows the date (or another 附注) or names a contact; otherwise it is body text. */
function closingNoteAllowed(lines: readonly SourceLine[], index: number): boolean {
  const above = lines[index - 1]?.text ?? '';
  return isDateLine(above) || matchNote(above) !== null || /联系人|电话|此件/.test(lines[index]!.text);
}

function splitOrganLine(text: string): string[] | null {
  if (matchHeadingLabel(text) !== null) return null;
  // Joint signatures copied side by side: names separated by wide gaps.
  const names = text.split(/[ \t\u3000]{2,}/);
  if (names.length > 1 && names.every(isOrganName)) return names;
  return isOrganName(text) ? [text] : null;
}

function isAttachmentItem(text: string): boolean {
  return text.length <= 80 && /^[0-9０-９]{1,2}[ \t]*[.．、]/.test(text) && !/[。；]$/.test(text);
}

function stripItemLabel(text: string): string {
  return text.replace(/^[0-9０-９]{1,2}[ \t]*[.．、][ \t]*/, '').trim();
}

// ---------------------------------------------------------------------------------------
// Body: wrapped lines joined, then headings and paragraphs

interface HeadingSplit {
  level: HeadingBlock['level'];
  label: string;
  text: string;
  runIn: string | null;
}

/** A numbered line → heading text and the paragraph that runs on after it, if any. */
function splitHeading(line: SourceLine): HeadingSplit | null {
  const m = matchHeadingLabel(line.text);
  if (!m) return null;
  const rest = line.text.slice(m.textStart);
  // Markdown/Word bold covering the start of the heading text decides where it ends.
  const first = line.bold.findIndex(([a, b]) => a <= m.textStart && b > m.textStart);
  if (first >= 0) {
    // Word splits bold into runs (`**一、****主要举措**`): adjacent spans continue the
    // heading until one ends a sentence; a bold 一是 after `（一）标题。` is body text.
    let end = line.bold[first]![1];
    for (let j = first + 1; j < line.bold.length && line.bold[j]![0] === end && !/[。！？!?]$/.test(line.text.slice(0, end)); j++) end = line.bold[j]![1];
    if (end >= line.text.length) return { level: m.level, label: m.label, text: rest.trim(), runIn: null };
    const text = line.text.slice(m.textStart, end).trim();
    const runIn = line.text.slice(end).trim();
    return { level: m.level, label: m.label, text, runIn: runIn || null };
  }
  // Otherwise the heading is its first sentence, when more text follows in the same line.
  const stop = rest.search(SENTENCE_END);
  if (stop >= 0) {
    let cut = stop + 1;
    while (cut < rest.length && /[”’」』）)]/.test(rest[cut]!)) cut++;
    const runIn = rest.slice(cut).trim();
    if (runIn) return { level: m.level, label: m.label, text: rest.slice(0, cut).trim(), runIn };
  }
  return { level: m.level, label: m.label, text: rest.trim(), runIn: null };
}

function isClosingLike(text: string): boolean {
  return isDateLine(text) || matchAttachmentLead(text) !== null || matchCc(text) !== null || matchPrintLine(text) !== null;
}

interface LineGroup {
  parts: string[];
  bold: [number, number][];
  length: number;
  /** Width of the first line's indent in full-width characters (0 when the copy lost it). */
  indent: number;
  /** The heading shape of the joined text so far (null: a plain paragraph). */
  shape: HeadingSplit | null;
}

/** Width of a line in full-width characters (ASCII letters, digits and spaces count half). */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ch >= ' ' && ch <= '~' ? 0.5 : 1;
  return width;
}

/**
 * The width text was hard-wrapped at (copied from a PDF, or a .txt saved with line breaks),
 * or null when it was not: then most long lines are that wide, give or take a digit or a
 * character pushed on by line-breaking rules. Text with a paragraph per line has no such width.
 */
function hardWrapWidth(lines: readonly SourceLine[]): number | null {
  const widths = lines.map((l) => displayWidth(l.text)).filter((w) => w >= MIN_WRAPPED_LINE && w <= 200);
  if (widths.length < 4) return null;
  // Widths are multiples of half a character: count each once, then score the candidates on
  // the histogram (linear in the lines, whatever the document's length).
  const histogram = new Map<number, number>();
  for (const w of widths) histogram.set(w, (histogram.get(w) ?? 0) + 1);
  const within = (from: number, to: number): number => {
    let n = 0;
    for (const [w, count] of histogram) if (w >= from && w <= to) n += count;
    return n;
  };
  let best = 0;
  let bestCount = 0;
  let bestScore = 0;
  for (const w of histogram.keys()) {
    const count = within(w - 2.5, w + 0.5);
    // Scored by the lines near it as well as the lines it covers: pdftotext puts spaces around
    // digits and Latin words (关于 2024 年度), which makes a few full lines a character or two
    // wider; taken for the width, they would make every ordinary full line look short.
    const score = count + within(w - 1, w + 0.5);
    if (score > bestScore || (score === bestScore && w > best)) [best, bestCount, bestScore] = [w, count, score];
  }
  return bestCount >= 4 && bestCount >= 0.4 * widths.length ? best : null;
}

/** Does `next` continue the paragraph in `group` (a line broken mid-paragraph, as PDF copies are)? */
function continues(group: LineGroup, next: SourceLine, wrapWidth: number | null, baseIndent: number): boolean {
  if (isPlaceholder(next.text) || isPlaceholder(group.parts[group.parts.length - 1]!)) return false;
  if (CONTINUATION_START.test(next.text)) return true;
  if (isClosingLike(next.text)) return false;
  // In hard-wrapped text that kept its indents (pdftotext -layout), an indented line starts a
  // paragraph: wrapped lines start at the margin.
  if (wrapWidth !== null && (next.indent ?? 0) - baseIndent >= 1) return false;
  const last = group.parts[group.parts.length - 1]!;
  // In hard-wrapped text a full line can end in 。 and go on: only a short line ends a
  // paragraph. A paragraph's first line is shorter by the indent (kept by pdftotext -layout
  // as leading spaces, lost without it).
  const first = group.parts.length === 1;
  const full = wrapWidth !== null && displayWidth(last) + (first ? group.indent : 0) >= wrapWidth - (first ? 2.5 : 1.5);
  // A full line that stops without closing punctuation was cut by the wrap: what follows is
  // the rest of its sentence even when the wrap put 一、 or 1. at the start of the next line
  // (权责统 / 一、运转协调…), and a heading too long for one line runs on into its sentence.
  const cutByWrap = full && !LINE_COMPLETE.test(last);
  const bareHeading = group.shape !== null && group.shape.runIn === null && group.shape.text !== '';
  if (matchHeadingLabel(next.text) !== null) return cutByWrap && !bareHeading;
  if (LINE_COMPLETE.test(last) && !full) return false;
  // A new point (一是… 二是…) starts a paragraph of its own, unless the line before it is full
  // (hard-wrapped text: points run on inside one paragraph, 。二是… falling at a line's start)
  // and is not a heading that fills the line (its words go on, not with 一是).
  if (/^[一二三四五六七八九十]{1,3}是/.test(next.text) && (!full || bareHeading)) return false;
  if (group.shape) {
    // A heading on its own line never swallows the next one, but a bare number does.
    if (group.shape.text === '' && group.shape.runIn === null) return next.text.length <= 60;
    if (group.shape.runIn === null) return cutByWrap;
  }
  if (isOrganName(next.text) && next.text.length <= 30) return false;
  return last.length >= MIN_WRAPPED_LINE;
}

function joinWrappedLines(lines: readonly SourceLine[]): SourceLine[] {
  const groups: LineGroup[] = [];
  const wrapWidth = hardWrapWidth(lines);
  // The margin every line has (a copy indented as a whole); an indent is counted beyond it.
  const baseIndent = lines.reduce((min, l) => Math.min(min, l.indent ?? 0), Infinity);
  for (const line of lines) {
    const group = groups[groups.length - 1];
    if (group && continues(group, line, wrapWidth, Number.isFinite(baseIndent) ? baseIndent : 0)) {
      for (const [a, b] of line.bold) group.bold.push([a + group.length, b + group.length]);
      group.parts.push(line.text);
      group.length += line.text.length;
      // Past a few hundred characters the shape is settled; skip re-reading a huge line.
      if (group.shape && group.length < 1_000) group.shape = splitHeading({ text: group.parts.join(''), bold: group.bold });
    } else {
      groups.push({ parts: [line.text], bold: [...line.bold], length: line.text.length, indent: line.indent ?? 0, shape: splitHeading(line) });
    }
  }
  return groups.map((group) => ({ text: group.parts.join(''), bold: group.bold }));
}

/** The bold runs of `part`, a slice of `line.text` at or after `from`, or undefined when none is bold. */
export function marksOf(line: SourceLine, part: string, from: number): Run[] | undefined {
  if (line.bold.length === 0 || !part) return undefined;
  const start = line.text.indexOf(part, from);
  if (start < 0) return undefined;
  const runs = runsFromSpans(line.text, line.bold, start, start + part.length);
  return hasMarks(runs) ? runs : undefined;
}

/**
 * The marks of a heading's text. A heading wholly in bold is bold because it is a heading
 * (its style draws it); only a bold part of it is a mark of its own.
 */
export function headingMarksOf(line: SourceLine, text: string, from: number): Run[] | undefined {
  const runs = marksOf(line, text, from);
  return runs && !(runs.length === 1 && runs[0]!.bold) ? runs : undefined;
}

function toBlock(line: SourceLine): Block {
  const heading = splitHeading(line);
  if (heading) {
    const block: HeadingBlock = { type: 'heading', level: heading.level, label: heading.label, text: heading.text, runIn: heading.runIn };
    const textAt = line.text.indexOf(heading.text, heading.label.length);
    const runs = headingMarksOf(line, heading.text, heading.label.length);
    if (runs) block.runs = runs;
    const runInRuns = heading.runIn ? marksOf(line, heading.runIn, Math.max(0, textAt) + heading.text.length) : undefined;
    if (runInRuns) block.runInRuns = runInRuns;
    return block;
  }
  const runs = marksOf(line, line.text, 0);
  return runs ? { type: 'paragraph', text: line.text, runs } : { type: 'paragraph', text: line.text };
}

function capBlocks(blocks: Block[]): Block[] {
  if (blocks.length <= MAX_BODY_BLOCKS) return blocks;
  const kept = blocks.slice(0, MAX_BODY_BLOCKS - 1);
  const rest = blocks.slice(MAX_BODY_BLOCKS - 1).map(blockText).join('\n');
  kept.push({ type: 'paragraph', text: rest });
  return kept;
}

function blockText(block: Block): string {
  if (block.type === 'heading') return `${block.label ?? ''}${block.text}${block.runIn ?? ''}`;
  return block.text;
}

// ---------------------------------------------------------------------------------------
// Kind and year

const FAZHI_TITLE = /法治政府建设/;

function kindOf(title: string, blocks: readonly Block[]): ParsedReport['kind'] {
  if (title) return FAZHI_TITLE.test(title) && /报告|情况|总结|汇报/.test(title) ? 'fazhi-annual' : 'generic';
  // No title: the opening paragraph says what the report is ("现将…法治政府建设…情况报告如下").
  const opening = blocks.slice(0, 3).map(blockText).join('');
  return /法治政府建设.{0,30}(情况|工作).{0,12}报告/.test(opening.slice(0, 2_000)) ? 'fazhi-annual' : 'generic';
}

function reportYearOf(title: string, blocks: readonly Block[]): number | null {
  const fromTitle = titleYear(title);
  if (fromTitle !== null) return fromTitle;
  for (const block of blocks) {
    const year = firstYear(blockText(block).slice(0, 5_000));
    if (year !== null) return year;
  }
  return null;
}

// ---------------------------------------------------------------------------------------
// Limits of documentSchema (shared/ipc/schemas.ts): a strange paste still yields a valid document.

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max);
}

function clampHeader(h: ReportHeader): ReportHeader {
  return {
    ...h,
    copyNumber: clip(h.copyNumber, 20),
    secrecy: clip(h.secrecy, 50),
    urgency: clip(h.urgency, 20),
    issuerLines: h.issuerLines.slice(0, 10).map((s) => clip(s, 500)),
    docNumber: clip(h.docNumber, 100),
    signers: h.signers.slice(0, 20).map((s) => clip(s, 50)),
    recipient: clip(h.recipient, 2_000),
    title: clip(h.title, 2_000),
    signingOrgans: h.signingOrgans.slice(0, 10).map((s) => clip(s, 500)),
    date: clip(h.date, 50),
    note: clip(h.note, 2_000),
    attachments: h.attachments.slice(0, 50).map((s) => clip(s, 2_000)),
    cc: clip(h.cc, 2_000),
    printOrgan: clip(h.printOrgan, 500),
    printDate: clip(h.printDate, 50),
  };
}
